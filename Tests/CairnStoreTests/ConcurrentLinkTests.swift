import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A link (a goal's owner) set on one copy to a record another copy deletes before they sync.
/// A delete clears every link to the record that its copy sees; this one it could not see.
@Suite struct ConcurrentLinkTests {
    let today = Day(iso: "2026-12-01")!

    @Test func a_goal_owner_set_to_a_member_removed_elsewhere_meanwhile_points_nowhere_after_the_sync() throws {
        let tmp = TemporaryDirectory()
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "ben", host: "laptop"))
        let train = try Store(directory: tmp.url.appendingPathComponent("train"), identity: Identity(user: "chidi", host: "train"))
        let ben = Author(user: "ben", today: today)
        let chidi = Author(user: "chidi", today: today)
        let cluster = Cluster(id: "clu-1", name: "Sieć Współpracy Szkół Bałuty")
        let school = School(id: "sch-1", name: "Szkoła Podstawowa nr 12 Łódź")
        let member = Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1")
        let goal = Goal(
            id: "gol-1", cluster: "clu-1", statement: "Attendance up", indicator: "attendance", unit: "%", baseline: 80, target: 90,
            deadline: Day(iso: "2027-06-30"))
        for record in [Record.cluster(cluster), .school(school), .membership(member), .goal(goal)] {
            try laptop.perform(.add(record), by: ben)
        }
        try carry(laptop, to: train)

        try laptop.perform(.delete(.membership, id: "mem-1"), by: ben)
        try train.perform(.setFields(.goal, id: "gol-1", [FieldValue("owner", "mem-1")]), by: chidi)
        try carry(laptop, to: train)
        try carry(train, to: laptop)

        #expect(laptop.world == train.world, "both copies agree")
        #expect(laptop.world.memberships["mem-1"] == nil, "the member stays removed")
        withKnownIssue("the fold keeps a link set, unseen, to a record deleted on another copy: cairn check calls it dangling") {
            #expect(laptop.world.danglingReferences().isEmpty, "the owner names a member that is gone")
        }
    }
}

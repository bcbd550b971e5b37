import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A link (a goal's owner) set on one copy to a record another copy deletes before they sync.
/// A delete clears every link to the record that its copy sees; this one it could not see. In
/// either order of the two, both copies end with the link cleared and listed as a conflict.
@Suite struct ConcurrentLinkTests {
    let today = Day(iso: "2026-12-01")!

    func copies(_ tmp: TemporaryDirectory) throws -> (laptop: Store, train: Store) {
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "ben", host: "laptop"))
        let train = try Store(directory: tmp.url.appendingPathComponent("train"), identity: Identity(user: "chidi", host: "train"))
        let ben = Author(user: "ben", today: today)
        let goal = Goal(
            id: "gol-1", cluster: "clu-1", statement: "Frekwencja w górę", indicator: "attendance", unit: "%", baseline: 80,
            target: 90, deadline: Day(iso: "2027-06-30"))
        let records: [Record] = [
            .cluster(Cluster(id: "clu-1", name: "Sieć Współpracy Szkół Bałuty")),
            .school(School(id: "sch-1", name: "Szkoła Podstawowa nr 12 Łódź")),
            .membership(Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1")), .goal(goal),
        ]
        for record in records { try laptop.perform(.add(record), by: ben) }
        try carry(laptop, to: train)
        return (laptop, train)
    }

    func expectClearedAndListed(_ laptop: Store, _ train: Store) throws {
        #expect(laptop.world == train.world, "both copies agree")
        #expect(laptop.world.openConflicts == train.world.openConflicts)
        #expect(laptop.world.memberships["mem-1"] == nil, "the member stays removed")
        #expect(laptop.world.goals["gol-1"]?.owner == nil, "the owner is cleared, not left naming a member that is gone")
        #expect(laptop.world.danglingReferences().isEmpty)
        let conflict = try #require(laptop.world.openConflicts.first { $0.record == "gol-1" && $0.field == "owner" })
        #expect(conflict.kept.value == .null && conflict.kept.by == "ben", "the remove stands")
        #expect(conflict.others.map(\.value) == [.string("mem-1")], "the owner chidi chose is listed")
        #expect(!conflict.recordDeleted, "the goal itself is there")
    }

    @Test func an_owner_set_to_a_member_removed_elsewhere_before_is_cleared_and_listed_on_both_copies() throws {
        let tmp = TemporaryDirectory()
        let (laptop, train) = try copies(tmp)
        try laptop.perform(.delete(.membership, id: "mem-1"), by: Author(user: "ben", today: today))
        try train.perform(.setFields(.goal, id: "gol-1", [FieldValue("owner", "mem-1")]), by: Author(user: "chidi", today: today))
        try carry(laptop, to: train)
        try carry(train, to: laptop)
        try expectClearedAndListed(laptop, train)
    }

    @Test func a_member_removed_after_another_copy_made_it_owner_unseen_clears_the_owner_on_both_copies() throws {
        let tmp = TemporaryDirectory()
        let (laptop, train) = try copies(tmp)
        try train.perform(.setFields(.goal, id: "gol-1", [FieldValue("owner", "mem-1")]), by: Author(user: "chidi", today: today))
        try laptop.perform(.delete(.membership, id: "mem-1"), by: Author(user: "ben", today: today))
        try carry(laptop, to: train)
        try carry(train, to: laptop)
        try expectClearedAndListed(laptop, train)
        let conflict = try #require(laptop.world.openConflicts.first)
        #expect(conflict.others.first?.by == "chidi", "who set the owner is named")
    }

    @Test func such_a_conflict_cannot_bring_back_a_link_to_nothing_and_ends_by_keeping_it_cleared() throws {
        let tmp = TemporaryDirectory()
        let (laptop, train) = try copies(tmp)
        try laptop.perform(.delete(.membership, id: "mem-1"), by: Author(user: "ben", today: today))
        try train.perform(.setFields(.goal, id: "gol-1", [FieldValue("owner", "mem-1")]), by: Author(user: "chidi", today: today))
        try carry(laptop, to: train)
        let conflict = try #require(train.world.openConflicts.first)
        let chidi = Author(user: "chidi", today: today)
        #expect(throws: PerformError.self) {
            try train.perform(.resolve(conflict, choosing: try #require(conflict.others.first)), by: chidi)
        }
        try train.perform(.resolve(conflict, choosing: conflict.kept), by: chidi)
        try carry(train, to: laptop)
        for store in [laptop, train] {
            #expect(store.world.openConflicts.isEmpty)
            #expect(store.world.goals["gol-1"]?.owner == nil)
            #expect(try !StoreCheck.run(store).isDamaged)
        }
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Links between schools and a goal's contribution to a grouping's goal, changed on two copies
/// that have not synced, their journals carried between them as git would: each ends alike on
/// both, nothing left pointing at a record that is gone, and every change that could not stand
/// listed as a conflict.
@Suite struct LinkMergeTests {
    let start = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01T09:00:00Z
    let today = Day(iso: "2026-12-01")!
    var ben: Author { Author(user: "ben", today: today) }
    var chidi: Author { Author(user: "chidi", today: today) }

    /// Two copies holding a collaborative over an agrupamento, each with a goal, three schools
    /// and one feeding link.
    func copies(_ tmp: TemporaryDirectory) throws -> (laptop: Store, train: Store) {
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "ben", host: "laptop"))
        let train = try Store(directory: tmp.url.appendingPathComponent("train"), identity: Identity(user: "chidi", host: "train"))
        func goal(_ id: String, _ cluster: String, _ statement: String) -> Goal {
            Goal(
                id: id, cluster: cluster, statement: statement, indicator: "attendance", unit: "%", baseline: 80, target: 90,
                deadline: Day(iso: "2027-06-30"))
        }
        let records: [Record] = [
            .cluster(Cluster(id: "clu-g", name: "Colaborativa Regional do Oeste", kind: .regionalCollaborative)),
            .cluster(Cluster(id: "clu-1", name: "Agrupamento de Escolas Josefa de Óbidos")),
            .membership(Membership(id: "mem-c", cluster: "clu-g", memberType: .cluster, memberId: "clu-1")),
            .goal(goal("gol-g", "clu-g", "Assiduidade regional acima de 95 %")),
            .goal(goal("gol-1", "clu-1", "Frequência no 1.º ciclo")),
            .school(School(id: "sch-1", name: "EB de A-dos-Negros", phases: [.primary])),
            .school(School(id: "sch-2", name: "EB 2,3 Josefa de Óbidos", phases: [.lowerSecondary])),
            .school(School(id: "sch-3", name: "Escola Secundária de Peniche", phases: [.upperSecondary])),
            .link(Link(id: "lnk-1", from: "sch-1", to: "sch-2", relation: .feeds, phases: [.primary, .lowerSecondary])),
        ]
        for (i, record) in records.enumerated() {
            try laptop.perform(.add(record), by: ben, at: start.addingTimeInterval(Double(i)))
        }
        try carry(laptop, to: train)
        return (laptop, train)
    }

    /// Both copies hold the same world and the same open conflicts, with nothing dangling.
    func expectAlike(_ laptop: Store, _ train: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(laptop.world == train.world, "both copies agree", sourceLocation: sourceLocation)
        #expect(laptop.world.openConflicts == train.world.openConflicts, sourceLocation: sourceLocation)
        for store in [laptop, train] {
            #expect(store.world.danglingReferences().isEmpty, sourceLocation: sourceLocation)
            #expect(try !StoreCheck.run(store).isDamaged, sourceLocation: sourceLocation)
        }
    }

    // MARK: - A link to a school deleted elsewhere

    /// A feed from “EB 2,3” to “Peniche” made on the train, the school “Peniche” deleted on the
    /// laptop; `linkFirst` says which of the two was made first.
    func linkToADeletedSchool(linkFirst: Bool) throws {
        let tmp = TemporaryDirectory()
        let (laptop, train) = try copies(tmp)
        let link = Link(id: "lnk-2", from: "sch-2", to: "sch-3", relation: .feeds, phases: [.lowerSecondary, .upperSecondary])
        let made = start.addingTimeInterval(linkFirst ? 600 : 3_600)
        let deleted = start.addingTimeInterval(linkFirst ? 3_600 : 600)
        try train.perform(.add(.link(link)), by: chidi, at: made)
        try laptop.perform(.delete(.school, id: "sch-3"), by: ben, at: deleted)
        try carry(train, to: laptop)
        try carry(laptop, to: train)

        try expectAlike(laptop, train)
        for store in [laptop, train] {
            #expect(store.world.schools["sch-3"] == nil, "the delete stands")
            #expect(store.world.links["lnk-2"] == nil, "the link is set aside with the school it names")
            #expect(store.world.links["lnk-1"] != nil, "the other link is untouched")
            let conflict = try #require(store.world.openConflicts.first)
            #expect(store.world.openConflicts.count == 1)
            #expect(conflict.record == "lnk-2" && conflict.field == "to" && conflict.recordDeleted)
            #expect(conflict.kept.by == "ben", "the delete is what stands")
            #expect(store.world.deletedParent(in: conflict)?.id == "sch-3", "the conflict names the school deleted meanwhile")
        }

        // Choosing the link brings back both the school and the link, on both copies.
        let conflict = try #require(train.world.openConflicts.first)
        try train.perform(.resolve(conflict, choosing: try #require(conflict.others.first)), by: chidi, at: start.addingTimeInterval(7_200))
        try carry(train, to: laptop)
        try expectAlike(laptop, train)
        for store in [laptop, train] {
            #expect(store.world.schools["sch-3"]?.name == "Escola Secundária de Peniche")
            #expect(store.world.links["lnk-2"] == link)
            #expect(store.world.openConflicts.isEmpty)
        }
    }

    @Test func a_link_made_to_a_school_deleted_elsewhere_before_is_set_aside_and_listed_and_can_bring_both_back() throws {
        try linkToADeletedSchool(linkFirst: false)
    }

    @Test func a_link_made_before_its_school_was_deleted_elsewhere_unseen_is_set_aside_and_listed_and_can_bring_both_back() throws {
        try linkToADeletedSchool(linkFirst: true)
    }

    // MARK: - One link's notes edited on two copies

    @Test func two_people_editing_one_links_notes_concurrently_make_a_field_conflict_that_ends_alike_on_both() throws {
        let tmp = TemporaryDirectory()
        let (laptop, train) = try copies(tmp)
        let bens = "Visitas de transição em junho 🌱"
        let chidis = "Cafe\u{301} com os pais às sextas"
        try laptop.perform(.setFields(.link, id: "lnk-1", [FieldValue("notes", bens)]), by: ben, at: start.addingTimeInterval(600))
        try train.perform(.setFields(.link, id: "lnk-1", [FieldValue("notes", chidis)]), by: chidi, at: start.addingTimeInterval(900))
        try carry(laptop, to: train)
        try carry(train, to: laptop)

        try expectAlike(laptop, train)
        let conflict = try #require(laptop.world.openConflicts.first)
        #expect(laptop.world.openConflicts.count == 1)
        #expect(conflict.record == "lnk-1" && conflict.field == "notes" && !conflict.recordDeleted)
        #expect(conflict.kept.value == .string("Café com os pais às sextas") && conflict.kept.by == "chidi", "the later stands, in NFC")
        #expect(conflict.others.map(\.value) == [.string(bens)] && conflict.others.map(\.by) == ["ben"], "the earlier is listed")
        #expect(laptop.world.links["lnk-1"]?.notes == "Café com os pais às sextas")

        try laptop.perform(.resolve(conflict, choosing: try #require(conflict.others.first)), by: ben, at: start.addingTimeInterval(1_200))
        try carry(laptop, to: train)
        try expectAlike(laptop, train)
        for store in [laptop, train] {
            #expect(store.world.links["lnk-1"]?.notes == bens)
            #expect(store.world.openConflicts.isEmpty)
        }
    }

    // MARK: - A contribution to a grouping's goal deleted elsewhere

    func contributionToADeletedGoal(setFirst: Bool) throws {
        let tmp = TemporaryDirectory()
        let (laptop, train) = try copies(tmp)
        let set = start.addingTimeInterval(setFirst ? 600 : 3_600)
        let deleted = start.addingTimeInterval(setFirst ? 3_600 : 600)
        try train.perform(.setFields(.goal, id: "gol-1", [FieldValue("contributesTo", "gol-g")]), by: chidi, at: set)
        #expect(train.world.goals["gol-1"]?.contributesTo == "gol-g", "the rule book lets it contribute: the agrupamento is within")
        try laptop.perform(.delete(.goal, id: "gol-g"), by: ben, at: deleted)
        try carry(laptop, to: train)
        try carry(train, to: laptop)

        try expectAlike(laptop, train)
        for store in [laptop, train] {
            #expect(store.world.goals["gol-g"] == nil, "the delete stands")
            #expect(store.world.goals["gol-1"] != nil, "the member's goal stays")
            #expect(store.world.goals["gol-1"]?.contributesTo == nil, "its contribution is cleared, not left naming a goal that is gone")
            let conflict = try #require(store.world.openConflicts.first)
            #expect(store.world.openConflicts.count == 1)
            #expect(conflict.record == "gol-1" && conflict.field == "contributesTo" && !conflict.recordDeleted)
            #expect(conflict.kept.value == .null && conflict.kept.by == "ben", "the delete's clearing stands")
            #expect(conflict.others.map(\.value) == [.string("gol-g")] && conflict.others.map(\.by) == ["chidi"])
        }
    }

    @Test func a_contribution_set_to_a_groupings_goal_deleted_elsewhere_before_is_cleared_with_a_conflict() throws {
        try contributionToADeletedGoal(setFirst: false)
    }

    @Test func a_groupings_goal_deleted_after_another_copy_set_a_contribution_to_it_unseen_clears_it_with_a_conflict() throws {
        try contributionToADeletedGoal(setFirst: true)
    }
}

import Testing

@testable import CairnCore

/// Links between schools: a feed with its phases, a succession with its day and how; refused
/// when they name no school, loop, or repeat; gone with the school they name.
@Suite struct LinkTests {
    let today = Day(iso: "2026-12-06")!
    let ana = Author(user: "ana", today: Day(iso: "2026-12-06")!)

    /// Performs the operation on `w` as the store would: asked of the rule book, then applied.
    @discardableResult
    func perform(_ op: DomainOperation, on w: inout World) throws -> Outcome {
        let outcome = try w.perform(op, by: ana)
        w.apply(outcome.changes)
        return outcome
    }

    func world() throws -> World {
        var w = World()
        for (id, name) in [("sch-a", "EB1 Amoreira"), ("sch-b", "EB 2,3 Óbidos"), ("sch-c", "Escola Velha"), ("sch-d", "Þingeyjarskóli")] {
            try perform(.add(.school(School(id: id, name: name))), on: &w)
        }
        return w
    }

    @Test func a_feed_and_a_succession_are_kept_and_each_school_sees_them_from_its_side() throws {
        var w = try world()
        let feed = Link(id: "lnk-1", from: "sch-a", to: "sch-b", relation: .feeds, phases: [.primary, .lowerSecondary])
        let succession = Link(id: "lnk-2", from: "sch-c", to: "sch-b", relation: .lineage, on: Day(iso: "2024-09-01"), how: .merged)
        let outcome = try perform(.add(.link(feed)), on: &w)
        try perform(.add(.link(succession)), on: &w)
        #expect(outcome.summary == "Added link: “EB1 Amoreira” feeds “EB 2,3 Óbidos” (primary → lower secondary)")
        #expect(w.links(from: "sch-a").map(\.id) == ["lnk-1"])
        #expect(w.links(to: "sch-b").map(\.id) == ["lnk-1", "lnk-2"])
        #expect(w.linkPhrase(succession) == "“EB 2,3 Óbidos” succeeded “Escola Velha” (merged, 2024-09-01)")
    }

    @Test func a_link_to_itself_a_repeat_a_circle_and_a_succession_without_how_or_day_are_refused() throws {
        var w = try world()
        try perform(.add(.link(Link(id: "lnk-1", from: "sch-a", to: "sch-b", relation: .feeds))), on: &w)
        try perform(
            .add(.link(Link(id: "lnk-2", from: "sch-c", to: "sch-b", relation: .lineage, on: today, how: .amalgamated))), on: &w)
        let refused: [(Link, String)] = [
            (Link(from: "sch-a", to: "sch-a", relation: .feeds), "a school cannot be linked to itself"),
            (Link(from: "sch-a", to: "sch-b", relation: .feeds), "“EB1 Amoreira” feeds “EB 2,3 Óbidos” is already recorded"),
            (
                Link(from: "sch-b", to: "sch-c", relation: .lineage, on: today, how: .split),
                "“Escola Velha” is already a predecessor of “EB 2,3 Óbidos”: it cannot also succeed it"
            ),
            (Link(from: "sch-d", to: "sch-b", relation: .lineage, on: today), "say how: merged, split, amalgamated or converted"),
            (Link(from: "sch-d", to: "sch-b", relation: .lineage, how: .converted), "say when the successor took over"),
            (Link(from: "sch-a", to: "sch-x", relation: .feeds), "the school no longer exists"),
        ]
        for (link, message) in refused {
            let before = w
            #expect(throws: Refusal.self) { try perform(.add(.link(link)), on: &w) }
            let (_, issues) = w.validate(.link(link))
            #expect(issues.map(\.message).contains(message), "\(issues)")
            #expect(w == before)
        }
    }

    @Test func deleting_a_school_deletes_its_links_and_undo_brings_them_back() throws {
        var w = try world()
        try perform(.add(.link(Link(id: "lnk-1", from: "sch-a", to: "sch-b", relation: .feeds))), on: &w)
        try perform(.add(.link(Link(id: "lnk-2", from: "sch-d", to: "sch-c", relation: .feeds))), on: &w)
        #expect(w.deletePlan(.school, id: "sch-b").deleted == [.link: 1])
        let outcome = try perform(.delete(.school, id: "sch-b"), on: &w)
        #expect(w.links.keys.sorted() == ["lnk-2"])
        #expect(w.danglingReferences().isEmpty)
        try perform(.undo(outcome.inverse, summary: "undo"), on: &w)
        #expect(w.links.keys.sorted() == ["lnk-1", "lnk-2"])
    }

    @Test func a_goal_contributes_only_to_a_goal_of_a_grouping_its_cluster_is_within() throws {
        var w = try world()
        for (id, name) in [("clu-r", "Oeste collaborative"), ("clu-a", "Agrupamento de Óbidos"), ("clu-n", "Łódź network")] {
            try perform(.add(.cluster(Cluster(id: id, name: name))), on: &w)
        }
        try perform(.add(.membership(Membership(cluster: "clu-r", memberType: .cluster, memberId: "clu-a"))), on: &w)
        func goal(_ id: String, _ cluster: String, _ statement: String, to: String? = nil) -> Goal {
            Goal(
                id: id, cluster: cluster, statement: statement, indicator: "attendance", unit: "%", baseline: 90, target: 95,
                deadline: Day(iso: "2027-07-31"), contributesTo: to)
        }
        try perform(.add(.goal(goal("gol-r", "clu-r", "Regional attendance"))), on: &w)
        try perform(.add(.goal(goal("gol-a", "clu-a", "Attendance", to: "gol-r"))), on: &w)
        #expect(w.contributors(to: "gol-r").map(\.id) == ["gol-a"])
        let stray = goal("gol-n", "clu-n", "Reading", to: "gol-r")
        #expect(throws: Refusal.self) { try perform(.add(.goal(stray)), on: &w) }
        #expect(
            w.validate(.goal(stray)).1.map(\.message) == [
                "“Regional attendance” is a goal of “Oeste collaborative”, which “Łódź network” is not within"
            ])
        // The grouping's goal gone, the contribution is cleared, not left pointing nowhere.
        try perform(.delete(.goal, id: "gol-r"), on: &w)
        #expect(w.goals["gol-a"]?.contributesTo == nil)
    }
}

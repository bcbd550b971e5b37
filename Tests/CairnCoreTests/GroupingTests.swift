import Testing

@testable import CairnCore

/// Groupings of clusters: a cluster can be a member of another (a collaborative, a trust),
/// never of itself, directly or through others.
@Suite struct GroupingTests {
    let author = Author(user: "ana", today: Day(iso: "2026-12-06")!)

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-r", name: "Northern Alliance", kind: .regionalCollaborative, level: .regional))),
            .put(.cluster(Cluster(id: "clu-a", name: "Agrupamento de Óbidos"))),
            .put(.cluster(Cluster(id: "clu-b", name: "Portree Learning Community", kind: .network))),
            .put(.school(School(id: "sch-1", name: "Þingeyjarskóli"))),
            .put(.agency(Agency(id: "agy-1", name: "NHS Highland", sector: .health))),
        ])
        return w
    }

    func join(_ w: inout World, _ grouping: String, _ member: String, _ type: MemberType = .cluster) throws {
        let m = Membership(id: "mem-\(grouping)-\(member)", cluster: grouping, memberType: type, memberId: member)
        w.apply(try w.perform(.add(.membership(m)), by: author).changes)
    }

    @Test func a_cluster_joins_a_grouping_and_is_named_as_its_member() throws {
        var w = world()
        try join(&w, "clu-r", "clu-a")
        try join(&w, "clu-r", "clu-b")
        try join(&w, "clu-a", "sch-1", .school)
        #expect(w.memberClusters(of: "clu-r").map(\.id).sorted() == ["clu-a", "clu-b"])
        #expect(w.groupings(of: "clu-a").map(\.id) == ["clu-r"])
        #expect(w.members(of: "clu-r").map { w.memberName($0) }.sorted() == ["Agrupamento de Óbidos", "Portree Learning Community"])
        #expect(w.topGroupings().map(\.id) == ["clu-r"])
        // A grouping's member clusters are not agencies: coverage counts none.
        #expect(w.coverage(of: "clu-r").counts.isEmpty)
    }

    @Test func a_grouping_that_would_end_up_within_itself_is_refused_with_the_circle_named() throws {
        var w = world()
        try join(&w, "clu-r", "clu-a")
        try join(&w, "clu-a", "clu-b")
        let itself = #expect(throws: Refusal.self) { try join(&w, "clu-a", "clu-a") }
        #expect(itself?.message.contains("cannot be a member of itself") == true)
        let circle = #expect(throws: Refusal.self) { try join(&w, "clu-b", "clu-r") }
        #expect(
            circle?.message.contains("“Portree Learning Community” is already within “Northern Alliance”") == true,
            "\(String(describing: circle?.message))")
        #expect(circle?.message.contains("Northern Alliance › Agrupamento de Óbidos › Portree Learning Community") == true)
        #expect(w.memberships.count == 2)
    }

    @Test func deleting_a_cluster_takes_its_places_in_groupings_with_it() throws {
        var w = world()
        try join(&w, "clu-r", "clu-a")
        w.apply(try w.perform(.delete(.cluster, id: "clu-a"), by: author).changes)
        #expect(w.memberships.isEmpty)
        #expect(w.members(of: "clu-r").isEmpty)
        #expect(w.danglingReferences().isEmpty)
    }

    @Test func a_level_is_one_field_of_a_cluster_in_every_door() throws {
        let record = Record.cluster(Cluster(id: "clu-x", name: "Rede", level: .national))
        #expect(record.fieldValues["level"] == .string("national"))
        #expect(
            RecordFields.fields(of: .cluster).contains { $0.name == "level" && $0.input == .choice(["", "local", "regional", "national"]) })
        let edited = try RecordFields.set("level", to: "regional", in: record, today: author.today)
        #expect(edited.fieldValues["level"] == .string("regional"))
    }

    @Test func a_member_that_leaves_is_kept_with_the_day_and_may_join_again() throws {
        var w = world()
        try join(&w, "clu-a", "sch-1", .school)
        let id = "mem-clu-a-sch-1"
        w.apply(try w.perform(.leave(membership: id, on: Day(iso: "2026-11-30")), by: author).changes)
        #expect(w.memberships[id]?.to == Day(iso: "2026-11-30"))
        #expect(w.members(of: "clu-a").isEmpty)
        #expect(w.formerMembers(of: "clu-a").map(\.id) == [id])
        #expect(w.clusters(withMember: "sch-1").isEmpty)
        let again = #expect(throws: Refusal.self) { try w.perform(.leave(membership: id), by: author) }
        #expect(again?.message == "Þingeyjarskóli already left on 2026-11-30")
        var other = world()
        try join(&other, "clu-a", "sch-1", .school)
        let later = #expect(throws: Refusal.self) { try other.perform(.leave(membership: id, on: Day(iso: "2026-12-07")), by: author) }
        #expect(later?.message == "2026-12-07 is still to come: a member leaves today or on an earlier day")
        // Joining again is a new membership: the one that ended is not a twin.
        let rejoin = Membership(id: "mem-again", cluster: "clu-a", memberType: .school, memberId: "sch-1", from: author.today)
        w.apply(try w.perform(.add(.membership(rejoin)), by: author).changes)
        #expect(w.members(of: "clu-a").map(\.id) == ["mem-again"])
        #expect(w.memberships.count == 2)
    }

    /// Two copies, each joining one cluster to the other before they synced, pass the rule
    /// book each, and together make a circle: the tree names it and ends.
    @Test func a_circle_that_merged_copies_made_is_named_in_the_tree_and_walked_once() throws {
        var w = world()
        try join(&w, "clu-r", "clu-b")
        w.apply([
            .put(.membership(Membership(id: "m-ab", cluster: "clu-a", memberType: .cluster, memberId: "clu-b"))),
            .put(.membership(Membership(id: "m-ba", cluster: "clu-b", memberType: .cluster, memberId: "clu-a"))),
        ])
        let forest = w.groupingForest()
        #expect(forest.map(\.cluster.id) == ["clu-r"], "the circle hangs under the alliance, walked from there")
        let b = try #require(forest.first?.clusters.first)
        #expect(b.cluster.id == "clu-b" && !b.circle)
        let a = try #require(b.clusters.first)
        #expect(a.cluster.id == "clu-a" && !a.circle)
        #expect(a.clusters.map(\.circle) == [true] && a.clusters.first?.cluster.id == "clu-b")
        #expect(w.groupingsAbove("clu-a") == ["clu-a", "clu-b", "clu-r"])

        // With no top at all, the circle's first cluster by name stands for one.
        w.apply(.delete(.membership, id: "mem-clu-r-clu-b"))
        #expect(w.groupingForest().map(\.cluster.id) == ["clu-r", "clu-a"])
    }
}

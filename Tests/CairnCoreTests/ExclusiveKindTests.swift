import Testing

@testable import CairnCore

/// Exclusive kinds: a school is in one agrupamento (a `cluster`), one federation and one trust
/// at a time; networks and collaboratives overlap freely.
@Suite struct ExclusiveKindTests {
    let author = Author(user: "ana", today: Day(iso: "2026-12-06")!)

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-a", name: "Agrupamento de Óbidos"))),
            .put(.cluster(Cluster(id: "clu-b", name: "Agrupamento de Peniche"))),
            .put(.cluster(Cluster(id: "clu-n", name: "Rede de Leitura", kind: .network))),
            .put(.cluster(Cluster(id: "clu-m", name: "Rede Ciência Viva", kind: .network))),
            .put(.cluster(Cluster(id: "clu-f", name: "Tees Federation", kind: .federation))),
            .put(.school(School(id: "sch-1", name: "Escola Básica de Óbidos"))),
            .put(.agency(Agency(id: "agy-1", name: "Centro de Saúde", sector: .health))),
            .put(
                .membership(
                    Membership(id: "mem-a1", cluster: "clu-a", memberType: .school, memberId: "sch-1", from: Day(iso: "2024-09-01")))),
            .put(.membership(Membership(id: "mem-a-agy", cluster: "clu-a", memberType: .agency, memberId: "agy-1"))),
        ])
        return w
    }

    func membership(_ cluster: String, _ member: String, _ type: MemberType = .school) -> Membership {
        Membership(id: "mem-\(cluster)-\(member)", cluster: cluster, memberType: type, memberId: member)
    }

    @Test func the_kinds_that_hold_a_school_to_one_at_a_time_are_cluster_federation_and_trust() {
        #expect(ClusterKind.allCases.filter(\.isExclusive) == [.cluster, .federation, .trust])
    }

    @Test func joining_a_second_agrupamento_is_refused_naming_the_first_and_since_when() throws {
        let w = world()
        #expect(w.exclusiveMembership(of: "sch-1", type: .school, joining: "clu-b")?.id == "mem-a1")
        let refusal = #expect(throws: Refusal.self) { try w.perform(.add(.membership(membership("clu-b", "sch-1"))), by: author) }
        #expect(
            refusal?.message.hasPrefix(
                "Escola Básica de Óbidos is already in cluster “Agrupamento de Óbidos” (since 2024-09-01), and a school is in one cluster at a time"
            ) == true, "\(String(describing: refusal?.message))")
    }

    @Test func leaving_the_first_and_joining_the_second_in_one_operation_is_a_move() throws {
        var w = world()
        let move = DomainOperation.all(
            [.leave(membership: "mem-a1", on: nil), .add(.membership(membership("clu-b", "sch-1")))], summary: "moved")
        w.apply(try w.perform(move, by: author).changes)
        #expect(w.memberships["mem-a1"]?.to == author.today)
        #expect(w.clusters(withMember: "sch-1").map(\.id) == ["clu-b"])
    }

    @Test func networks_overlap_freely_and_so_does_a_network_with_an_agrupamento() throws {
        var w = world()
        w.apply(try w.perform(.add(.membership(membership("clu-n", "sch-1"))), by: author).changes)
        w.apply(try w.perform(.add(.membership(membership("clu-m", "sch-1"))), by: author).changes)
        w.apply(try w.perform(.add(.membership(membership("clu-f", "sch-1"))), by: author).changes)
        #expect(w.clusters(withMember: "sch-1").count == 4)
    }

    @Test func an_agency_and_a_cluster_may_be_in_two_agrupamentos() throws {
        var w = world()
        w.apply(try w.perform(.add(.membership(membership("clu-b", "agy-1", .agency))), by: author).changes)
        w.apply(try w.perform(.add(.membership(membership("clu-a", "clu-n", .cluster))), by: author).changes)
        w.apply(try w.perform(.add(.membership(membership("clu-b", "clu-n", .cluster))), by: author).changes)
        #expect(w.clusters(withMember: "agy-1").count == 2)
        #expect(w.groupings(of: "clu-n").count == 2)
    }

    @Test func a_school_that_left_its_agrupamento_may_join_another() throws {
        var w = world()
        w.apply(try w.perform(.leave(membership: "mem-a1", on: Day(iso: "2026-08-31")), by: author).changes)
        #expect(w.exclusiveMembership(of: "sch-1", type: .school, joining: "clu-b") == nil)
        w.apply(try w.perform(.add(.membership(membership("clu-b", "sch-1"))), by: author).changes)
        // Taking the old place up again (its leaving cleared) would make two: refused.
        var again = try #require(w.memberships["mem-a1"])
        again.to = nil
        let back = #expect(throws: Refusal.self) { try w.perform(.edit(.membership(again)), by: author) }
        #expect(back?.message.contains("already in cluster “Agrupamento de Peniche”") == true, "\(String(describing: back?.message))")
    }

    @Test func a_school_in_two_agrupamentos_from_a_register_is_carried_and_its_role_can_still_be_edited() throws {
        var w = world()
        let second = membership("clu-b", "sch-1")
        w.apply(try w.perform(.carry([.put(.membership(second))], summary: "register"), by: author).changes)
        #expect(w.clusters(withMember: "sch-1").count == 2)
        var edited = second
        edited.role = "escola sede"
        w.apply(try w.perform(.edit(.membership(edited)), by: author).changes)
        #expect(w.memberships[second.id]?.role == "escola sede")
    }

    @Test func making_a_network_a_federation_while_one_of_its_schools_is_in_another_federation_is_refused_naming_both() throws {
        var w = world()
        w.apply(try w.perform(.add(.membership(membership("clu-f", "sch-1"))), by: author).changes)
        w.apply(try w.perform(.add(.membership(membership("clu-n", "sch-1"))), by: author).changes)
        let refusal = #expect(throws: Refusal.self) {
            try w.perform(.setFields(.cluster, id: "clu-n", [FieldValue("kind", "federation")]), by: author)
        }
        #expect(
            refusal?.message.hasPrefix(
                "Escola Básica de Óbidos is already in federation “Tees Federation”, and a school is in one federation at a time"
            ) == true, "\(String(describing: refusal?.message))")
        #expect(refusal?.message.contains("“Rede de Leitura” stays a network") == true)
        // Making it an agrupamento is refused too: the school is in “Agrupamento de Óbidos”.
        let second = #expect(throws: Refusal.self) {
            try w.perform(.setFields(.cluster, id: "clu-n", [FieldValue("kind", "cluster")]), by: author)
        }
        #expect(second?.message.contains("already in cluster “Agrupamento de Óbidos” (since 2024-09-01)") == true)
    }

    @Test func a_grouping_whose_schools_are_in_no_other_of_the_kind_may_become_exclusive_and_other_edits_stay_free() throws {
        var w = world()
        w.apply(try w.perform(.add(.membership(membership("clu-n", "sch-1"))), by: author).changes)
        // A trust: the school is in no trust yet.
        w.apply(try w.perform(.setFields(.cluster, id: "clu-n", [FieldValue("kind", "trust")]), by: author).changes)
        #expect(w.clusters["clu-n"]?.kind == .trust)
        // Two agrupamentos sharing a school by a register's import stay editable in their other fields.
        w.apply([.put(.membership(membership("clu-b", "sch-1")))])
        w.apply(try w.perform(.setFields(.cluster, id: "clu-b", [FieldValue("notes", "Łódź visit")]), by: author).changes)
        #expect(w.clusters["clu-b"]?.notes == "Łódź visit")
    }
}

import Testing

@testable import CairnCore

@Suite struct WorldTests {
    func world() -> (World, Cluster, School, Agency) {
        var w = World()
        let c = Cluster(id: "clu-1", name: "Agrupamento de Óbidos")
        let s = School(id: "sch-1", officialId: "PT-1", name: "Escola Básica de São João")
        let a = Agency(id: "agy-1", name: "Câmara Municipal", sector: .localAuthority)
        w.apply([.put(.cluster(c)), .put(.school(s)), .put(.agency(a))])
        w.apply(.put(.membership(Membership(id: "mem-1", cluster: c.id, memberType: .school, memberId: s.id))))
        w.apply(.put(.membership(Membership(id: "mem-2", cluster: c.id, memberType: .agency, memberId: a.id, lead: true))))
        w.apply(.put(.checkpoint(Checkpoint(id: "chk-1", cluster: c.id, title: "Meeting", due: Day(iso: "2026-01-15")!))))
        return (w, c, s, a)
    }

    @Test func a_name_is_required() {
        let (w, _, _, _) = world()
        #expect(w.validate(School(name: "")).map(\.field) == ["name"])
        #expect(w.validate(Cluster(name: "")).map(\.field) == ["name"])
        #expect(w.validate(Agency(name: "", sector: .ngo)).map(\.field) == ["name"])
        #expect(w.validate(Checkpoint(cluster: "clu-1", title: "", due: Day(ordinal: 0))).map(\.field) == ["title"])
    }

    @Test func official_ids_are_unique_and_the_message_names_the_holder() {
        let (w, _, s, _) = world()
        let twin = School(officialId: "PT-1", name: "Other")
        let issues = w.validate(twin)
        #expect(issues.count == 1)
        #expect(issues[0].message.contains(s.name))
        var same = s
        same.name = "Renamed"
        #expect(w.validate(same).isEmpty)  // editing a school keeps its own id
    }

    @Test func a_cluster_has_one_lead() {
        let (w, c, s, _) = world()
        let second = Membership(id: "mem-1", cluster: c.id, memberType: .school, memberId: s.id, lead: true)
        let issues = w.validate(second)
        #expect(issues.map(\.field) == ["lead"])
        #expect(issues[0].message.contains("Câmara Municipal"))
    }

    @Test func a_member_joins_a_cluster_once() {
        let (w, c, s, _) = world()
        #expect(w.validate(Membership(cluster: c.id, memberType: .school, memberId: s.id)).map(\.field) == ["member"])
    }

    @Test func bad_email_is_refused() {
        let (w, _, _, _) = world()
        #expect(w.validate(School(name: "X", email: "not-an-address")).map(\.field) == ["email"])
    }

    @Test func deleting_a_cluster_takes_its_members_and_checkpoints_and_undo_restores_all() {
        var (w, c, s, _) = world()
        let before = w
        let changes = w.cascadeDelete(.cluster, id: c.id)
        #expect(changes.count == 4)
        let inverse = w.inverse(of: changes)
        w.apply(changes)
        #expect(w.clusters.isEmpty && w.memberships.isEmpty && w.checkpoints.isEmpty)
        #expect(w.schools[s.id] != nil)
        w.apply(inverse)
        #expect(w.clusters == before.clusters)
        #expect(w.memberships == before.memberships)
        #expect(w.checkpoints == before.checkpoints)
    }

    @Test func undoing_an_add_deletes_it() {
        var (w, _, _, _) = world()
        let add: [Change] = [.put(.school(School(id: "sch-new", name: "Łódź")))]
        let inverse = w.inverse(of: add)
        #expect(inverse == [.delete(.school, id: "sch-new")])
        w.apply(add)
        w.apply(inverse)
        #expect(w.schools["sch-new"] == nil)
    }

    @Test func clusters_and_checkpoints_are_found_by_id_or_exact_nfc_name() throws {
        let (w, c, _, _) = world()
        #expect(try w.findCluster("clu-1").id == c.id)
        #expect(try w.findCluster("Agrupamento de O\u{0301}bidos").id == c.id)
        #expect(throws: InputError.self) { try w.findCluster("Agrupamento") }
        #expect(try w.findCheckpoint("Meeting").id == "chk-1")
    }

    @Test func members_list_the_lead_first() {
        let (w, c, _, _) = world()
        #expect(w.members(of: c.id).first?.lead == true)
        #expect(w.lead(of: c.id)?.memberId == "agy-1")
    }
}

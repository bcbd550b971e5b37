import Testing

@testable import CairnCore

/// Choosing a conflict's value never leaves a record pointing at one that is gone.
@Suite struct ResolutionTests {
    let today = Day(iso: "2026-11-22")!
    var author: Author { Author(user: "ana", today: today) }
    let server = Conflict.Side(value: .null, by: "ben", at: "2026-11-22T11:00:00.000Z", event: "ev-server")
    let laptop = Conflict.Side(value: .null, by: "ana", at: "2026-11-22T12:00:00.000Z", event: "ev-laptop")

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))),
            .put(.school(School(id: "sch-1", name: "Escola de São João"))),
            .put(.membership(Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1"))),
            .put(.school(School(id: "sch-2", name: "Escola do Olho Marinho"))),
            .put(.membership(Membership(id: "mem-2", cluster: "clu-1", memberType: .school, memberId: "sch-2"))),
            .put(.goal(Goal(id: "gol-1", cluster: "clu-1", statement: "Menos retenções", indicator: "retenções", target: 2))),
            .put(.goal(Goal(id: "gol-2", cluster: "clu-1", statement: "Mais leitura", indicator: "livros", target: 9))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-1", title: "Medir", due: today, goal: "gol-1"))),
            .put(.action(Action(id: "act-1", cluster: "clu-1", description: "Visitas", goal: "gol-1", responsible: "mem-1"))),
        ])
        return w
    }

    @Test func bringing_back_a_measurement_made_in_a_deleted_cluster_clears_its_link_to_a_checkpoint_gone_for_good() throws {
        var w = world()
        // The server deletes the cluster; the laptop, unaware, measured its goal, ticking chk-1.
        for change in w.cascadeDelete(.cluster, id: "clu-1") { _ = try w.fold(change, by: server) }
        var found: [Conflict] = []
        let measured = Measurement(id: "mea-1", goal: "gol-1", value: 3, date: today, by: "ana", ticked: "chk-1")
        #expect(w.foldCreate(.measurement(measured), by: laptop, found: &found) == nil)
        let conflict = try #require(found.first)
        let kept = try w.perform(.resolve(conflict, choosing: try #require(conflict.others.first)), by: author)
        for change in kept.changes { _ = try w.fold(change, by: laptop) }
        #expect(w.measurements["mea-1"]?.value == 3)
        #expect(w.goals["gol-1"] != nil && w.clusters["clu-1"] != nil)
        #expect(w.measurements["mea-1"]?.ticked == nil, "chk-1 did not come back with it")
        #expect(w.danglingReferences().isEmpty)
    }

    @Test func keeping_a_link_to_a_record_deleted_since_is_refused_and_says_why() throws {
        var w = world()
        w.apply([
            .put(.checkpoint(Checkpoint(id: "chk-2", cluster: "clu-1", title: "Medir outra vez", due: today))),
            .put(.measurement(Measurement(id: "mea-1", goal: "gol-1", value: 3, date: today, by: "ana"))),
        ])
        // Ana and Ben each said which checkpoint the measurement answered, unseen; Ben's stands.
        // Then the checkpoint Ana chose was deleted (nothing named it any more).
        let ticked = { (id: String) in [FieldEdit("ticked", old: .null, new: .string(id))] }
        _ = try w.fold(.edit(Edit(kind: .measurement, id: "mea-1", fields: ticked("chk-2"))), by: laptop)
        _ = try w.fold(.edit(Edit(kind: .measurement, id: "mea-1", fields: ticked("chk-1"))), by: server)
        for change in w.cascadeDelete(.checkpoint, id: "chk-2") { _ = try w.fold(change, by: server) }
        let conflict = try #require(w.openConflicts.first)
        let anas = try #require(conflict.others.first { $0.value == .string("chk-2") })
        let refusal = try #require(throws: Refusal.self) { try w.perform(.resolve(conflict, choosing: anas), by: author) }
        #expect(
            refusal.message
                == "“chk-2” is not kept: that checkpoint is gone, and measurement 3 on 2026-11-22 would point at nothing; keep the other value"
        )
        // The value that stands can still be kept.
        let kept = try w.perform(.resolve(conflict, choosing: conflict.kept), by: author)
        for change in kept.changes { _ = try w.fold(change, by: laptop) }
        #expect(w.openConflicts.isEmpty && w.danglingReferences().isEmpty)
    }
}

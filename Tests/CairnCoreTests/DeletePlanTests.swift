import Testing

@testable import CairnCore

/// Every delete says what goes with it and what stays unlinked, and leaves nothing pointing
/// at a record that is gone.
@Suite struct DeletePlanTests {
    let today = Day(iso: "2026-11-22")!

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))),
            .put(.school(School(id: "sch-1", name: "Escola de São João"))),
            .put(.membership(Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1"))),
            .put(.goal(Goal(id: "gol-1", cluster: "clu-1", statement: "Menos retenções", owner: "mem-1"))),
            .put(.measurement(Measurement(id: "mea-1", goal: "gol-1", value: 8, date: today, by: "ana", ticked: "chk-1"))),
            .put(.measurement(Measurement(id: "mea-2", goal: "gol-1", value: 7, date: today, by: "ana"))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-1", title: "Medir", due: today, concerns: "mem-1", goal: "gol-1"))),
        ])
        for i in 1...3 {
            w.apply(.put(.action(Action(id: "act-\(i)", cluster: "clu-1", description: "Ação \(i)", goal: "gol-1", responsible: "mem-1"))))
        }
        return w
    }

    @Test func deleting_a_goal_takes_its_measurements_and_unlinks_its_actions_and_checkpoints() throws {
        var w = world()
        let plan = w.deletePlan(.goal, id: "gol-1")
        #expect(plan.deleted == [.measurement: 2])
        #expect(plan.unlinked == [.action: 3, .checkpoint: 1])
        #expect(World.DeletePlan.phrase(plan.unlinked) == "1 checkpoint, 3 actions")
        w.apply(try w.perform(.delete(.goal, id: "gol-1"), by: Author(user: "ana", today: today)).changes)
        #expect(w.checkpoints["chk-1"]?.goal == nil && w.actions.values.allSatisfy { $0.goal == nil })
        #expect(w.danglingReferences().isEmpty)
    }

    @Test func removing_a_member_clears_what_named_it_and_deleting_a_checkpoint_clears_its_measurement() throws {
        var w = world()
        #expect(w.deletePlan(.membership, id: "mem-1").unlinked == [.checkpoint: 1, .goal: 1, .action: 3])
        #expect(w.deletePlan(.school, id: "sch-1").deleted == [.membership: 1])
        w.apply(try w.perform(.delete(.school, id: "sch-1"), by: Author(user: "ana", today: today)).changes)
        #expect(w.goals["gol-1"]?.owner == nil && w.checkpoints["chk-1"]?.concerns == nil)
        #expect(w.actions.values.allSatisfy { $0.responsible == nil })
        w.apply(try w.perform(.delete(.checkpoint, id: "chk-1"), by: Author(user: "ana", today: today)).changes)
        #expect(w.measurements["mea-1"]?.ticked == nil)
        #expect(w.danglingReferences().isEmpty)
    }

    @Test func a_reference_left_pointing_nowhere_is_found() {
        var w = world()
        w.apply(.delete(.goal, id: "gol-1"))  // straight, as an old version's delete did
        let found = w.danglingReferences().map { "\($0.record.id).\($0.reference.field)" }
        #expect(found.sorted() == ["act-1.goal", "act-2.goal", "act-3.goal", "chk-1.goal", "mea-1.goal", "mea-2.goal"])
    }
}

/// Undo never leaves a reference pointing nowhere.
@Suite struct UndoReferenceTests {
    @Test func undoing_the_add_of_a_member_that_an_action_names_since_is_refused() throws {
        let author = Author(user: "ana", today: Day(iso: "2026-11-22")!)
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-1", name: "Rede"))), .put(.school(School(id: "sch-1", name: "Escola"))),
            .put(.action(Action(id: "act-1", cluster: "clu-1", description: "Visitas"))),
        ])
        let add = try w.perform(
            .add(.membership(Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1"))), by: author)
        w.apply(add.changes)
        w.apply(try w.perform(.setFields(.action, id: "act-1", [FieldValue("responsible", "mem-1")]), by: author).changes)
        let refusal = try #require(throws: Refusal.self) { try w.perform(.undo(add.inverse, summary: add.summary), by: author) }
        #expect(refusal.message == "not undone: action “Visitas” was linked to it since; change or delete that first")
        w.apply(try w.perform(.delete(.action, id: "act-1"), by: author).changes)
        #expect(throws: Never.self) { try w.perform(.undo(add.inverse, summary: add.summary), by: author) }
    }
}

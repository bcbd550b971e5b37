import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct GoalsTabTests {
    /// The fixture plus a decreasing goal (early leaving 12% → 8% over a year, half gone) and an action.
    func app() -> AppState {
        var w = Fixture.world()
        w.apply(
            .put(
                .goal(
                    Goal(
                        id: "gol-1", cluster: "clu-pt", statement: "Fewer early school leavers", indicator: "early leaving rate", unit: "%",
                        baseline: 12, baselineDate: Day(iso: "2026-05-22")!, target: 8, deadline: Day(iso: "2027-05-22")!, priority: .high,
                        direction: .decrease, owner: "mem-2"))))
        w.apply(.put(.measurement(Measurement(id: "mea-1", goal: "gol-1", value: 11.5, date: Day(iso: "2026-09-01")!, by: "ana"))))
        w.apply(
            .put(
                .action(
                    Action(
                        id: "act-1", cluster: "clu-pt", description: "Home visits after long truancy", goal: "gol-1",
                        responsible: "mem-2", actionClass: .intervention, due: Day(iso: "2027-01-15")!, status: .inProgress))))
        return Fixture.app(w)
    }

    @Test func the_goals_tab_shows_status_as_a_word_and_a_bar() {
        var a = app()
        a.press(.enter, .tab, .tab)
        let canvas = a.render()
        expectSnapshot(canvas, "cluster-goals")
        #expect(canvas.text.contains("off-track [#---------]"))
        #expect(canvas.row(23).contains("m measure"))
    }

    @Test func recording_a_measurement_changes_the_status() {
        var a = app()
        a.press(.enter, .tab, .tab, .char("m"))
        #expect(a.topForm?.fields.map(\.key) == ["value", "date", "source"])
        a.type("9,5")
        let effects = a.press(.enter)
        a.settle(effects)
        #expect(a.world.measurements.values.contains { $0.value == 9.5 && $0.by == "ana" && $0.date == Fixture.today })
        #expect(a.render().text.contains("on-track [######----]"))
    }

    @Test func a_measurement_ticks_the_checkpoint_that_asked_for_it() throws {
        var w = app().world
        w.apply(
            .put(
                .checkpoint(
                    Checkpoint(
                        id: "chk-m", cluster: "clu-pt", title: "Collect the early-leaving figures", due: Day(iso: "2026-12-01")!,
                        goal: "gol-1"))))
        var a = Fixture.app(w)
        a.press(.enter, .tab, .tab, .char("m"))
        a.type("10")
        a.press(.tab, .tab)
        a.type("DGEEC")
        let effects = a.press(.enter)
        #expect(try effects.committed().changes.count == 2)
        a.settle(effects)
        let ticked = a.world.checkpoints["chk-m"]!
        #expect(ticked.doneBy == "ana")
        #expect(ticked.evidence == "measured 10% on 2026-11-22 (DGEEC)")
        #expect(a.status?.text == "Added measurement 10 on 2026-11-22 and ticked “Collect the early-leaving figures”")
    }

    @Test func a_bad_value_is_refused_beside_its_field() {
        var a = app()
        a.press(.enter, .tab, .tab, .char("m"))
        a.type("lots")
        #expect(!a.press(.enter).hasCommit)
        #expect(a.topForm?.errors["value"] == "“lots” is not a number")
    }

    @Test func an_action_needs_a_responsible_member() {
        var a = app()
        a.press(.enter, .tab, .tab, .tab)
        expectSnapshot(a.render(), "cluster-actions")
        a.press(.char("a"))
        #expect(a.topForm?.value("goal") == "gol-1")
        a.type("Mentoring in Year 9")
        _ = a.press(.enter)
        #expect(a.topForm?.errors["responsible"] == "a responsible member is required")
        #expect(a.topForm?.fields[a.topForm!.focus].key == "responsible")  // focus went to the bad field
        a.press(.char("c"))  // jump to Câmara Municipal de Óbidos
        let effects = a.press(.enter)
        a.settle(effects)
        #expect(a.world.actions.values.contains { $0.description == "Mentoring in Year 9" && $0.responsible == "mem-2" })
    }

    @Test func a_goal_form_asks_for_indicator_target_and_deadline() {
        var a = app()
        a.press(.enter, .tab, .tab, .char("a"))
        a.type("More pupils in sport")
        _ = a.press(.enter)
        let errors = a.topForm?.errors ?? [:]
        #expect(errors["indicator"] != nil && errors["target"] != nil && errors["deadline"] != nil)
        #expect(a.topForm?.focus == 1)
    }
}

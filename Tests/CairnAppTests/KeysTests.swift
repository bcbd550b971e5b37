import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// What you see is what a key does: no key acts on a screen that is not drawn, a letter on a
/// choice goes where the person expects, and a value the form offers is replaced, not added to.
@Suite struct KeysTests {
    // MARK: The too-small screen

    @Test func at_60x20_home_says_it_is_too_small_and_d_then_y_deletes_nothing() {
        var app = Fixture.app(width: 60, height: 20)
        #expect(app.isTooSmall)
        let before = app.world
        var effects: [DiskEffect] = []
        for key: Key in [.char("d"), .char("y"), .char("x"), .char("y"), .char("a"), .char("e"), .enter, .char(" "), .char("u")] {
            effects += app.press(key)
        }
        #expect(effects.isEmpty, "\(effects)")
        #expect(app.opened.isEmpty, "no question, form or screen opened unseen")
        #expect(app.world == before)
        let text = app.render().text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Terminal too small: 60×20. Cairn needs at least 64×20."))
        #expect(text.contains("only q (back, or quit on Home) and Ctrl-C (quit) work"), "\(text)")
        app.press(.char("q"))
        #expect(app.quitRequested)
    }

    @Test func too_small_q_goes_back_from_a_screen_and_no_other_key_acts() throws {
        var app = Fixture.app()
        app.press(.enter)
        _ = try app.topScreen(ClusterScreen.self)
        _ = app.send(.resized(width: 60, height: 20))
        #expect(app.press(.char("d"), .char("y"), .char("E"), .tab, .escape).isEmpty)
        _ = try app.topScreen(ClusterScreen.self)
        app.press(.char("q"))
        #expect(app.opened.isEmpty, "q went back to Home")
        #expect(app.world == Fixture.world())
    }

    @Test func too_small_a_form_takes_no_typing_not_even_q() throws {
        var app = Fixture.app()
        app.press(.char("a"))
        _ = app.send(.resized(width: 63, height: 24))
        #expect(app.type("Escola q").isEmpty)
        #expect(app.press(.enter).isEmpty, "nothing saved unseen")
        #expect(app.topForm?.value("name") == "")
        _ = app.send(.resized(width: 64, height: 20))
        app.type("Escola")
        #expect(app.topForm?.value("name") == "Escola")
    }

    @Test func workshop_mode_keeps_its_64x20_minimum_and_its_keys_act_there() throws {
        var app = Fixture.app(width: 64, height: 20)
        app.openWorkshop("clu-pt")
        app.press(.char("n"))
        #expect(try app.topScreen(WorkshopScreen.self).step == 2)
        _ = app.send(.resized(width: 63, height: 20))
        #expect(app.render().text.contains("Cairn needs at least 64×20"), "the workshop's own minimum")
        app.press(.char("n"))
        #expect(try app.topScreen(WorkshopScreen.self).step == 2, "not while it cannot be seen")
        app.press(.char("q"))
        #expect(app.opened.isEmpty, "q leaves workshop mode")
    }

    // MARK: Letters on a choice

    @Test func a_letter_on_a_choice_goes_to_the_first_option_starting_with_it_then_to_the_next() {
        var app = Fixture.app()
        app.press(.char("3"), .char("a"), .tab)
        #expect(app.topForm?.fields[app.topForm?.focus ?? 0].key == "sector")
        #expect(app.topForm?.value("sector") == "health", "a new agency starts on health")
        app.press(.char("h"))
        #expect(app.topForm?.value("sector") == "health", "the first option starting with h, not the next")
        app.press(.char("h"))
        #expect(app.topForm?.value("sector") == "housing")
        app.press(.char("h"))
        #expect(app.topForm?.value("sector") == "health", "round to the first again")
        app.press(.char("l"), .char("l"))
        #expect(app.topForm?.value("sector") == "local-authority")
        app.press(.char("l"))
        #expect(app.topForm?.value("sector") == "labour")
        // Another key between two presses, or leaving the field, starts from the first again.
        app.press(.right, .char("l"))
        #expect(app.topForm?.value("sector") == "labour")
        app.press(.char("l"), .tab, .backTab, .char("l"))
        #expect(app.topForm?.value("sector") == "labour")
    }

    @Test func a_letter_on_a_set_of_options_goes_to_the_first_starting_with_it_then_to_the_next() {
        var field = FormField.multi("topics", "Topics", options: ["attendance", "behaviour", "assessment"], chosen: [])
        #expect(field.handle(.char("a")) && field.index == 0, "attendance, where the field already was")
        #expect(field.handle(.char("a")) && field.index == 2)
        #expect(field.handle(.char("a")) && field.index == 0)
        #expect(field.handle(.char(" ")) && field.chosen == ["attendance"])
    }

    // MARK: An offered value

    @Test func a_day_typed_into_the_tick_forms_done_on_replaces_today() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "), .tab)
        #expect(app.topForm?.fields[app.topForm?.focus ?? 0].key == "doneOn")
        let offered = app.render()
        let row = try #require((0..<offered.height).first { offered.row($0).contains("Done on") })
        let todayAt = try #require(offered.row(row).range(of: "today")).lowerBound
        let x = offered.row(row).distance(from: offered.row(row).startIndex, to: todayAt)
        #expect(offered[x, row].style == .selected, "today is drawn as a value the next letter replaces")
        app.type("2026-11-01")
        #expect(app.topForm?.value("doneOn") == "2026-11-01")
        app.settle(app.press(.enter))
        #expect(app.world.checkpoints["chk-1"]?.doneOn == Day(iso: "2026-11-01"))
    }

    @Test func moving_the_cursor_first_edits_today_as_usual() {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "), .tab, .home, .right)
        app.type("x")
        #expect(app.topForm?.value("doneOn") == "txoday")
    }

    @Test func the_measurement_and_health_check_dates_and_a_new_agreement_are_offered_too() {
        let goal = Goal(id: "gol-1", cluster: "clu-pt", statement: "Fewer early leavers", indicator: "rate", target: 5)
        let measurement = FrameworkForms.measurement(goal: goal, today: Fixture.today)
        #expect(measurement.field("date")?.text.isOffered == true)
        let check = FrameworkForms.assessment(nil, cluster: "clu-pt", world: Fixture.world(), today: Fixture.today)
        #expect(check.field("date")?.text.isOffered == true)
        let agreement = FrameworkForms.agreement(nil, cluster: "clu-pt", today: Fixture.today)
        #expect(agreement.fields.filter(\.text.isOffered).map(\.key) == ["meetingsPerYear", "periodStart", "periodEnd"])
        // What a record already holds is its value, edited as text, not an offer.
        let c = Checkpoint(id: "chk-9", cluster: "clu-pt", title: "Met", due: Fixture.today, doneOn: Fixture.today, doneBy: "ana")
        #expect(RecordForms.tickCorrection(c).allSatisfy { !$0.text.isOffered })
    }

    // MARK: Examples on a shared store

    @Test func x_on_a_shared_store_with_records_says_the_examples_reach_the_hub() throws {
        var app = Fixture.app()
        app.env.syncLine = SyncLine(unsent: 0, lastSynced: nil, running: false)
        app.press(.char("x"))
        let question = try app.topScreen(ConfirmScreen.self)
        #expect(question.question.contains("They reach the shared hub at the next sync."), "\(question.question)")
    }
}

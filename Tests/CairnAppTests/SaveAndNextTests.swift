import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// Ctrl-N on a form for a new record saves it (once the store has written it, as Enter does)
/// and opens the next, keeping what its kind's description says usually repeats.
@Suite struct SaveAndNextTests {
    /// Keys pressed beyond the text typed, counted as a clerk would press them.
    struct Keys {
        var app: AppState
        var pressed = 0

        mutating func press(_ keys: Key...) {
            for key in keys {
                pressed += 1
                app.settle(app.press(key))
            }
        }

        mutating func type(_ text: String) { app.type(text) }
    }

    @Test func ten_schools_of_four_fields_take_seven_keys_for_the_first_and_two_for_each_next_beyond_the_text() throws {
        var k = Keys(app: Fixture.app())
        k.app.press(.char("2"))
        // The first: a, the name, Tab, the official id, Tab, p and Space (primary), Tab, the municipality, Ctrl-N.
        k.press(.char("a"))
        k.type("Escola Nova 1")
        k.press(.tab)
        k.type("PT-101")
        k.press(.tab, .char("p"), .char(" "), .tab)
        k.type("Caldas da Rainha")
        k.press(.ctrl("n"))
        #expect(k.pressed == 7)
        var perSchool: [Int] = []
        for n in 2...10 {
            let before = k.pressed
            k.type("Escola Nova \(n)")
            k.press(.tab)
            k.type("PT-1\(String(format: "%02d", n))")
            // The last is saved with Enter, which closes the form.
            k.press(n == 10 ? .enter : .ctrl("n"))
            perSchool.append(k.pressed - before)
        }
        #expect(perSchool == Array(repeating: 2, count: 9), "keys per school beyond the text: \(perSchool)")
        #expect(k.pressed == 25, "ten schools: 25 keys beyond the text (70 with Enter and a each time)")
        let added = k.app.world.schools.values.filter { $0.name.hasPrefix("Escola Nova") }
        #expect(added.count == 10)
        #expect(added.allSatisfy { $0.municipality == "Caldas da Rainha" && $0.phases == [.primary] }, "kept for each")
        #expect(Set(added.compactMap(\.officialId)).count == 10, "each its own id")
        #expect(k.app.opened.isEmpty, "Enter on the last closed the form")
    }

    @Test func after_ctrl_n_the_next_form_is_empty_but_for_what_repeats_and_the_status_counts_the_run() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"))
        #expect(app.render().row(23).contains("Ctrl-N save and next"), "the form's hint line shows it: \(app.render().row(23))")
        app.type("Escola de Óbidos")
        app.press(.tab, .tab, .char("p"), .char(" "), .tab)
        app.type("Óbidos")
        app.press(.tab)
        app.type("Maria Leal")
        app.settle(app.press(.ctrl("n")))
        let next = try #require(app.topForm)
        #expect(next.title == "New school")
        #expect(next.value("name") == "" && next.value("officialId") == "" && next.value("contactPerson") == "")
        #expect(next.value("municipality") == "Óbidos" && next.value("phases") == "primary")
        #expect(next.focus == 0, "the name has the focus")
        #expect(!next.dirty, "nothing typed in it yet")
        #expect(app.render().text.contains("Saved “Escola de Óbidos”. Next: (1 school saved in this run)"), "\(app.render().text)")
        app.type("Escola da Lagoa")
        app.settle(app.press(.ctrl("n")))
        #expect(app.status?.text == "Saved “Escola da Lagoa”. Next: (2 schools saved in this run)")
        app.press(.escape)
        #expect(app.opened.isEmpty, "Esc leaves the empty form without a question")
        #expect(app.world.schools.values.filter { $0.municipality == "Óbidos" }.count == 3)
    }

    @Test func a_kept_municipality_is_offered_so_typing_replaces_it() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"))
        app.type("Escola A")
        app.press(.tab, .tab, .tab)
        app.type("Óbidos")
        app.settle(app.press(.ctrl("n")))
        app.type("Escola B")
        app.press(.tab, .tab, .tab)
        app.type("Peniche")
        #expect(app.topForm?.value("municipality") == "Peniche")
    }

    @Test func nothing_is_opened_before_the_store_has_written_the_record() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"))
        app.type("Escola A")
        let effects = app.press(.ctrl("n"))
        #expect(effects.hasCommit)
        #expect(app.topForm?.value("name") == "Escola A", "the form stays until the write is confirmed")
        app.settle(effects)
        #expect(app.topForm?.value("name") == "")
    }

    @Test func a_form_with_a_mistake_stays_with_the_mistake_said_and_opens_nothing() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"), .ctrl("n"))
        #expect(app.topForm?.errors["name"] != nil)
        #expect(app.status?.text.hasPrefix("Not saved") == true)
        #expect(app.opened.count == 1)
    }

    @Test func an_agency_keeps_its_sector_and_level_and_a_checkpoint_the_goal_it_asks_to_measure() throws {
        var app = Fixture.app()
        app.press(.char("3"), .char("a"))
        app.type("Centro de Saúde")
        app.press(.tab, .char("y"))  // youth
        app.settle(app.press(.ctrl("n")))
        #expect(app.topForm?.value("sector") == "youth" && app.topForm?.value("name") == "")
        app.press(.escape)

        var w = Fixture.world()
        w.apply(.put(.goal(Goal(id: "goal-1", cluster: "clu-pt", statement: "Menos faltas"))))
        app = Fixture.app(w)
        app.press(.enter, .tab, .char("a"))
        app.type("Contagem de faltas")
        app.press(.tab)
        app.type("+2w")
        app.press(.tab, .tab, .right)  // Asks to measure: Menos faltas
        app.settle(app.press(.ctrl("n")))
        let next = try #require(app.topForm)
        #expect(next.value("goal") == "goal-1" && next.value("title") == "" && next.value("due") == "")
        #expect(next.purpose == .checkpoint(id: nil, cluster: "clu-pt"))
    }

    @Test func a_checkpoint_added_from_home_keeps_the_cluster_it_was_added_to() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char("a"))
        app.type("Visita")
        app.press(.tab)
        app.type("+1w")
        app.press(.tab, .char("p"))  // Portree
        app.settle(app.press(.ctrl("n")))
        #expect(app.topForm?.value("cluster") == "clu-sc")
        app.type("Visita 2")
        app.press(.tab)
        app.type("+2w")
        app.settle(app.press(.ctrl("n")))
        #expect(app.world.checkpoints.values.filter { $0.cluster == "clu-sc" && $0.title.hasPrefix("Visita") }.count == 2)
    }

    @Test func an_edit_has_no_save_and_next_and_ctrl_n_does_nothing_there() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("e"))
        #expect(!app.render().row(23).contains("Ctrl-N"))
        #expect(app.press(.ctrl("n")).isEmpty)
        #expect(app.topForm?.title == "Edit school")
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct HomeScreenTests {
    @Test func an_empty_store_says_what_to_do() {
        var app = Fixture.app(World())
        expectSnapshot(app.render(), "home-empty")
        #expect(app.press(.char("x")) == [.readExamples(replyTo: .home)])
    }

    @Test func x_on_a_store_with_records_asks_before_loading_the_examples() throws {
        var app = Fixture.app()
        #expect(app.press(.char("x")).isEmpty)
        let question = try app.topScreen(ConfirmScreen.self)
        #expect(question.question.hasPrefix("This store already holds 2 clusters. Add the example clusters beside them?"))
        #expect(app.press(.char("n")).isEmpty)
        #expect(app.opened.isEmpty)
        app.press(.char("x"))
        #expect(app.press(.char("y")) == [.readExamples(replyTo: .home)])
    }

    @Test func home_lists_clusters_with_counts_and_next_due() {
        expectSnapshot(Fixture.app().render(), "home-clusters")
    }

    @Test func checkpoints_tab_shows_overdue_first_with_marks_not_only_colour() {
        var app = Fixture.app()
        app.press(.char("4"))
        let canvas = app.render()
        expectSnapshot(canvas, "home-checkpoints")
        #expect(canvas.row(3).contains("! OVERDUE"))
        #expect(canvas.text.contains("✓ done"))
    }

    @Test func tab_shift_tab_and_numbers_switch_tabs() {
        var app = Fixture.app()
        app.press(.tab)
        #expect(app.home.tab == .schools)
        app.press(.backTab, .backTab)
        #expect(app.home.tab == .checkpoints)
        app.press(.char("3"))
        #expect(app.home.tab == .agencies)
        #expect(app.render().row(1).contains("[3 Agencies (1)]"))
    }

    @Test func filter_is_case_and_accent_insensitive_and_esc_clears_it() {
        var app = Fixture.app()
        app.press(.char("2"), .char("/"))
        app.type("lodz")
        let canvas = app.render()
        expectSnapshot(canvas, "home-schools-filter-lodz")
        #expect(app.home.lists[1].visibleRows.map(\.id) == ["sch-2"])
        app.type("XYZ")
        #expect(app.render().text.contains("Nothing matches “lodzXYZ”"))
        app.press(.escape)
        #expect(app.home.lists[1].visible.count == 3)
        app.press(.char("/"))
        app.type("THINGEY")
        #expect(app.home.lists[1].visibleRows.map(\.id) == ["sch-3"])
        app.press(.enter)  // keeps the filter, gives the keys back to the list
        #expect(!app.home.lists[1].filtering)
        app.press(.char("j"))
        #expect(app.home.lists[1].visibleRows.count == 1)
    }

    @Test func list_keys_move_the_selection() {
        var app = Fixture.app()
        app.press(.char("2"), .char("j"))
        #expect(app.home.lists[1].cursor.selected == 1)
        app.press(.end)
        #expect(app.home.lists[1].cursor.selected == 2)
        app.press(.char("k"), .home)
        #expect(app.home.lists[1].cursor.selected == 0)
        app.press(.down, .pageDown)
        #expect(app.home.lists[1].cursor.selected == 2)
    }

    @Test func q_quits_from_home_and_ctrl_c_from_anywhere() {
        var app = Fixture.app()
        #expect(app.press(.char("q")).isEmpty)
        #expect(app.quitRequested)
        var deep = Fixture.app()
        deep.press(.enter, .char("a"))
        #expect(!deep.quitRequested)
        deep.press(.ctrl("c"))
        #expect(deep.quitRequested)
        // Nothing asked after the quit is carried out.
        #expect(deep.press(.escape, .char("e")).isEmpty)
    }

    @Test func help_lists_the_same_bindings_as_the_footer() throws {
        var app = Fixture.app()
        let footer = app.render().row(23)
        app.press(.char("?"))
        let help = try app.topScreen(HelpScreen.self)
        let keys = Set(help.lines.map(\.keys))
        for label in ["Enter", "a", "e", "d", "/", "Tab", "u", "?", "q"] {
            #expect(keys.contains(label), "help lacks \(label)")
            #expect(footer.contains(label + " "), "footer lacks \(label)")
        }
        expectSnapshot(app.render(), "home-help")
        app.press(.char("z"))
        #expect(app.overlay == nil)
    }

    @Test func too_small_a_terminal_says_so_and_recovers() {
        var app = Fixture.app(width: 30, height: 8)
        let small = app.render()
        expectSnapshot(small, "too-small-30x8")
        #expect(small.text.contains("64×20"))
        _ = app.send(.resized(width: 80, height: 24))
        #expect(app.render().row(1).contains("Clusters"))
    }

    @Test func delete_asks_naming_the_item_and_no_keeps_it() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("d"))
        let question = try app.topScreen(ConfirmScreen.self).question
        #expect(question.contains("Escola Básica de São João"))
        #expect(question.contains("With it go 1 membership."))
        #expect(app.press(.char("n")).isEmpty)
        #expect(app.overlay == nil)
        app.press(.char("d"))
        let effects = app.press(.char("y"))
        app.settle(effects)
        #expect(app.world.schools["sch-1"] == nil)
        #expect(app.world.memberships["mem-1"] == nil)
    }
}

@Suite struct NameOrderScreenTests {
    @Test func home_lists_names_case_and_accent_blind_then_by_exact_text() {
        var w = World()
        for (i, name) in ["Zamość", "Lyon", "Łódź", "Ørsted", "Lisbon", "élan"].enumerated() {
            w.apply(.put(.cluster(Cluster(id: "clu-\(i)", name: name))))
        }
        let app = Fixture.app(w)
        let rows = (3..<9).map { app.render().row($0).dropFirst(2).prefix(8).trimmingCharacters(in: .whitespaces) }
        #expect(rows == ["élan", "Lisbon", "Łódź", "Lyon", "Ørsted", "Zamość"])
    }
}

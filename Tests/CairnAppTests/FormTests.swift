import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct FormTests {
    @Test func adding_a_cluster_with_keys_commits_it_in_nfc() throws {
        var app = Fixture.app()
        app.press(.char("a"))
        #expect(app.topForm?.focus == 0)
        #expect(app.topForm?.fields[0].key == "name")
        let typed = app.type("Kahui Ako o Wha\u{0304}ngarei")
        #expect(typed.contains { if case .saveDraft = $0 { return true } else { return false } })
        app.press(.tab, .tab)
        app.press(.char("t"))  // a letter jumps to the first kind starting with it
        #expect(app.topForm?.value("kind") == "trust")
        app.press(.right)
        #expect(app.topForm?.value("kind") == "alliance")
        app.press(.left, .left)
        #expect(app.topForm?.value("kind") == "federation")
        expectSnapshot(app.render(), "form-new-cluster")
        let effects = app.press(.enter)
        let c = try #require(try effects.committed().puts.first?.cluster)
        #expect(c.name == "Kahui Ako o Whāngarei")
        #expect(c.name.unicodeScalars.count == "Kahui Ako o Whāngarei".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(c.kind == .federation)
        #expect(!effects.contains(.clearDraft), "the draft stays until the store has written the form")
        let outcome = try effects.committed()
        _ = app.send(
            .worldChanged(
                {
                    var w = app.world
                    w.apply(outcome.changes)
                    return w
                }()))
        #expect(app.send(.deliver(.committed(outcome, undoable: true), to: app.top.id)).contains(.clearDraft))
        #expect(app.status?.text == "Added cluster “Kahui Ako o Whāngarei”")
        #expect(app.home.lists[0].selectedRow?.id == c.id)
    }

    @Test func errors_show_beside_their_field_focus_the_first_and_nothing_is_saved() {
        var app = Fixture.app()
        app.press(.char("a"), .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        app.type("31/12")  // Started on
        let effects = app.press(.enter)
        #expect(!effects.hasCommit)
        #expect(app.topForm?.focus == 0)
        #expect(app.topForm?.errors["name"] == "a name is required")
        #expect(app.topForm?.errors["startedOn"]?.contains("not a date") == true)
        let canvas = app.render()
        expectSnapshot(canvas, "form-errors")
        #expect(canvas.row(3).contains("✗ a name is required"))
    }

    @Test func esc_asks_before_throwing_typed_text_away() {
        var app = Fixture.app()
        app.press(.char("a"), .escape)
        #expect(app.opened.isEmpty)  // nothing typed: closes at once
        app.press(.char("a"))
        app.type("X")
        app.press(.escape)
        #expect(app.overlay is ConfirmScreen)
        app.press(.char("n"))
        #expect(app.topForm != nil)
        app.press(.escape, .char("y"))
        #expect(app.opened.isEmpty)
    }

    @Test func a_checkpoint_form_has_title_then_due_and_reads_relative_dates() throws {
        var app = Fixture.app()
        app.press(.enter, .tab, .char("a"))
        #expect(app.topForm?.fields.map(\.key).prefix(2) == ["title", "due"])
        app.type("Visit")
        app.press(.tab)
        app.type("+2w")
        let c = try #require(try app.press(.enter).committed().puts.first?.checkpoint)
        #expect(c.due.description == "2026-12-06")
        #expect(c.cluster == "clu-pt")
    }

    @Test func editing_keeps_the_id_and_changes_the_fields() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("e"))
        #expect(app.topForm?.value("name") == "Escola Básica de São João")
        app.press(.tab, .tab)  // phases
        app.press(.char("s"), .char(" "))  // jump to "special", tick it
        let before = app.env.world
        let outcome = try app.press(.enter).committed()
        // Only the field typed in is written, with what it was.
        #expect(outcome.edits.map(\.id) == ["sch-1"])
        #expect(outcome.edits.first?.fields.map(\.name) == ["phases"])
        let s = try #require(outcome.saved(from: before).first?.school)
        #expect(s.id == "sch-1")
        #expect(s.phases == [.earlyChildhood, .primary, .special])
    }

    @Test func a_draft_left_behind_is_offered_and_restored() {
        var app = Fixture.app()
        var form = RecordForms.school(nil)
        form.fields[0].text = TextField("Þingeyjarskóli – Łódź")
        form.dirty = true
        _ = app.send(.offerDraft(form))
        #expect(app.render().text.contains("Restore “New school”"))
        let effects = app.press(.char("y"))
        #expect(effects.contains(.discardLeftDraft))
        #expect(app.topForm?.value("name") == "Þingeyjarskóli – Łódź")
    }
}

@Suite struct HomeCheckpointFormTests {
    @Test func adding_a_checkpoint_from_home_asks_for_its_cluster() throws {
        var app = Fixture.app()
        app.press(.char("4"))  // the first row is the Portuguese cluster's overdue meeting
        app.press(.char("a"))
        #expect(app.topForm?.fields.map(\.key) == ["title", "due", "cluster"])
        #expect(app.topForm?.value("cluster") == "clu-pt")
        app.type("Report to the council")
        app.press(.tab)
        app.type("tomorrow")
        app.press(.tab, .char("p"))  // jump to Portree
        expectSnapshot(app.render(), "form-checkpoint-from-home")
        let c = try #require(try app.press(.enter).committed().puts.first?.checkpoint)
        #expect(c.cluster == "clu-sc")
        #expect(c.due.description == "2026-11-23")
    }

    @Test func question_mark_shows_help_on_an_empty_field_and_types_in_a_filled_one() {
        var app = Fixture.app()
        app.press(.char("a"), .char("?"))
        #expect(app.overlay is HelpScreen)
        app.press(.escape)
        app.type("Why?")
        #expect(app.overlay == nil)
        #expect(app.topForm?.value("name") == "Why?")
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// A form open on a record that another session changes or deletes meanwhile.
@Suite struct StaleFormTests {
    @Test(arguments: [(80, 24), (80, 23), (120, 40)])
    func a_record_deleted_under_an_open_form_is_said_and_never_saved_anew(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("2"), .char("e"))
        app.press(.tab, .tab, .tab, .ctrl("u"))
        app.type("Caldas da Rainha")
        // Ben deletes the school in his session; this one reads it on its next refresh.
        var w = app.world
        for change in w.cascadeDelete(.school, id: "sch-1") {
            _ = try w.fold(change, by: Conflict.Side(value: .null, by: "ben", at: "2026-11-22T10:15:00.000Z"))
        }
        _ = app.send(.worldChanged(w))
        let form = try app.topScreen(FormScreen.self)
        #expect(form.draft?.value("municipality") == "Caldas da Rainha")
        let canvas = app.render()
        let text = (0..<canvas.height).map { canvas.row($0) }.joined(separator: "\n")
        #expect(text.contains("school “Escola Básica de São João” was deleted by ben at 2026-11-22 10:15"))
        #expect(text.contains("Your text stays here"))
        let effects = app.press(.enter)
        #expect(!effects.hasCommit)
        // A long message takes the row above the status line too, whole.
        let after = app.render()
        let status = after.row(size.1 - 3) + " " + after.row(size.1 - 2).trimmingCharacters(in: .whitespaces)
        #expect(status.contains("Not saved: school “Escola Básica de São João” was deleted by ben"), "\(status)")
        #expect(try app.topScreen(FormScreen.self).form.value("municipality") == "Caldas da Rainha")
    }
}

/// A draft left by a session that ended: offered back only when it holds something unsaved.
@Suite struct LeftDraftTests {
    @Test func a_form_whose_save_was_written_is_not_offered_again() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"))
        app.type("Escola Secundária de Peniche")
        let effects = app.press(.enter)
        // The draft is kept, with the id the save creates, before the commit goes out.
        let draft = try #require(
            { () -> FormState? in if case .saveDraft(let d)? = effects.first { return d } else { return nil } }(),
            "the first effect of a save is not the draft: \(effects)")
        let id = try #require(draft.submitted?.first)
        #expect(effects.hasCommit)
        #expect(!app.isAlreadySaved(draft))
        app.settle(effects)
        #expect(app.world.schools[id] != nil)
        #expect(app.isAlreadySaved(draft))
    }

    @Test func an_edit_already_in_the_store_is_not_offered_and_one_that_is_not_is() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("e"), .tab, .tab, .tab, .ctrl("u"))
        app.type("Caldas da Rainha")
        let draft = try #require(app.openDraft)
        #expect(!app.isAlreadySaved(draft))
        app.settle(app.press(.enter))
        #expect(app.isAlreadySaved(draft))
    }

    @Test func a_draft_that_points_past_its_fields_is_not_sound() throws {
        var form = RecordForms.school(nil)
        #expect(form.isSound)
        form.focus = 40
        #expect(!form.isSound)
        form.focus = 2
        form.fields[2].index = 99
        #expect(!form.isSound)
    }
}

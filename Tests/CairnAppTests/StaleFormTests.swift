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
        app.send(.worldChanged(w))
        let form = try app.topScreen(FormScreen.self)
        #expect(form.draft?.value("municipality") == "Caldas da Rainha")
        let canvas = app.render()
        let text = (0..<canvas.height).map { canvas.row($0) }.joined(separator: "\n")
        #expect(text.contains("school “Escola Básica de São João” was deleted by ben at 2026-11-22 10:15"))
        #expect(text.contains("Your text stays here"))
        let effects = app.press(.enter)
        #expect(!effects.hasCommit)
        let status = app.render().row(size.1 - 2)
        #expect(status.contains("Not saved: school “Escola Básica de São João” was deleted by ben"))
        #expect(try app.topScreen(FormScreen.self).form.value("municipality") == "Caldas da Rainha")
    }
}

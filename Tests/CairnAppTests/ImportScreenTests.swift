import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct ImportScreenTests {
    let preview = ImportPreview(
        format: "UTF-8, comma-separated, header on line 1, 2539 rows",
        header: ["School ID", "Name", "School Type", "City"],
        sample: [["1", "Te Kao School", "Full Primary", "Te Kao"]],
        mapping: ["officialId": 0, "name": 1, "phases": 2, "municipality": 3],
        summary: ["2539 added, 0 updated, 0 unchanged, 0 skipped"], changes: 2539)

    @Test func i_opens_the_screen_and_enter_asks_for_a_preview_of_the_typed_path() {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("~/registers/nz.csv")
        #expect(app.press(.enter) == [.previewImport(path: "~/registers/nz.csv", maps: [])])
        _ = app.send(.importPreviewed(preview))
        let canvas = app.render()
        expectSnapshot(canvas, "import-preview")
        #expect(canvas.text.contains("name           ← Name"))
        #expect(canvas.text.contains("Enter imports these 2539 changes"))
    }

    @Test func left_and_right_change_a_fields_column_and_enter_imports_with_that_mapping() {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("nz.csv")
        app.press(.enter)
        _ = app.send(.importPreviewed(preview))
        app.press(.down, .down, .down)  // municipality
        let effects = app.press(.left)  // City → School Type
        #expect(effects == [.previewImport(path: "nz.csv", maps: ["officialId=1", "name=2", "phases=3", "municipality=3"])])
        app.press(.left, .left, .left)  // School Type → Name → School ID → not imported
        guard case .importing(let s)? = app.stack.last else { return }
        #expect(s.preview?.mapping["municipality"] == nil)
        #expect(app.press(.enter) == [.runImport(path: "nz.csv", maps: ["officialId=1", "name=2", "phases=3"])])
    }

    @Test func a_progress_bar_while_writing_and_a_status_at_the_end() {
        var app = Fixture.app()
        app.press(.char("i"))
        _ = app.send(.importPreviewed(preview))
        _ = app.send(.importProgress(done: 2000, total: 4365))
        #expect(app.render().text.contains("[#########-----------] 2000 of 4365 changes written"))
        #expect(app.press(.escape).isEmpty)  // keys wait while writing
        _ = app.send(.importProgress(done: 4365, total: 4365))
        #expect(app.stack.isEmpty)
        #expect(app.status?.text == "Imported: 4365 changes written")
    }

    @Test func a_file_that_cannot_be_read_says_why() {
        var app = Fixture.app()
        app.press(.char("i"))
        _ = app.send(.importFailed("cannot read /nowhere.csv"))
        #expect(app.render().text.contains("cannot read /nowhere.csv"))
    }
}

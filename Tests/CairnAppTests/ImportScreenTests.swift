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
        #expect(app.press(.enter) == [.previewImport(path: "~/registers/nz.csv", maps: [], replyTo: app.top.id)])
        app.reply(.importPreviewed(preview))
        let canvas = app.render()
        expectSnapshot(canvas, "import-preview")
        #expect(canvas.text.contains("name           ← Name"))
        #expect(canvas.text.contains("Enter imports these 2539 changes"))
    }

    @Test func left_and_right_change_a_fields_column_and_enter_imports_with_that_mapping() throws {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("nz.csv")
        app.press(.enter)
        app.reply(.importPreviewed(preview))
        let id = app.top.id
        app.press(.down, .down, .down)  // municipality
        let effects = app.press(.left)  // City → School Type
        #expect(effects == [.previewImport(path: "nz.csv", maps: ["officialId=1", "name=2", "phases=3", "municipality=3"], replyTo: id)])
        app.press(.left, .left, .left)  // School Type → Name → School ID → not imported
        #expect(try app.topScreen(ImportScreen.self).preview?.mapping["municipality"] == nil)
        #expect(app.press(.enter) == [.runImport(path: "nz.csv", maps: ["officialId=1", "name=2", "phases=3"], replyTo: id)])
    }

    @Test func a_progress_bar_while_writing_and_a_status_at_the_end() {
        var app = Fixture.app()
        app.press(.char("i"))
        app.reply(.importPreviewed(preview))
        let id = app.top.id
        #expect(app.reply(.importProgress(done: 2000, total: 4365)) == [.continueImport(replyTo: id)])
        #expect(app.render().text.contains("[#########-----------] 2000 of 4365 changes written"))
        #expect(app.press(.escape).isEmpty)  // keys wait while writing
        #expect(app.top.id == id)
        app.reply(.importProgress(done: 4365, total: 4365))
        #expect(app.opened.isEmpty)
        #expect(app.status?.text == "Imported: 4365 changes written")
    }

    @Test func a_file_that_cannot_be_read_says_why() {
        var app = Fixture.app()
        app.press(.char("i"))
        app.reply(.importFailed("cannot read /nowhere.csv"))
        #expect(app.render().text.contains("cannot read /nowhere.csv"))
    }
}

@Suite struct ImportScreenDefectTests {
    @Test func after_a_preview_up_then_left_on_the_path_does_not_trap() throws {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("nz.csv")
        app.press(.enter)
        app.reply(ImportScreenTests().preview.asPreviewed)
        app.press(.up, .left, .right)
        let screen = try app.topScreen(ImportScreen.self)
        #expect(screen.focus == 0)
        #expect(screen.path.cursor == 6)
    }

    @Test func a_preview_that_arrives_while_another_screen_is_on_top_reaches_the_import_screen() throws {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("nz.csv")
        let id = app.top.id
        app.press(.enter)
        // Something else opens over the import screen before the preview is back.
        app.stack.append(ScreenBox(HelpScreen(title: "over it", lines: []), id: ScreenID(99)))
        _ = app.send(.deliver(ImportScreenTests().preview.asPreviewed, to: id))
        let screen = try #require(app.stack.first { $0.id == id }?.screen as? ImportScreen)
        #expect(screen.preview?.changes == 2539)
    }
}

extension ImportPreview {
    var asPreviewed: ScreenEvent { .importPreviewed(self) }
}

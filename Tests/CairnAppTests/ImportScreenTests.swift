import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct ImportScreenTests {
    /// What the run loop says a register of schools fills (`ImportField.schoolFields`).
    static let fields = [
        "officialId", "name", "phases", "municipality", "email", "contactPerson", "phone", "clusterId", "clusterName", "region",
    ]

    let preview = ImportPreview(
        format: "UTF-8, comma-separated, header on line 1, 2539 rows",
        header: ["School ID", "Name", "School Type", "City"],
        sample: [["1", "Te Kao School", "Full Primary", "Te Kao"]], fields: ImportScreenTests.fields,
        mapping: ["officialId": 0, "name": 1, "phases": 2, "municipality": 3],
        counts: "2539 added", changes: 2539)

    @Test func i_opens_the_screen_and_enter_asks_for_a_preview_of_the_typed_path() {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("~/registers/nz.csv")
        #expect(app.press(.enter) == [.previewImport(ImportRequest(path: "~/registers/nz.csv"), replyTo: app.top.id)])
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
        let maps = ["officialId=1", "name=2", "phases=3", "municipality=3"]
        #expect(effects == [.previewImport(ImportRequest(path: "nz.csv", maps: maps, guessPhaseColumns: false), replyTo: id)])
        app.press(.left, .left, .left)  // School Type → Name → School ID → not imported
        #expect(try app.topScreen(ImportScreen.self).preview?.mapping["municipality"] == nil)
        let run = ImportRequest(path: "nz.csv", maps: ["officialId=1", "name=2", "phases=3"], guessPhaseColumns: false)
        #expect(app.press(.enter) == [.runImport(run, replyTo: id)])
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
        #expect(app.status?.text == "Imported: 4365 changes written · u undoes the whole import")
    }

    @Test func one_change_written_is_said_in_the_singular() {
        var app = Fixture.app()
        app.press(.char("i"))
        app.reply(.importPreviewed(preview))
        app.reply(.importProgress(done: 1, total: 1))
        #expect(app.status?.text == "Imported: 1 change written · u undoes the whole import")
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

/// The import screen with a register of many shapes: phase words said on the screen, yes/no
/// columns, skipped rows and duplicates in one list that scrolls at 80x24.
@Suite struct ImportScreenShapesTests {
    var preview: ImportPreview {
        var p = ImportPreview(
            format: "UTF-8, semicolon-separated, header on line 1, 6 rows",
            header: ["Código", "Nome", "Tipo", "Concelho", "Pré-escolar", "1.º ciclo", "Agrupamento"],
            sample: [["", "Escola Básica Cesário Verde", "EB1", "Lisboa", "não", "sim", "AE Eugénio dos Santos"]],
            fields: ImportScreenTests.fields,
            mapping: ["officialId": 0, "name": 1, "phases": 2, "municipality": 3, "clusterName": 6],
            counts: "4 added, 2 skipped", changes: 10)
        p.phaseWords = [
            .init(word: "Artística", phases: nil, rows: 1), .init(word: "EB1", phases: ["primary"], rows: 2),
            .init(word: "ES", phases: ["upper-secondary"], rows: 1),
        ]
        p.yesNoColumns = [.init(column: 4, phases: ["early-childhood"], yes: 2), .init(column: 5, phases: [], yes: 3)]
        p.skipped = ["line 4: no name", "line 7: 9 fields where the header has 7"]
        p.duplicates = ["line 3: “Escola Básica Cesário Verde” (Loures) has the name of line 2 (Lisboa); both kept"]
        p.notes = ["2 clusters added, 4 memberships added", "clusters are matched by their name (the register gives no id for them)"]
        return p
    }

    func opened() -> AppState {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("pt.csv")
        app.press(.enter)
        app.reply(.importPreviewed(preview))
        return app
    }

    @Test func the_list_shows_phase_words_yes_no_columns_and_scrolls_to_the_skipped_rows_and_duplicates() throws {
        var app = opened()
        let first = app.render()
        expectSnapshot(first, "import-shapes-80x24")
        #expect(first.text.contains("“Artística” (1 row)            → not known: Enter to say its phases"))
        #expect(first.text.contains("↓ 17 more (↓ or PgDn)"))
        #expect(first.row(21).contains("Enter imports these 10 changes: 4 added, 2 skipped"))
        app.press(.pageDown, .pageDown)
        let end = app.render()
        expectSnapshot(end, "import-shapes-scrolled-80x24")
        #expect(end.text.contains("Skipped rows (2): not imported"))
        #expect(end.text.contains("line 7: 9 fields where the header has 7"))
        #expect(end.text.contains("Possible duplicates (1): each kept as its own record"))
        #expect(end.text.contains("clusters are matched by their name"))
        #expect(end.text.contains("more above"))
    }

    @Test func enter_on_a_phase_word_takes_typed_phases_refuses_a_wrong_one_and_previews_again() throws {
        var app = opened()
        let id = app.top.id
        app.press(.pageDown)
        while try app.topScreen(ImportScreen.self).focused(80) != .word(0) { app.press(.up) }
        #expect(app.render().text.contains("Enter say the phases"))
        app.press(.enter)
        app.type("arts")
        app.press(.enter)
        let refused = app.render().text
        #expect(refused.contains("“arts” is not a phase"), "\(refused)")
        app.press(.ctrl("u"))
        app.type("upper-secondary, Vocational")
        let effects = app.press(.enter)
        let request: ImportRequest? = if case .previewImport(let r, _) = try #require(effects.first) { r } else { nil }
        #expect(request?.phaseWords == ["Artística=upper-secondary,vocational"])
        #expect(request?.phaseColumns == ["5=early-childhood"], "a yes/no column read as phases is sent; one not read is not")
        #expect(app.render().text.contains("→ upper-secondary, vocational"))
        // A yes/no column is given its phases the same way.
        while try app.topScreen(ImportScreen.self).focused(80) != .yesNo(1) { app.press(.down) }
        app.press(.enter)
        app.type("primary")
        let again = app.press(.enter)
        let second: ImportRequest? = if case .previewImport(let r, _) = try #require(again.first) { r } else { nil }
        #expect(second?.phaseColumns == ["5=early-childhood", "6=primary"])
        #expect(app.top.id == id)
    }

    @Test func a_register_without_a_name_column_says_what_to_do_on_the_screen() throws {
        var app = Fixture.app()
        app.press(.char("i"))
        var p = preview
        p.mapping["name"] = nil
        p.problem = "No column gives the names: choose one for “name” with ←/→"
        app.reply(.importPreviewed(p))
        let text = app.render().text
        #expect(text.contains("No column gives the names: choose one for “name” with ←/→"))
        #expect(!text.contains("--map"))
        let effects = app.press(.enter)
        #expect(!effects.contains { if case .runImport = $0 { true } else { false } })
    }

    @Test func after_an_import_u_undoes_it_as_one_step() {
        var app = opened()
        let id = app.top.id
        _ = app.send(.deliver(.importWritten(run: "imp-abcd1234", file: "pt.csv", changes: 4365), to: id))
        app.reply(.importProgress(done: 4365, total: 4365))
        #expect(app.press(.char("u")) == [.undoImport(run: "imp-abcd1234", summary: "the import of pt.csv (4365 changes)", replyTo: .home)])
        #expect(app.status?.text == "Undoing the import…")
    }
}

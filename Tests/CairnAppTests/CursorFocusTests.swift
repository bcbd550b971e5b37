import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// After every frame the terminal's cursor sits where focus is, so that a screen reader or a
/// braille display follows it: on the selected row, or at the caret of the field being typed in.
@Suite struct CursorFocusTests {
    static let sizes = [(64, 20), (80, 23), (80, 24), (120, 40)]

    /// The row of the canvas whose text starts with the selection's marker.
    static func selectedRow(_ canvas: Canvas) -> Int? { (0..<canvas.height).first { canvas.row($0).hasPrefix(">") } }

    @Test(arguments: sizes)
    func on_a_list_the_cursor_sits_on_the_selected_row_as_it_moves(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("2"))
        for key in [Key.char("j"), .char("j"), .char("k")] {
            app.press(key)
            let canvas = app.render()
            let row = try #require(Self.selectedRow(canvas))
            #expect(canvas.cursor == CursorPosition(x: 0, y: row), "after \(key) at \(size)")
        }
        #expect(app.render().cursor == CursorPosition(x: 0, y: 4), "the second school, under the tabs and the header")
    }

    @Test(arguments: sizes)
    func in_a_cluster_the_cursor_follows_the_tab_and_its_row(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.enter, .tab, .char("j"))
        let canvas = app.render()
        let row = try #require(Self.selectedRow(canvas))
        #expect(canvas.row(row).contains("Relatório do 1.º período"))
        #expect(canvas.cursor == CursorPosition(x: 0, y: row))
    }

    /// Letters of one cell, a letter with a combining mark (still one cell) and a wide
    /// character (two): the caret is counted in display cells, not characters or bytes.
    @Test(arguments: sizes)
    func in_a_form_the_cursor_sits_at_the_caret_counted_in_cells(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("a"))
        let narrow = size.0 < 80
        let start = try #require(app.render().cursor)
        // Narrow, the value is on the line under its label.
        let labelRow = try #require((0..<app.render().height).first { app.render().row($0).contains("▸ Name") })
        #expect(start.y == labelRow + (narrow ? 1 : 0), "on the field's line at \(size)")
        app.type("Łódź")
        #expect(app.render().cursor == CursorPosition(x: start.x + 4, y: start.y))
        app.type("q\u{301}")
        #expect(app.render().cursor == CursorPosition(x: start.x + 5, y: start.y), "a combining mark takes no cell")
        app.type("漢")
        #expect(app.render().cursor == CursorPosition(x: start.x + 7, y: start.y), "a wide character takes two")
        app.press(.left, .left)
        #expect(app.render().cursor == CursorPosition(x: start.x + 4, y: start.y), "on the character the caret is before")
    }

    @Test func on_a_choice_the_cursor_sits_where_its_value_starts_and_moves_with_tab() throws {
        var app = Fixture.app()
        app.press(.char("a"), .tab, .tab)
        let canvas = app.render()
        let row = try #require((0..<canvas.height).first { canvas.row($0).contains("▸ Kind") })
        let cursor = try #require(canvas.cursor)
        #expect(cursor.y == row)
        #expect(canvas[cursor.x, cursor.y].text == "‹")
    }

    @Test func while_filtering_the_cursor_is_at_the_filters_caret_and_goes_back_to_the_row_after() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("/"))
        app.type("lodz")
        let canvas = app.render()
        let cursor = try #require(canvas.cursor)
        #expect(cursor.y == canvas.height - 2, "on the status line, where the filter is typed")
        #expect(canvas.row(cursor.y).contains("Filter: lodz"))
        let line = canvas.row(cursor.y)
        let end = try #require(line.firstRange(of: "lodz")).upperBound
        #expect(DisplayWidth.of(String(line[..<end])) == cursor.x, "just after what was typed")
        app.press(.enter)
        let after = app.render()
        #expect(after.cursor == CursorPosition(x: 0, y: try #require(Self.selectedRow(after))))
    }

    @Test(arguments: sizes)
    func help_and_a_question_take_the_cursor_from_the_list_under_them(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("?"))
        let help = app.render()
        let cursor = try #require(help.cursor)
        #expect(help.row(cursor.y).contains("Enter"), "on the first key of the help: \(help.row(cursor.y))")
        app.press(.char("x"), .char("d"))
        let question = app.render()
        let at = try #require(question.cursor)
        #expect(question.row(at.y).contains("Delete"), "on the question: \(question.row(at.y))")
    }

    @Test func a_workshop_step_puts_the_cursor_on_its_selected_item() throws {
        var app = Fixture.app(width: 64, height: 20)
        app.press(.char("w"))
        app.press(.char("j"))
        let canvas = app.render()
        let row = try #require(Self.selectedRow(canvas))
        #expect(canvas.cursor == CursorPosition(x: 0, y: row))
    }

    @Test func a_screen_with_no_focus_leaves_the_cursor_at_its_start_and_too_small_at_the_notice() throws {
        var app = Fixture.app()
        app.press(.char("4"), .enter)
        _ = try app.topScreen(CheckpointScreen.self)
        #expect(app.render().cursor == CursorPosition(x: 0, y: 1))
        let small = Fixture.app(width: 30, height: 8)
        let canvas = small.render()
        let cursor = try #require(canvas.cursor)
        #expect(canvas.row(cursor.y).contains("Terminal too small"))
    }
}

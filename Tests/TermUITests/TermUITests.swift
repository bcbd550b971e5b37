import Testing

@testable import TermUI

@Suite struct DisplayWidthTests {
    @Test func cells_not_characters() {
        #expect(DisplayWidth.of("Łódź") == 4)
        #expect(DisplayWidth.of("Þingeyjarskóli") == 14)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("Kāhui Ako") == 9)
    }

    @Test func truncation_counts_cells_and_marks_the_cut() {
        #expect(DisplayWidth.truncate("Łódź", to: 4) == "Łódź")
        #expect(DisplayWidth.truncate("Þingeyjarskóli", to: 6) == "Þinge…")
        #expect(DisplayWidth.truncate("東京都", to: 4) == "東…")
        #expect(DisplayWidth.of(DisplayWidth.pad("東京", to: 7)) == 7)
    }
}

@Suite struct CanvasTests {
    @Test func put_clips_to_the_given_width_and_the_edge() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.put("Escola Básica", x: 0, y: 0, maxWidth: 9) == 9)
        #expect(canvas.row(0) == "Escola B…")
        var other = Canvas(width: 10, height: 1)
        other.put("Escola Básica", x: 0, y: 0, maxWidth: 8)
        #expect(other.row(0) == "Escola…")  // no space left dangling before the mark
        canvas.put("Łódź Łódź", x: 6, y: 1)
        #expect(canvas.row(1) == "      Łód…")
    }

    @Test func a_wide_character_takes_two_cells() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("東京x", x: 0, y: 0)
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[4, 0].text == "x")
        #expect(canvas.row(0) == "東京x")
    }

    @Test func only_changed_cells_are_reported() {
        var a = Canvas(width: 10, height: 3)
        a.put("hello", x: 0, y: 0)
        var b = a
        b.put("j", x: 0, y: 0)
        #expect(b.changedCells(since: a) == [0])
        #expect(b.changedCells(since: nil).count == 30)
        #expect(Canvas(width: 5, height: 3).changedCells(since: a).count == 15)
    }
}

@Suite struct WidgetTests {
    @Test func text_field_edits_at_the_cursor() {
        var f = TextField("Lodz")
        _ = f.handle(.left)
        _ = f.handle(.left)
        let handled = f.handle(.backspace)
        #expect(handled)
        #expect(f.text == "Ldz")
        _ = f.handle(.char("ó"))
        #expect(f.text == "Lódz")
        _ = f.handle(.ctrl("u"))
        #expect(f.text.isEmpty && f.cursor == 0)
        let enterHandled = f.handle(.enter)
        #expect(!enterHandled)
    }

    @Test func list_cursor_pages_and_stays_in_range() {
        var c = ListCursor()
        c.apply(.pageDown, count: 100, pageHeight: 11)
        #expect(c.selected == 10)
        c.apply(.last, count: 100, pageHeight: 11)
        #expect(c.selected == 99)
        c.apply(.down, count: 100, pageHeight: 11)
        #expect(c.selected == 99)
        c.apply(.first, count: 100, pageHeight: 11)
        #expect(c.selected == 0)
        #expect(ListMove.down.keys == [.down, .char("j")])
        #expect(ListMove.down.arrowKeys == [.down])
        c.selected = 50
        c.scroll(visibleRows: 10, count: 100)
        #expect(c.top == 41)
    }

    @Test func a_disabled_binding_is_shown_but_does_not_fire_and_any_key_bindings_do() {
        let bindings = [
            KeyBinding([.char("e")], "e", "edit", 1, enabled: false),
            KeyBinding([.char("e")], "e", "type e", 2),
        ]
        #expect(bindings.action(for: .char("e")) == 2)
        #expect(Chrome.helpLines(bindings).first?.1 == "edit (not now)")
        let any = [KeyBinding<Int>([], "any key", "close", anyKey: true) { _ in 7 }]
        #expect(any.action(for: .char("z")) == 7)
        #expect(any.action(for: .function(5)) == 7)
    }

    @Test func footer_keeps_essential_keys_when_space_runs_out() {
        let bindings: [KeyBinding<Int>] =
            (0..<12).map { KeyBinding([.char("a")], "k\($0)", "does thing \($0)", $0) }
            + [KeyBinding([.char("?")], "?", "help", 98, essential: true), KeyBinding([.char("q")], "q", "quit", 99, essential: true)]
        var canvas = Canvas(width: 60, height: 1)
        Chrome.footer(bindings, into: &canvas, y: 0)
        let row = canvas.row(0)
        #expect(row.contains("k0 does thing 0"))
        #expect(row.contains("? help"))
        #expect(row.contains("q quit"))
        #expect(!row.contains("k11"))
    }

    @Test func the_help_is_made_from_the_bindings() {
        let bindings: [KeyBinding<Int>] = [
            KeyBinding([.char("a")], "a", "add", 1), KeyBinding([.up, .char("k")], nil, "move up", 2, footer: false),
        ]
        let lines = Chrome.helpLines(bindings)
        #expect(lines.map(\.0) == ["a", "↑ / k"])
        #expect(lines.map(\.1) == ["add", "move up"])
    }
}

/// Columns take the width by what they hold: a column is cut only when the line lacks room,
/// and then no column is cut while a wider one could give it room.
@Suite struct TableWidthTests {
    let columns = [Column("Cluster"), Column("Region", width: 11), Column("Lead", width: 10), Column("Due", width: 10)]
    let rows = [
        ["Agrupamento de Escolas de São João da Madeira Norte", "Highland (Northern Alliance)", "Escola Básica n.º 1", "2026-12-01"]
    ]

    @Test func when_everything_fits_each_column_gets_what_it_holds_and_the_flexible_one_the_rest() {
        let table = Table(columns: columns, rows: [["Óbidos", "Oeste", "Câmara Municipal de Óbidos", "2026-12-01"]])
        let w = table.widths(in: 80, sample: [["Óbidos", "Oeste", "Câmara Municipal de Óbidos", "2026-12-01"]])
        #expect(w == [80 - 2 - 3 - 6 - 26 - 10, 6, 26, 10], "a lead wider than its designed 10 is whole: \(w)")
    }

    @Test func at_80_the_widest_columns_are_cut_to_one_cap_and_a_narrow_one_stays_whole() {
        let table = Table(columns: columns, rows: rows)
        let w = table.widths(in: 80, sample: rows)
        #expect(w.reduce(0, +) + 2 + 3 == 80, "the whole width is used: \(w)")
        #expect(w == [23, 23, 19, 10], "name and region share what the lead and the date leave")
    }

    @Test func at_120_the_cut_columns_share_the_extra_room_and_a_whole_one_stays() {
        let table = Table(columns: columns, rows: rows)
        let w = table.widths(in: 120, sample: rows)
        #expect(w.reduce(0, +) + 2 + 3 == 120, "the whole width is used: \(w)")
        #expect(w[1] == DisplayWidth.of(rows[0][1]) && w[2] == DisplayWidth.of(rows[0][2]), "region and lead whole: \(w)")
        #expect(w[3] == 10, "a date that fits is left as it is")
    }

    @Test func display_cells_count_not_characters() {
        let cols = [Column("名前"), Column("Role", width: 4)]
        let sample = [["漢字の学校", "e\u{301}cole"]]
        let w = Table(columns: cols, rows: sample).widths(in: 30, sample: sample)
        #expect(w[1] == 5, "é with a combining mark is one cell: \(w)")
        #expect(w[0] == 30 - 2 - 1 - 5)
    }

    @Test func the_selected_row_holds_the_cursor_and_an_unfocused_table_none() {
        var cursor = ListCursor()
        cursor.selected = 2
        let table = Table(columns: [Column("Checkpoint")], rows: [["a"], ["b"], ["c"]])
        var canvas = Canvas(width: 20, height: 6)
        table.render(into: &canvas, area: Rect(x: 0, y: 1, width: 20, height: 5), cursor: cursor)
        #expect(canvas.cursor == CursorPosition(x: 0, y: 4))
        var unfocused = Canvas(width: 20, height: 6)
        table.render(into: &unfocused, area: Rect(x: 0, y: 1, width: 20, height: 5), cursor: cursor, focused: false)
        #expect(unfocused.cursor == nil)
    }

    @Test func a_column_shown_from_a_width_is_left_out_below_it() {
        var canvas = Canvas(width: 80, height: 3)
        let cols = [Column("Checkpoint"), Column("Evidence", width: 20, from: 100)]
        Table(columns: cols, rows: [["Reunião", "acta n.º 3"]]).render(
            into: &canvas, area: Rect(x: 0, y: 0, width: 80, height: 3), cursor: ListCursor())
        #expect(!canvas.text.contains("Evidence") && !canvas.text.contains("acta"))
        var wide = Canvas(width: 120, height: 3)
        Table(columns: cols, rows: [["Reunião", "acta n.º 3"]]).render(
            into: &wide, area: Rect(x: 0, y: 0, width: 120, height: 3), cursor: ListCursor())
        #expect(wide.text.contains("Evidence") && wide.text.contains("acta n.º 3"))
    }

    /// Moving the selection sends only what it changes: the marker and the first column of two
    /// rows (not both rows whole), and never a relayout as the counter gains a digit.
    @Test func moving_the_selection_changes_the_marker_and_first_column_of_two_rows_only() throws {
        let cols = [Column("Checkpoint"), Column("Due", width: 10)]
        let rows = (0..<40).map { ["Reunião trimestral \($0)", "2026-12-\(String(format: "%02d", $0 % 28 + 1))"] }
        let overdue = Style(.overdue)
        let table = Table(columns: cols, count: rows.count) { (rows[$0], overdue) }
        func frame(_ selected: Int) -> Canvas {
            var canvas = Canvas(width: 80, height: 24)
            var cursor = ListCursor()
            cursor.selected = selected
            table.render(into: &canvas, area: Rect(x: 0, y: 0, width: 80, height: 24), cursor: cursor)
            return canvas
        }
        let nine = frame(8)
        let ten = frame(9)
        // The selected row: the marker and its first column reversed, its date still overdue.
        #expect(ten.row(10).hasPrefix("> Reunião trimestral 9"))
        #expect(ten[0, 10].style.reverse && ten[3, 10].style.reverse)
        let dateX = try #require(
            ten.row(10).range(of: "2026-12-10").map { ten.row(10).distance(from: ten.row(10).startIndex, to: $0.lowerBound) })
        #expect(ten[dateX, 10].style == overdue)
        // Passing from 9/40 to 10/40: the two rows' first columns and the counter, no more.
        let changed = ten.changedCells(since: nine)
        let changedRows = Set(changed.map { $0 / 80 })
        #expect(changedRows == [0, 9, 10], "rows changed: \(changedRows.sorted())")
        #expect(changed.filter { $0 / 80 != 0 }.allSatisfy { $0 % 80 < dateX }, "only the marker and first column")
    }
}

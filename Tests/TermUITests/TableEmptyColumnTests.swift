import Testing

@testable import TermUI

/// A column with nothing in the rows on screen gives its room to text that would be cut.
@Suite struct TableEmptyColumnTests {
    let columns = [Column("Date", width: 10), Column("Source"), Column("Ticked", width: 24)]
    let source = "Vlaamse onderwijsstatistieken, jaarrapport 2026"

    func drawn(_ rows: [[String]], width: Int) -> Canvas {
        var canvas = Canvas(width: width, height: 4)
        Table(columns: columns, rows: rows).render(into: &canvas, area: Rect(x: 0, y: 0, width: width, height: 4), cursor: ListCursor())
        return canvas
    }

    @Test func an_empty_column_is_left_out_while_the_text_beside_it_would_be_cut() {
        let canvas = drawn([["2026-11-06", source, ""]], width: 64)
        #expect(canvas.row(1).contains(source), "\(canvas.text)")
        #expect(!canvas.row(0).contains("Ticked"))
    }

    @Test func an_empty_column_stays_where_the_line_has_room_for_it() {
        let canvas = drawn([["2026-11-06", "survey", ""]], width: 64)
        #expect(canvas.row(0).contains("Ticked"), "\(canvas.text)")
    }

    @Test func a_column_comes_back_once_a_row_on_screen_fills_it() {
        let canvas = drawn([["2026-11-06", source, ""], ["2026-06-06", source, "Termly review"]], width: 64)
        #expect(canvas.row(0).contains("Ticked") && canvas.row(2).contains("Termly review"), "\(canvas.text)")
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// Status never rests on colour or position alone: wherever a row or a line is drawn in a
/// status's colour, its text says the status too, at every size, however long the title.
@Suite struct StatusInWordsTests {
    static let sizes = [(64, 20), (80, 23), (80, 24), (120, 40)]

    /// The fixture with an overdue checkpoint whose title is longer than any line.
    static func world() -> World {
        var w = Fixture.world()
        let title = "Reunião de articulação pré-escolar / 1.º ciclo com a Câmara Municipal e as associações de pais"
        w.apply(.put(.checkpoint(Checkpoint(id: "chk-0", cluster: "clu-pt", title: title, due: Day(iso: "2026-11-01")!))))
        return w
    }

    /// Each row with a cell in a status's colour, and whether its text says that status.
    static func rowsSayTheirStatus(_ canvas: Canvas) -> [(row: String, says: Bool)] {
        let words: [Style.Role: [String]] = [.overdue: ["! OVERDUE"], .dueSoon: ["~ due soon"], .done: ["✓ done"]]
        return (0..<canvas.height).compactMap { y in
            let roles = Set((0..<canvas.width).map { canvas[$0, y].style.role }).filter { words[$0] != nil }
            guard let role = roles.first else { return nil }
            return (canvas.row(y), words[role]!.contains { canvas.row(y).contains($0) })
        }
    }

    @Test(arguments: sizes)
    func every_checkpoint_row_in_a_status_colour_says_it_in_words(size: (Int, Int)) throws {
        var app = Fixture.app(Self.world(), width: size.0, height: size.1)
        app.press(.char("4"))
        let home = Self.rowsSayTheirStatus(app.render())
        #expect(home.count >= 3, "overdue, due soon and done rows are drawn at \(size)")
        for (row, says) in home { #expect(says, "\(size): \(row)") }
        app.press(.char("1"), .enter, .tab)
        for (row, says) in Self.rowsSayTheirStatus(app.render()) where row.contains("20") {
            #expect(says, "\(size): \(row)")
        }
    }

    @Test(arguments: sizes)
    func the_next_due_line_keeps_its_status_word_before_a_long_title(size: (Int, Int)) throws {
        var app = Fixture.app(Self.world(), width: size.0, height: size.1)
        app.press(.enter)
        let canvas = app.render()
        let line = try #require((0..<canvas.height).map(canvas.row).first { $0.contains("Next due:") })
        #expect(line.contains("! OVERDUE 2026-11-01"), "\(size): \(line)")
    }
}

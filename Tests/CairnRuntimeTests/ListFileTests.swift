import CairnApp
import CairnCore
import CairnStore
import Foundation
import TermUI
import Testing

@testable import CairnRuntime

/// `W` writes the filtered view of a list to CSV beside the reports.
@MainActor
@Suite struct ListFileTests {
    @Test func w_writes_the_rows_the_filter_shows_and_the_status_says_where_and_how_many() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        s.press(.char("2"), .char("/"))
        s.type("thing")
        s.press(.enter, .char("W"))
        let path = folder.url.appendingPathComponent("reports/schools-\(Fixture.today).csv").path
        #expect(s.status == "Wrote 1 row to \(path)", "status: \(s.status ?? "none")")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "School,Official id,Phases,Municipality\nÞingeyjarskóli,,primary,Þingeyjarsveit\n")
    }

    @Test func a_cell_a_spreadsheet_would_run_as_a_formula_is_written_safe() throws {
        let folder = try TemporaryStore()
        let store = try folder.open()
        let url = try ListFile.write(
            name: "schools", header: ["School"], rows: [["=HYPERLINK(\"x\")"], ["-3"], ["Þingeyjarskóli"]], store: store,
            today: Fixture.today)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "School\n\"'=HYPERLINK(\"\"x\"\")\"\n'-3\nÞingeyjarskóli\n")
    }
}

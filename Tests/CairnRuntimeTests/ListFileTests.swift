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
            ListCSV(name: "schools", header: ["School"], rows: [["=HYPERLINK(\"x\")"], ["-3"], ["Þingeyjarskóli"]]), store: store,
            today: Fixture.today)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "School\n\"'=HYPERLINK(\"\"x\"\")\"\n'-3\nÞingeyjarskóli\n")
    }

    @Test func with_rows_marked_w_writes_the_marked_rows_only_and_says_they_are_the_marked_ones() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        s.press(.char("2"), .char("+"), .char("j"))  // Escola marked; the cursor on Þingeyjarskóli, not marked
        s.press(.char("W"))
        let path = folder.url.appendingPathComponent("reports/schools-\(Fixture.today).csv").path
        #expect(s.status == "Wrote 1 marked row to \(path)", "status: \(s.status ?? "none")")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "School,Official id,Phases,Municipality\nEscola Básica de São João,,primary,Óbidos\n")
    }

    @Test func w_on_a_cluster_writes_the_tab_it_shows_named_after_the_cluster_with_formulas_made_safe() throws {
        var records = Fixture.changes
        records.append(.put(.checkpoint(Checkpoint(id: "chk-9", cluster: "clu-pt", title: "=SUM(A1:A9)", due: Fixture.today))))
        let folder = try TemporaryStore(records: records)
        let s = try TestSession(folder)
        s.press(.enter, .tab)  // the first cluster (Agrupamento …), its Checkpoints
        #expect(s.screen.contains("[Checks (3)]"), "\(s.screen)")
        s.press(.char("/"))
        s.type("re")  // "Reunião", "Relatório": not the formula
        s.press(.enter, .char("W"))
        let reports = folder.url.appendingPathComponent("reports")
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path)
        let name = try #require(files.first { $0.hasSuffix("-checkpoints-\(Fixture.today).csv") }, "\(files)")
        #expect(name.hasPrefix("agrupamento-de-escolas-de-obidos-"), "named after the cluster: \(name)")
        #expect(s.status == "Wrote 2 rows to \(reports.appendingPathComponent(name).path)", "status: \(s.status ?? "none")")
        s.press(.escape, .char("W"))
        let all = try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8)
        #expect(all.hasPrefix("Status,Due,Checkpoint,Done by,Evidence\n"), "\(all)")
        #expect(all.contains(",'=SUM(A1:A9)"), "the formula written safe: \(all)")
        #expect(all.split(separator: "\n").count == 4, "the header and the three checkpoints once the filter is cleared: \(all)")
    }
}

import CairnStore
import Testing

/// Exports carry the stable English keys whatever the session speaks: a spreadsheet or a
/// script reads the same file from a Polish room as from an English one, while the words a
/// person reads (a report) follow the language.
@Suite struct ExportLanguageTests {
    @Test func export_is_byte_identical_with_lang_pl_and_without_while_the_report_speaks_polish() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let formats = [["export"]] + CSVExport.What.allCases.map { ["export", "--format", "csv", "--what", $0.rawValue] }
        for args in formats {
            let english = try Shell.cairn(args, store: store.url)
            let polish = try Shell.cairn(["--lang", "pl"] + args, store: store.url)
            #expect(english.status == 0 && polish.status == 0, "\(args): \(english.stderr) \(polish.stderr)")
            #expect(english.stdout.split(separator: "\n").count > 1, "\(args) exports something")
            #expect(Array(polish.stdout.utf8) == Array(english.stdout.utf8), "\(args) changes with --lang pl")
        }
        let json = try Shell.cairn(["--lang", "pl", "export"], store: store.url).stdout
        #expect(json.contains("\"early-childhood\"") && json.contains("\"social-care\""), "the keys, not the Polish words")
        let report = try Shell.cairn(["--lang", "pl", "report", "Sieć Współpracy Szkół Bałuty"], store: store.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("· sieć · nieformalna ·"), "\(report.stdout)")
        #expect(report.stdout.contains("| partner |") && report.stdout.contains("brak danych") == false)
        #expect(report.stdout.contains("b.d. `[----------]`"), "\(report.stdout)")
    }
}

import CairnApp
import CairnCore
import CairnStore
import CairnWords
import Foundation
import TermUI
import Testing

/// The run loop's own messages speak the session's language: a register's preview and the
/// import's progress and undo, the sync that cannot run, the list written to CSV; the journal
/// it writes stays the same in every language.
@MainActor
@Suite struct RuntimeLanguageTests {
    @Test func a_register_previewed_imported_and_undone_in_polish_says_so_in_polish() throws {
        try Words.speaking(Language("pl")) {
            let folder = try TemporaryStore()
            let register = try ImportSessionTests.register(in: folder)
            let s = try TestSession(folder)
            s.press(.char("i"))
            s.type(register.path)
            s.press(.enter)
            #expect(s.screen.contains("UTF-8, rozdzielany przecinkami, nagłówek w wierszu 1, 3 wiersze"), "\(s.screen)")
            #expect(s.screen.contains("Enter importuje 3 zmiany: 3 dodane"), "\(s.screen)")
            s.press(.down, .enter)
            #expect(s.status == "Zaimportowano: zapisano 3 zmiany · u cofa cały import", "status: \(s.status ?? "none")")
            #expect(try folder.journalLines().last?.contains("register.csv") == true)
            s.press(.char("u"))
            // What was undone, named in Polish (the rule book says the word before it).
            #expect(s.status?.hasSuffix(" import pliku register.csv (3 zmiany)") == true, "status: \(s.status ?? "none")")
            s.press(.char("S"))
            #expect(s.status == "Ten magazyn nie jest udostępniany przez git: cairn sync --init URL go udostępnia", "\(s.status ?? "none")")
        }
    }

    @Test func a_list_written_to_csv_says_where_in_welsh_and_keeps_its_english_file() throws {
        try Words.speaking(Language("cy")) {
            let folder = try TemporaryStore()
            let s = try TestSession(folder)
            s.press(.char("2"), .char("W"))
            let status = try #require(s.status)
            #expect(status.hasPrefix("Ysgrifennwyd ") && status.contains(" rhes i "), "\(status)")
            #expect(status.contains("/reports/schools-"), "\(status)")
        }
    }
}

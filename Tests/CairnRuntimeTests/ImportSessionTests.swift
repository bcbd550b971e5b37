import CairnApp
import CairnCore
import CairnStore
import Foundation
import TermUI
import Testing

/// A register imported through the import screen, the real interpreter writing it in batches.
@MainActor
@Suite struct ImportSessionTests {
    /// A register of three schools (Łódź, Þingeyjarsveit, 京都) beside the store.
    static func register(in folder: TemporaryStore) throws -> URL {
        let register = folder.root.appendingPathComponent("register.csv")
        try "School ID,Name,City\nPL-12,Szkoła Podstawowa nr 12,Łódź\nIS-1,Þingeyjarskóli,Þingeyjarsveit\nJP-1,漢字小学校,京都\n"
            .write(to: register, atomically: true, encoding: .utf8)
        return register
    }

    @Test func a_register_previewed_then_imported_is_in_the_journal_and_u_takes_it_all_back() throws {
        let folder = try TemporaryStore()
        let register = try Self.register(in: folder)
        let s = try TestSession(folder)
        s.press(.char("i"))
        s.type(register.path)
        s.press(.enter)
        #expect(s.screen.contains("3 rows"), "\(s.screen)")
        #expect(s.screen.contains("3 added"), "\(s.screen)")
        s.press(.down, .enter)
        #expect(s.status?.hasPrefix("Imported: 3 changes written") == true, "status: \(s.status ?? "none")")
        let imported = try folder.onDisk()
        #expect(Set(imported.schools.values.map(\.name)).isSuperset(of: ["Szkoła Podstawowa nr 12", "Þingeyjarskóli", "漢字小学校"]))
        #expect(try folder.journalLines().last?.contains("register.csv") == true)
        s.press(.char("u"))
        let undone = try folder.onDisk()
        #expect(!undone.schools.values.contains { $0.name == "漢字小学校" })
        #expect(undone.schools.count == 2)
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Registers as a hostile tester (or a tired clerk) sends them.
@Suite struct HostileRegisterTests {
    func plan(_ text: Data) throws -> ([Change], ImportSummary) {
        try RegisterImport.plan(try RegisterTable.read(text), options: ImportOptions(), world: World())
    }

    @Test func one_stray_quote_skips_its_row_with_its_line_and_every_row_after_it_is_read() throws {
        var text = "school id,name,town\n1,Escola Básica de São João,Lisboa\n2,\"Escola \"\"Nova, Óbidos\n"
        for i in 3...1_014 { text += "\(i),Escola \(i),Porto\n" }
        let (changes, summary) = try plan(Data(text.utf8))
        #expect(summary.added == 1_013)
        #expect(summary.skipped.map(\.line) == [3])
        #expect(summary.skipped.first?.reason.contains("stray quote") == true)
        #expect(summary.report.contains { $0.hasPrefix("warning: line 3: a quote opens a field") })
        var w = World()
        w.apply(changes)
        #expect(w.schools.values.map(\.name.count).max()! < 40, "no name swallowed rows")
        #expect(w.schools.values.contains { $0.name == "Escola 1014" })
    }

    @Test func a_quote_that_never_closes_is_said_and_a_real_multi_line_cell_is_kept() throws {
        let text = "id,name,notes\n1,Escola A,\"two lines\nof notes\"\n2,Escola B,\"never closed\n3,Escola C,x\n"
        let (changes, summary) = try plan(Data(text.utf8))
        #expect(summary.skipped.map(\.line) == [4])
        #expect(summary.added == 2)
        var w = World()
        w.apply(changes)
        #expect(w.schools.values.map(\.name).sorted() == ["Escola A", "Escola C"])
    }

    @Test func a_register_one_mebibyte_wide_on_one_line_is_answered() throws {
        let wide = Array(repeating: "a", count: 1 << 19).joined(separator: ",") + "\n"
        let refused = try #require(throws: StoreError.self) { try plan(Data(wide.utf8)) }
        #expect(refused.message.hasPrefix("no column gives the name"))
        #expect(refused.message.count < 300)
        let long = "id,name\n1," + String(repeating: "x", count: 1 << 20) + "\n"
        #expect(try plan(Data(long.utf8)).1.added == 1)
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian])
    func utf16_and_utf32_registers_with_a_byte_order_mark_are_read(encoding: String.Encoding) throws {
        let text = "school id,name,town\n1,Þingeyjarskóli,Þingeyjarsveit\n2,Szkoła Podstawowa nr 3,Łódź\n3,漢字小学校,東京 😀\n"
        let boms: [String.Encoding: [UInt8]] = [
            .utf16LittleEndian: [0xFF, 0xFE], .utf16BigEndian: [0xFE, 0xFF], .utf32LittleEndian: [0xFF, 0xFE, 0, 0],
            .utf32BigEndian: [0, 0, 0xFE, 0xFF],
        ]
        let data = Data(try #require(boms[encoding])) + (try #require(text.data(using: encoding)))
        let table = try RegisterTable.read(data)
        #expect(table.encoding.rawValue.hasPrefix(encoding == .utf16LittleEndian || encoding == .utf16BigEndian ? "UTF-16" : "UTF-32"))
        let (changes, _) = try plan(data)
        var w = World()
        w.apply(changes)
        #expect(Set(w.schools.values.map(\.name)) == ["Þingeyjarskóli", "Szkoła Podstawowa nr 3", "漢字小学校"])
    }

    @Test func a_utf16_mark_on_bytes_that_are_not_utf16_is_refused_naming_the_encoding() throws {
        let refused = try #require(throws: StoreError.self) { try RegisterTable.read(Data([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])) }
        #expect(refused.message.contains("UTF-16"))
    }
}

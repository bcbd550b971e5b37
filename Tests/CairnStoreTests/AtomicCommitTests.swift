import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A commit of many changes (an import, a cascading delete, the examples) is folded whole or
/// not at all, on every later load.
@Suite struct AtomicCommitTests {
    let ana = Identity(user: "ana", host: "regional-server")

    func journal(_ tmp: TemporaryDirectory) -> URL {
        tmp.store.appendingPathComponent("journal/\(StoreInstance.of(tmp.store, identity: ana, access: .personal).journalName)")
    }

    /// A store with one commit of five schools, and its journal's lines.
    func fiveInOne(_ tmp: TemporaryDirectory) throws -> [String] {
        let store = try Store(directory: tmp.store, identity: ana)
        let schools = (1...5).map { Change.put(.school(School(id: "sch-\($0)", name: "Escola \($0)"))) }
        try store.commit(schools)
        let lines = try String(contentsOf: journal(tmp), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.contains("\"of\":5") })
        return lines
    }

    @Test func a_commit_cut_off_at_the_end_is_not_folded_and_its_complete_lines_are_never_cut() throws {
        let tmp = TemporaryDirectory()
        let lines = try fiveInOne(tmp)
        // A process killed after writing three of the five lines (the third one half-written).
        let third = lines[2].prefix(lines[2].count / 2)
        try (lines[0..<2].joined(separator: "\n") + "\n" + third).write(to: journal(tmp), atomically: false, encoding: .utf8)
        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools.isEmpty)
        #expect(!reopened.problems.contains { $0.isDamage })
        try reopened.commit([.put(.school(School(id: "sch-9", name: "Escola 9")))])
        // Only the half-written line went: the two complete ones stay, never folded.
        let after = try String(contentsOf: journal(tmp), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(after.count == 3)
        #expect(Array(after.prefix(2)) == Array(lines.prefix(2)))
        let check = try StoreCheck.run(try Store(directory: tmp.store, identity: ana))
        #expect(!check.isDamaged, "\(check.report)")
        #expect(check.events == 1)
        #expect(check.report.contains("line 1: a commit of 5 changes has only 2 written (a write was interrupted); none of it is folded"))
        #expect(try Store(directory: tmp.store, identity: ana).world.schools.keys.sorted() == ["sch-9"])
    }

    @Test func a_commit_missing_lines_in_the_middle_of_a_journal_is_damage_and_none_of_it_is_folded() throws {
        let tmp = TemporaryDirectory()
        let lines = try fiveInOne(tmp)
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(id: "sch-9", name: "Escola 9")))])
        let all = try String(contentsOf: journal(tmp), encoding: .utf8).split(separator: "\n").map(String.init)
        // Lines 4 and 5 of the commit lost (a disk that filled while writing, an older Cairn).
        try (Array(lines[0..<3]) + [all[5]]).joined(separator: "\n").appending("\n").write(
            to: journal(tmp), atomically: false, encoding: .utf8)
        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools.keys.sorted() == ["sch-9"])
        let check = try StoreCheck.run(reopened)
        #expect(check.isDamaged)
        #expect(
            check.report.contains(
                "\(journal(tmp).lastPathComponent) line 1 is damaged: it is part of a commit of 5 changes that was cut short (3 of them here: by ana at "
            ))
    }

    @Test func a_line_that_is_not_json_and_a_time_that_cannot_be_read_are_damage() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(id: "sch-1", name: "Escola 1")))])
        try store.commit([.put(.school(School(id: "sch-2", name: "Escola 2")))])
        var lines = try String(contentsOf: journal(tmp), encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: #""at":"20"#, with: #""at":"yesterday 20"#)
        lines.append(#"{"id":"ev-x","name":"raw \#u{01} control"}"#)
        lines.append(String(repeating: "[", count: 140_000))
        try (lines.joined(separator: "\n") + "\n").write(to: journal(tmp), atomically: false, encoding: .utf8)
        let check = try StoreCheck.run(try Store(directory: tmp.store, identity: ana))
        #expect(check.events == 1)
        #expect(check.problems.map(\.line) == [2, 3, 4])
        #expect(check.report.contains("line 2 is damaged: its time “yesterday 20"))
        #expect(check.report.contains("line 4 is damaged: it is not valid JSON"))
    }
}

/// A JSON restore is a door that writes: what it reads is checked as a form checks it.
@Suite struct JSONRestoreTests {
    func changes(_ text: String) throws(StoreError) -> [Change] { try JSONImport.changes(Data(text.utf8)) }

    @Test func what_is_not_an_export_or_holds_the_wrong_types_is_refused_with_where() throws {
        let notList = try #require(throws: StoreError.self) { try changes(#"{"schools":5}"#) }
        #expect(notList.message == "nothing imported: schools must be a list of records, not a number")
        let noID = try #require(throws: StoreError.self) { try changes(#"{"schools":[{"id":"","name":""}]}"#) }
        #expect(noID.message == "nothing imported: schools[1].id is missing")
        let badWord = try #require(throws: StoreError.self) {
            try changes(#"{"agencies":[{"id":"agy-1","name":"Saúde","sector":"magic"}]}"#)
        }
        #expect(badWord.message.hasPrefix("nothing imported: agencies[1].sector: “magic” is not one of"))
        let badDay = try #require(throws: StoreError.self) {
            try changes(#"{"checkpoints":[{"id":"chk-1","cluster":"clu-1","title":"Hui","due":"31/12"}]}"#)
        }
        #expect(badDay.message == "nothing imported: checkpoints[1].due: “31/12” is not a date (YYYY-MM-DD)")
        #expect(throws: StoreError.self) { try changes(#"{"colours":[]}"#) }
        #expect(throws: StoreError.self) { try changes("[1, 2]") }
        #expect(throws: StoreError.self) { try changes(#"{"schools":[]} trailing"#) }
    }

    @Test func a_school_without_a_name_or_with_a_foreign_id_is_refused_by_the_rule_book() throws {
        let author = Author(user: "ana", today: Day(iso: "2026-12-01")!)
        for text in [#"{"schools":[{"id":"sch-1","name":""}]}"#, #"{"schools":[{"id":"clu-1","name":"Escola"}]}"#] {
            let read = try changes(text)
            #expect(throws: Refusal.self) { try World().perform(.carry(read, summary: "restored"), by: author) }
        }
        let fine = try changes(#"{"schools":[{"id":"sch-1","name":"Þingeyjarskóli","phases":["primary"]}]}"#)
        #expect(try World().perform(.carry(fine, summary: "restored"), by: author).changes.count == 1)
    }
}

/// Lines another machine wrote are held to the rules a form holds a record to.
@Suite struct ForeignLineTests {
    @Test func a_record_from_another_journal_that_breaks_a_form_rule_is_reported_and_not_read() throws {
        let tmp = TemporaryDirectory()
        let laptop = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        try laptop.commit([.put(.school(School(id: "sch-1", name: "Þingeyjarskóli")))])
        // Written by hand (or by a broken program) into the laptop's journal: no name, a bad e-mail.
        let journal = laptop.journalFile
        var text = try String(contentsOf: journal, encoding: .utf8)
        text +=
            #"{"at":"2026-12-01T10:00:00.000Z","by":"ben","host":"laptop","id":"ev-x1","op":"put","record":{"contactPerson":"","email":"","id":"sch-2","municipality":"","name":"","notes":"","phases":[],"phone":""},"recordId":"sch-2","type":"school"}"#
        text += "\n"
        text +=
            #"{"at":"2026-12-01T10:00:01.000Z","by":"ben","host":"laptop","id":"ev-x2","op":"put","record":{"contactPerson":"","email":"not an address","id":"sch-3","municipality":"","name":"Łódź","notes":"","phases":[],"phone":""},"recordId":"sch-3","type":"school"}"#
        text += "\n"
        try text.write(to: journal, atomically: false, encoding: .utf8)
        let server = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        #expect(server.world.schools.keys.sorted() == ["sch-1"])
        let check = try StoreCheck.run(server)
        #expect(check.isDamaged)
        #expect(check.report.contains("\(journal.lastPathComponent) line 2 is damaged: school “” breaks a rule (name: a name is required)"))
        #expect(check.report.contains("\(journal.lastPathComponent) line 3 is damaged: school “Łódź” breaks a rule (email:"))
    }
}

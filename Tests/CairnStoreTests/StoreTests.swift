import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct StoreTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let ben = Identity(user: "ben", host: "laptop")

    @Test func a_new_store_is_owner_only_and_commits_survive_a_reopen() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        let mode = try FileManager.default.attributesOfItem(atPath: tmp.store.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let school = School(name: "Þingeyjarskóli", phases: [.primary])
        try store.commit([.put(.school(school))])
        let again = try Store(directory: tmp.store, identity: ana)
        #expect(again.world.schools[school.id]?.name == "Þingeyjarskóli")
        #expect(again.problems.isEmpty)
    }

    @Test func every_event_records_who_where_when_and_only_the_fields_an_edit_changed() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        var c = Checkpoint(cluster: "clu-1", title: "Meeting", due: Day(iso: "2026-01-15")!)
        let first = try store.commit([.put(.checkpoint(c))]).events
        c = c.ticked(by: "ana", on: Day(iso: "2026-01-15")!, evidence: "minutes")
        let second = try store.commit([.put(.checkpoint(c))]).events
        #expect(second[0].by == "ana")
        #expect(second[0].host == "regional-server")
        #expect(second[0].base == nil)
        #expect(second[0].at.hasSuffix("Z"))
        let edit = try #require({ () -> Edit? in if case .edit(let e) = second[0].change { return e } else { return nil } }())
        #expect(edit.fields.map(\.name) == ["doneBy", "doneOn", "evidence"])
        #expect(edit.fields[0].old == .null && edit.fields[0].new == .string("ana"))
        let history = try store.history(of: c.id)
        #expect(history.map(\.id) == [first[0].id, second[0].id])
        #expect(try Store(directory: tmp.store, identity: ana).world.checkpoints[c.id] == c)
    }

    @Test func a_torn_last_line_is_ignored_and_cut_off_before_the_next_append() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(id: "sch-1", name: "One")))])
        let journal = store.journalFile
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"ev-torn\",\"at\":\"2026".utf8))  // killed mid-write
        try handle.close()

        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools.count == 1)
        #expect(reopened.problems.map(\.kind) == [.tornTail])
        #expect(!(try StoreCheck.run(reopened).isDamaged))

        try reopened.commit([.put(.school(School(id: "sch-2", name: "Two")))])
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(!lines.contains { $0.contains("ev-torn") })
        let third = try Store(directory: tmp.store, identity: ana)
        #expect(third.world.schools.count == 2)
        #expect(third.problems.isEmpty)
    }

    @Test func a_damaged_middle_line_is_reported_with_its_line_and_the_file_is_left_alone() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        for i in 1...3 { try store.commit([.put(.school(School(id: "sch-\(i)", name: "School \(i)")))]) }
        let journal = store.journalFile
        var lines = try String(contentsOf: journal, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = "{\"id\": this is not json"
        let damaged = lines.joined(separator: "\n")
        try damaged.write(to: journal, atomically: false, encoding: .utf8)

        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools.count == 2)
        let check = try StoreCheck.run(reopened)
        #expect(check.isDamaged)
        #expect(check.report.contains("\(journal.lastPathComponent) line 2 is damaged"))
        #expect(try String(contentsOf: journal, encoding: .utf8) == damaged)
        try reopened.commit([.put(.school(School(id: "sch-4", name: "Four")))])
        #expect(try String(contentsOf: journal, encoding: .utf8).hasPrefix(damaged))
    }

    @Test func a_second_session_sees_the_first_sessions_changes_on_refresh() throws {
        let tmp = TemporaryDirectory()
        let first = try Store(directory: tmp.store, identity: ana)
        let second = try Store(directory: tmp.store, identity: ben)
        #expect(try second.refresh() == false)
        try first.commit([.put(.cluster(Cluster(id: "clu-1", name: "Kāhui Ako")))])
        #expect(try second.refresh() == true)
        #expect(second.world.clusters["clu-1"]?.name == "Kāhui Ako")
        // Its own commit is not folded twice when it reads its own file back.
        try second.commit([.put(.school(School(id: "sch-1", name: "Łódź")))])
        let count = second.eventCount
        _ = try second.refresh()
        #expect(second.eventCount == count)
        #expect(try first.refresh() == true)
        #expect(first.world.schools["sch-1"] != nil)
    }

    @Test func journals_from_several_hosts_merge_by_time() throws {
        let tmp = TemporaryDirectory()
        let a = try Store(directory: tmp.store, identity: ana)
        let b = try Store(directory: tmp.store, identity: ben)
        let school = School(id: "sch-1", name: "Old name")
        try a.commit([.put(.school(school))], at: Date(timeIntervalSince1970: 1_000))
        var renamed = school
        renamed.name = "New name"
        try b.commit([.put(.school(renamed))], at: Date(timeIntervalSince1970: 2_000))
        let merged = try Store(directory: tmp.store, identity: ana)
        #expect(merged.world.schools["sch-1"]?.name == "New name")
    }

    @Test func a_store_path_that_is_a_file_is_refused_with_a_message() throws {
        let tmp = TemporaryDirectory()
        try Data("x".utf8).write(to: tmp.store)
        #expect(throws: StoreError.self) { try Store(directory: tmp.store, identity: ana) }
    }

    @Test func store_location_follows_flag_then_environment() {
        #expect(StoreLocation.resolve(flag: "/x", environment: ["CAIRN_STORE": "/y"]).path == "/x")
        #expect(StoreLocation.resolve(flag: nil, environment: ["CAIRN_STORE": "/y"]).path == "/y")
        #expect(StoreLocation.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/d"]).path == "/d/cairn")
        #expect(StoreLocation.resolve(flag: nil, environment: ["HOME": "/h"]).path == "/h/.local/share/cairn")
    }
}

@Suite struct LargeJournalTests {
    @Test func a_journal_read_in_two_halves_reports_the_true_line_of_a_damaged_line() throws {
        let tmp = TemporaryDirectory()
        // One journal file, not sealed into segments: the read takes it in halves.
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "big"), sealAfter: .max)
        for batch in 0..<12 {
            let changes = (0..<500).map { i in
                Change.put(
                    .school(
                        School(
                            id: "sch-\(batch)-\(i)", name: "Escola Básica de São João \(batch)-\(i)",
                            notes: String(repeating: "x", count: 150))))
            }
            try store.commit(changes)
        }
        let journal = store.journalFile
        var lines = try String(contentsOf: journal, encoding: .utf8).components(separatedBy: "\n")
        #expect(try Data(contentsOf: journal).count > 1 << 20)  // large enough to be read in halves
        lines[4999] = "{damaged"
        try lines.joined(separator: "\n").write(to: journal, atomically: false, encoding: .utf8)
        let reopened = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "big"))
        // The damaged line's commit (lines 4501-5000) is folded not at all; the others whole.
        #expect(reopened.world.schools.count == 5500)
        #expect(reopened.problems.map(\.line).sorted() == [4501, 5000])
        #expect(reopened.problems.contains { $0.line == 4501 && $0.detail.contains("cut short") })
        #expect(reopened.world.schools["sch-11-499"] != nil)
        #expect(reopened.world.schools["sch-9-0"] == nil)
    }
}

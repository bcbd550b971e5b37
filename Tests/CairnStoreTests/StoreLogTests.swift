import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// The trail as `cairn log` reads it from the journals, including lines older versions wrote.
@Suite struct StoreLogTests {
    @Test func a_whole_record_replace_written_before_field_edits_reads_as_the_fields_it_changed() throws {
        let tmp = TemporaryDirectory()
        try FileManager.default.createDirectory(at: tmp.store.appendingPathComponent("journal"), withIntermediateDirectories: true)
        let record =
            #""contactPerson":"","email":"","id":"sch-1","municipality":"Óbidos","name":"Escola Básica de São João","notes":"","phases":[],"phone":"#
        let lines = [
            #"{"at":"2026-11-01T10:00:00.000Z","by":"ana","host":"server","id":"ev-1","op":"put","record":{"# + record
                + #"""},"recordId":"sch-1","type":"school"}"#,
            #"{"at":"2026-11-02T10:00:00.000Z","base":"ev-1","by":"ben","host":"laptop","id":"ev-2","op":"put","record":{"#
                + record.replacingOccurrences(of: "Óbidos", with: "Caldas da Rainha")
                + #""219 999 999"},"recordId":"sch-1","type":"school"}"#,
            #"{"at":"2026-11-03T10:00:00.000Z","by":"ben","host":"laptop","id":"ev-3","op":"delete","recordId":"sch-1","type":"school"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(
            to: tmp.store.appendingPathComponent("journal/server.jsonl"), atomically: true, encoding: .utf8)
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "elsewhere"))
        #expect(store.problems.isEmpty, "\(store.problems)")
        let log = try store.log(record: "sch-1").entries
        #expect(log.map(\.op) == [.delete, .edit, .create])
        #expect(log[1].fields.map(\.name) == ["municipality", "phone"])
        #expect(log[1].fields[0].old == .string("Óbidos") && log[1].fields[0].new == .string("Caldas da Rainha"))
        #expect(log[1].by == "ben" && log[1].host == "laptop" && log[1].source == "typed")
        // A delete from before `seen` existed says what the record held, from the trail itself.
        #expect(log[0].fields.first { $0.name == "phone" }?.old == .string("219 999 999"))
        #expect(try store.log(since: "2026-11-02").entries.map(\.event) == ["ev-3", "ev-2"])
        #expect(try store.log(by: "ana").entries.map(\.event) == ["ev-1"])
        let latest = try store.log(limit: 2)
        #expect(latest.entries.map(\.event) == ["ev-3", "ev-2"] && latest.matching == 3)
        #expect(latest.entries[1].fields.map(\.name) == ["municipality", "phone"], "a limited log works out the same fields")
    }
}

/// What others changed since this person last opened the store, counted from each journal's end.
@Suite struct LastOpenedTests {
    @Test func the_first_opening_says_nothing_and_the_next_counts_what_others_wrote_since_in_every_journal() throws {
        let tmp = TemporaryDirectory()
        let ana = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        try ana.commit([.put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos")))])
        #expect(ana.markOpened(now: Date(timeIntervalSinceNow: -60)) == nil, "nothing to compare with the first time")
        let ben = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        // Big enough that the journal is read back over more than one chunk.
        for i in 0..<2000 { try ben.commit([.put(.school(School(id: "sch-\(i)", name: "Szkoła nr \(i) w Łodzi")))]) }
        try ana.commit([.put(.school(School(id: "sch-ana", name: "Escola de São João")))])
        let again = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        let since = try #require(again.markOpened())
        #expect(since.changes == 2000, "ben's, not ana's own")
        #expect(again.changesSince("2000-01-01T00:00:00.000Z", notBy: "nobody") == 2002)
        let third = try #require(again.markOpened())
        #expect(third.changes == 0 && third.at > since.at)
    }
}

@Suite struct LogSinceTests {
    @Test func changes_since_a_time_read_from_the_journals_ends_are_those_a_whole_read_finds() throws {
        let tmp = TemporaryDirectory()
        let ana = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        let ben = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        for i in 0..<300 {
            let writer = i % 3 == 0 ? ben : ana
            try writer.commit([.put(.school(School(id: "sch-\(i)", name: "Escola n.º \(i)", municipality: "Óbidos")))])
        }
        let all = try ana.log().entries
        let since = all[120].at  // newest first: the 121st newest
        let whole = all.filter { $0.at >= since }
        let tail = try ana.log(since: since).entries
        #expect(tail.map(\.event) == whole.map(\.event))
        #expect(tail.map(\.by).contains("ben") && tail.map(\.by).contains("ana"))
        #expect(try ana.log(since: since, notBy: "ana").entries.allSatisfy { $0.by == "ben" })
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A journal's index (`local/index/`) finds one record's lines, and counts what others wrote,
/// without reading the journal; what it says must equal the whole read, whatever part of the
/// journal it covers, and an index that no longer fits, is damaged or forged is never believed.
@Suite struct JournalIndexTests {
    /// Three copies' journals written by hand (damaged and torn lines among them), each indexed
    /// up to a random line, then written on past it.
    struct Journals {
        let tmp = TemporaryDirectory()
        var writers: [LogJournalWriter]
        let copies = ["laptop-aaaa1111", "office-bbbb2222", "server-cccc3333"]

        init(_ random: inout SplitMix64, events: Int = 1200) throws {
            writers = copies.map { LogJournalWriter(host: $0, random: random.next()) }
            var now: Int64 = 10
            for _ in 0..<events {
                now += Int64(random.next() % 3)
                let k = Int(random.next() % 3)
                writers[k].write(at: now + Int64(k) - 1, random: &random)
            }
            try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: true)
            try write()
        }

        var journal: URL { tmp.store.appendingPathComponent("journal") }

        func url(_ k: Int) -> URL { journal.appendingPathComponent(copies[k] + ".jsonl") }

        func write() throws {
            for k in copies.indices { try Data(writers[k].text.utf8).write(to: url(k)) }
        }

        /// Each journal indexed up to the end of a random line (the last one included).
        func index(_ random: inout SplitMix64) throws -> [Int] {
            var covered: [Int] = []
            for k in copies.indices {
                let bytes = Array(writers[k].text.utf8)
                let ends = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
                let end = ends[Int(random.next() % UInt64(ends.count))]
                let line = 1 + ends.firstIndex(of: end)! + 1
                JournalIndex.update(url(k), to: end, line: line, store: tmp.store, access: .personal)
                let file = try #require(JournalIndexFile.open(url(k), store: tmp.store), "the index of \(copies[k]) is written and fits")
                #expect(file.index.mark.offset == end)
                covered.append(end)
            }
            return covered
        }

        func store() throws -> Store { try Store(directory: tmp.store, identity: Identity(user: "ana", host: "elsewhere")) }
    }

    @Test func one_record_s_history_read_through_the_indexes_equals_the_whole_read() throws {
        var (_, random) = replayableRandom("one_record_s_history_read_through_the_indexes_equals_the_whole_read")
        var journals = try Journals(&random)
        _ = try journals.index(&random)
        // Written on past the indexes, a line torn at the end: the tail is read as before.
        var now: Int64 = 100_000
        for _ in 0..<200 {
            now += 1
            journals.writers[Int(random.next() % 3)].write(at: now, random: &random)
        }
        journals.writers[2].tearTheLastLine()
        try journals.write()
        let store = try journals.store()
        var used = 0
        for url in try store.journalFiles() {
            var surveyed = LogJournal(url, scope: .record("sch-3"))
            surveyed.takeIndex(store: journals.tmp.store)
            if surveyed.indexed != nil { used += 1 }
        }
        #expect(used == 3, "every journal's index is taken")
        for record in (0..<12).map({ "sch-\($0)" }) + ["sch-1", "sch-404"] {
            let whole = try store.logHeld(record: record)
            for readBytes in [300, LogJournal.sliceBytes] {
                var read: [HistoryEntry] = []
                let counted = try store.log(record: record, since: nil, by: nil, notBy: nil, limit: nil, readBytes: readBytes) {
                    read.append($0)
                }
                #expect(read == whole.entries, "\(record), \(readBytes) bytes a chunk")
                #expect(counted.matching == whole.matching, "\(record)")
            }
        }
        #expect(try store.logHeld(record: "sch-3").entries.count > 20, "the journals hold what the test means them to")
    }

    @Test func an_index_that_no_longer_fits_or_is_damaged_is_not_believed() throws {
        var (_, random) = replayableRandom("an_index_that_no_longer_fits_or_is_damaged_is_not_believed")
        let journals = try Journals(&random, events: 600)
        _ = try journals.index(&random)
        let store = try journals.store()
        let wholeOf = { (record: String) in try store.logHeld(record: record).entries }
        func logged(_ record: String) throws -> [HistoryEntry] { try store.log(record: record).entries }
        let index0 = JournalIndex.file(of: journals.url(0), store: journals.tmp.store)

        // Its journal replaced by a copy of itself (another file, as a restored backup leaves
        // it): the same bytes, known by the chain's link at the place, so the index is used.
        // Indexed to its end first, so that its middle lies past both fingerprints.
        JournalIndex.update(
            journals.url(0), to: Array(journals.writers[0].text.utf8).count, line: 1, store: journals.tmp.store, access: .personal)
        // (The original is kept aside, so that no file made here is given its inode again.)
        let original = journals.tmp.url.appendingPathComponent("original.jsonl")
        try FileManager.default.moveItem(at: journals.url(0), to: original)
        try FileManager.default.copyItem(at: original, to: journals.url(0))
        let covered = try #require(JournalIndexFile.open(journals.url(0), store: journals.tmp.store), "the same bytes in another file")
        #expect(try logged("sch-3") == wholeOf("sch-3"))
        // Another file whose start and whose bytes before the place are alike, one line between
        // changed: the chain there is not the index's, so it is not used.
        var bytes = try Data(contentsOf: journals.url(0))
        let middle = covered.index.mark.offset / 2
        let digit = try #require(bytes[middle...].firstIndex { (0x30...0x38).contains($0) })
        try #require(digit > StoreSnapshot.fingerprintBytes && digit < covered.index.mark.offset - StoreSnapshot.fingerprintBytes)
        bytes[digit] += 1
        try FileManager.default.removeItem(at: journals.url(0))
        try bytes.write(to: journals.url(0))
        #expect(JournalIndexFile.open(journals.url(0), store: journals.tmp.store) == nil, "other bytes: the index is not used")
        #expect(try logged("sch-3") == wholeOf("sch-3"))

        // Written anew, then damaged: one byte in an entry, then in the head.
        JournalIndex.update(
            journals.url(0), to: try journals.url(0).resourceValues(forKeys: [.fileSizeKey]).fileSize!, line: 1, store: journals.tmp.store,
            access: .personal)
        let sound = try Data(contentsOf: index0)
        var damaged = sound
        damaged[damaged.count - 3] ^= 0x40
        try damaged.write(to: index0)
        let opened = try #require(JournalIndexFile.open(journals.url(0), store: journals.tmp.store))
        #expect(opened.entries() == nil, "a damaged run is found")
        for record in (0..<12).map({ "sch-\($0)" }) { #expect(try logged(record) == wholeOf(record), "\(record)") }
        damaged = sound
        damaged[JournalIndex.magic.count + 4] ^= 0x01
        try damaged.write(to: index0)
        #expect(JournalIndexFile.open(journals.url(0), store: journals.tmp.store) == nil, "a damaged head is found")
        try sound.prefix(sound.count - 16).write(to: index0)
        #expect(JournalIndexFile.open(journals.url(0), store: journals.tmp.store) == nil, "an index cut short is found")

        // Forged: entries that point anywhere give no line that is not the record's.
        let mark = try #require(JournalIndexFile.open(journals.url(1), store: journals.tmp.store)).index.mark
        var forged: [JournalIndex.Entry] = []
        for offset in stride(from: 0, to: mark.offset - 40, by: 7) {
            forged.append(JournalIndex.Entry(hash: SnapshotKeys.hash("sch-5"), offset: UInt32(offset), length: 33))
        }
        try Data(JournalIndex(mark: mark).encoded(forged)).write(to: JournalIndex.file(of: journals.url(1), store: journals.tmp.store))
        // (What a record held before a change, and so whether a put made or changed it, may then
        // differ: its earlier lines were left out.)
        let said = { (e: HistoryEntry) in "\(e.at) \(e.by) \(e.host) \(e.record)" }
        let whole = Set(try wholeOf("sch-5").map(said))
        let read = try logged("sch-5").map(said)
        #expect(!read.isEmpty && read.allSatisfy { whole.contains($0) }, "nothing made up")

        // Forged heads: a place before the start, one inside a line, counts no journal of that
        // length holds; and every entry one line's, a thousand times over.
        let index1 = JournalIndex.file(of: journals.url(1), store: journals.tmp.store)
        var before = mark
        before.offset = -5
        try Data(JournalIndex(mark: before).encoded([])).write(to: index1)
        #expect(JournalIndexFile.open(journals.url(1), store: journals.tmp.store) == nil, "a place before the start")
        #expect(store.changesSince("2026-01-01T00:00:00.000Z", notBy: "ana") >= 0)
        var inside = mark
        inside.offset -= 3
        let insideFD = try #require(InsideStore.openForReading(journals.url(1)))
        inside = try #require(StoreSnapshot.fingerprint(insideFD, file: mark.file, offset: inside.offset, line: mark.line))
        close(insideFD)
        try Data(JournalIndex(mark: inside).encoded([])).write(to: index1)
        #expect(JournalIndexFile.open(journals.url(1), store: journals.tmp.store) == nil, "a place inside a line")
        var boastful = JournalIndex(mark: mark)
        boastful.stamped = mark.offset
        try Data(boastful.encoded([])).write(to: index1)
        #expect(JournalIndexFile.open(journals.url(1), store: journals.tmp.store) == nil, "more lines than the bytes hold")
        let text = Array(journals.writers[1].text.utf8)
        let lineStarts = [0] + text.indices.filter { text[$0] == 0x0A && $0 + 1 < mark.offset }.map { $0 + 1 }
        let school3 = try #require(
            lineStarts.first { start in
                let line = text[start...].prefix { $0 != 0x0A }
                return String(decoding: line, as: UTF8.self).contains(#""recordId":"sch-3","type""#)
            })
        let length = text[school3...].prefix { $0 != 0x0A }.count
        let again = Array(
            repeating: JournalIndex.Entry(hash: SnapshotKeys.hash("sch-3"), offset: UInt32(school3), length: UInt32(length)), count: 1000)
        try Data(JournalIndex(mark: mark).encoded(again)).write(to: index1)
        let told = Dictionary(try logged("sch-3").map { (said($0), 1) }, uniquingKeysWith: +)
        let held = Dictionary(try wholeOf("sch-3").map { (said($0), 1) }, uniquingKeysWith: +)
        #expect(told.allSatisfy { $0.value <= held[$0.key] ?? 0 }, "each line read once, however often the index names it")

        // A link in an index's place is neither read nor written through.
        let outside = journals.tmp.url.appendingPathComponent("outside")
        try sound.write(to: outside)
        try FileManager.default.removeItem(at: index0)
        try FileManager.default.createSymbolicLink(at: index0, withDestinationURL: outside)
        #expect(JournalIndexFile.open(journals.url(0), store: journals.tmp.store) == nil)
        JournalIndex.update(journals.url(0), to: mark.offset, line: 1, store: journals.tmp.store, access: .personal)
        #expect(try Data(contentsOf: outside) == sound, "the file the link points at is left as it was")
    }

    @Test func changes_by_others_since_you_last_looked_counted_from_the_indexes_equal_the_whole_count() throws {
        var (_, random) = replayableRandom("changes_by_others_since_you_last_looked_counted_from_the_indexes_equal_the_whole_count")
        var journals = try Journals(&random, events: 900)
        let stamps = journals.writers.flatMap(\.stamps).sorted()
        let store = try journals.store()
        let moments = [
            "2026-10-01T00:00:00.000Z", stamps[0], stamps[stamps.count / 3], stamps[stamps.count / 2], stamps.last!,
            "2026-12-31T00:00:00.000Z",
        ]
        let people = ["ana", "ben", "cyd", "nobody"]
        var whole: [[Int]] = []
        for since in moments { whole.append(people.map { store.changesSince(since, notBy: $0) }) }
        _ = try journals.index(&random)
        for (m, since) in moments.enumerated() {
            for (p, user) in people.enumerated() {
                #expect(store.changesSince(since, notBy: user) == whole[m][p], "since \(since), not by \(user)")
            }
        }
        // Every journal indexed whole, then written on: the tail is read, the rest counted.
        for k in journals.copies.indices {
            let size = Array(journals.writers[k].text.utf8).count
            JournalIndex.update(journals.url(k), to: size, line: 1, store: journals.tmp.store, access: .personal)
        }
        var now: Int64 = 100_000
        for _ in 0..<90 {
            now += 1
            journals.writers[Int(random.next() % 3)].write(at: now, random: &random)
        }
        try journals.write()
        let early = try #require(JournalIndexFile.open(journals.url(0), store: journals.tmp.store))
        #expect(early.index.countedSince(moments[0], notBy: "ana") != nil, "a journal wholly later is counted from its index")
        let fresh = try journals.store()
        for since in moments {
            for user in people {
                let counted = fresh.changesSince(since, notBy: user)
                try FileManager.default.moveItem(
                    at: JournalIndex.folder(journals.tmp.store), to: journals.tmp.url.appendingPathComponent("aside"))
                let read = fresh.changesSince(since, notBy: user)
                try FileManager.default.moveItem(
                    at: journals.tmp.url.appendingPathComponent("aside"), to: JournalIndex.folder(journals.tmp.store))
                #expect(counted == read, "since \(since), not by \(user)")
            }
        }
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// `cairn log` reads the journals back from their ends and merges them as it prints; the old
/// way (every event read, held and sorted: `logHeld`) is the reference it must equal, change
/// for change, in every form of the command.
@Suite struct LogMergeTests {
    @Test func three_copies_with_interleaved_clocks_log_the_same_changes_in_the_same_order_as_the_whole_read() throws {
        var (_, random) = replayableRandom("three_copies_with_interleaved_clocks_log_the_same_changes_in_the_same_order_as_the_whole_read")
        let tmp = TemporaryDirectory()
        let journal = tmp.store.appendingPathComponent("journal")
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: true)
        let copies = ["laptop-aaaa1111", "office-bbbb2222", "server-cccc3333"]
        var writers = copies.map { LogJournalWriter(host: $0, random: random.next()) }
        // One shared millisecond counter, each copy stamping a little behind or ahead of it:
        // the files interleave, tie on the same millisecond, and run the clock's counter.
        var now: Int64 = 10
        for _ in 0..<1500 {
            now += Int64(random.next() % 3)
            let k = Int(random.next() % 3)
            writers[k].write(at: now + Int64(k) - 1, random: &random)
        }
        writers[1].tearTheLastLine()
        for (name, writer) in zip(copies, writers) {
            try Data(writer.text.utf8).write(to: journal.appendingPathComponent(name + ".jsonl"))
        }
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "elsewhere"))
        for url in try store.journalFiles() {
            var surveyed = LogJournal(url, scope: .all)
            try surveyed.survey { _ in }
            #expect(surveyed.inOrder, "each copy's journal is merged as it is read, not sorted whole")
        }
        let days = writers.flatMap(\.stamps).sorted()
        let middle = days[days.count / 2]
        let forms: [(String?, String?, String?, String?, Int?)] = [
            (nil, nil, nil, nil, nil), (nil, nil, nil, nil, 50), (nil, nil, nil, nil, 7), (nil, middle, nil, nil, nil),
            (nil, String(middle.prefix(16)), nil, nil, nil), (nil, nil, "ben", nil, nil), (nil, middle, nil, "ana", nil),
            ("sch-3", nil, nil, nil, nil), ("sch-5", middle, nil, nil, nil), ("sch-7", nil, "cyd", nil, nil),
        ]
        for (record, since, by, notBy, limit) in forms {
            let whole = try store.logHeld(record: record, since: since, by: by, notBy: notBy, limit: limit)
            for readBytes in [300, 4096, LogJournal.sliceBytes] {
                var merged: [HistoryEntry] = []
                let counted = try store.log(
                    record: record, since: since, by: by, notBy: notBy, limit: limit, readBytes: readBytes
                ) { merged.append($0) }
                let form =
                    "record \(record ?? "-") since \(since ?? "-") by \(by ?? "-") notBy \(notBy ?? "-") limit \(limit ?? -1), \(readBytes) bytes"
                #expect(merged.count == whole.entries.count, "\(form)")
                #expect(merged == whole.entries, "\(form)")
                #expect(counted.matching == whole.matching && counted.shown == merged.count, "\(form)")
            }
        }
        #expect(try store.logHeld().entries.count > 1000, "the journals hold what the test means them to")
        #expect(try store.logHeld(record: "sch-3").entries.contains { $0.op == .delete }, "a record followed through a delete")
    }

    @Test func a_journal_whose_own_events_are_out_of_order_is_logged_as_the_whole_read_sorts_it() throws {
        let tmp = TemporaryDirectory()
        let journal = tmp.store.appendingPathComponent("journal")
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: true)
        var a = LogJournalWriter(host: "laptop-aaaa1111", random: 1)
        var b = LogJournalWriter(host: "server-cccc3333", random: 2)
        var random = SplitMix64(state: 3)
        for t in [5, 9, 2, 14, 3] { a.write(at: Int64(t * 10), random: &random) }
        for t in [1, 4, 8, 12] { b.write(at: Int64(t * 10), random: &random) }
        try Data(a.text.utf8).write(to: journal.appendingPathComponent("laptop-aaaa1111.jsonl"))
        try Data(b.text.utf8).write(to: journal.appendingPathComponent("server-cccc3333.jsonl"))
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "elsewhere"))
        var merged: [HistoryEntry] = []
        let counted = try store.log(record: nil, since: nil, by: nil, notBy: nil, limit: nil, readBytes: 200) { merged.append($0) }
        let whole = try store.logHeld()
        #expect(merged == whole.entries && counted.matching == whole.matching)
        #expect(merged.map(\.at) == merged.map(\.at).sorted(by: >), "newest first though the file is not")
    }
}

/// A copy's journal written by hand, in the lines Cairn writes (and older versions wrote):
/// creates, field edits, whole-record replaces with a `base`, deletes with and without `seen`,
/// commits of several lines (one cut short), and damaged lines.
struct LogJournalWriter {
    let host: String
    var text = ""
    var stamps: [String] = []
    private var lastAt: Int64 = -1
    private var clock = 0
    private var serial = 0
    private var random: SplitMix64
    private static let people = ["ana", "ben", "cyd"]

    init(host: String, random seed: UInt64) {
        self.host = host
        random = SplitMix64(state: seed)
    }

    /// One line, or a commit of a few, stamped `at` milliseconds after the epoch of the test
    /// (never before this copy's last: a copy's own journal stands in the clock's order).
    mutating func write(at: Int64, random shared: inout SplitMix64) {
        let ms = max(at, lastAt)
        clock = ms == lastAt ? clock + 1 : 0
        lastAt = ms
        let stamp = Self.stamp(ms)
        let by = Self.people[Int(random.next() % 3)]
        let school = "sch-\(shared.next() % 12)"
        serial += 1
        let id = "ev-\(host.prefix(1))\(serial)"
        let head = #"{"at":"\#(stamp)","by":"\#(by)""# + (clock > 0 ? #","clock":\#(clock)"# : "")
        let tail = #""host":"\#(host)","id":"\#(id)""#
        stamps.append(stamp)
        let target = "\"recordId\":\"" + school + "\",\"type\":\"school\"}\n"
        switch random.next() % 10 {
        case 0:
            let record = Self.record(school, note: "n" + String(serial))
            text += head + "," + tail + ",\"op\":\"put\",\"record\":" + record + "," + target
        case 1:
            let record = Self.record(school, note: "r" + String(serial))
            text += head + ",\"base\":\"ev-x\"," + tail + ",\"op\":\"put\",\"record\":" + record + "," + target
        case 2:
            text += head + "," + tail + ",\"op\":\"delete\"," + target
        case 3:
            let seen = "\"seen\":{\"name\":\"Escola " + school + "\"},"
            text += head + "," + tail + ",\"op\":\"delete\"," + seen + target
        case 4:
            text += "{\"at\":\"" + stamp + "\",\"by\":\"" + by + "\" this line is damaged\n"
        case 5:
            // A commit of three, the second line of one in three lost: damage, never folded.
            let commit = ",\"commit\":\"cm-" + String(host.prefix(1)) + String(serial) + "\","
            let lose = random.next() % 3 == 0
            for part in 1...3 where !(lose && part == 2) {
                let own = tail.replacingOccurrences(of: id, with: id + "-" + String(part))
                let fields = ",\"fields\":{\"notes\":{\"new\":\"c" + String(part) + "\",\"old\":\"b\"}},"
                let mark = ",\"of\":3,\"op\":\"edit\",\"part\":" + String(part)
                text += head + commit + own + mark + fields + "\"recordId\":\"sch-" + String(part) + "\",\"type\":\"school\"}\n"
            }
        default:
            let name = "{\"new\":\"Escola Nº " + String(serial) + "\",\"old\":\"Escola " + school + "\"}"
            let notes = "{\"new\":\"e" + String(serial) + "\",\"old\":\"\"}"
            text += head + ",\"fields\":{\"name\":" + name + ",\"notes\":" + notes + "}," + tail + ",\"op\":\"edit\"," + target
        }
    }

    /// A last line cut off mid-write.
    mutating func tearTheLastLine() {
        text += #"{"at":"2026-11-30T00:00:00.000Z","by":"ana","ho"#
    }

    static func record(_ id: String, note: String) -> String {
        #"{"contactPerson":"","email":"","id":"\#(id)","municipality":"Óbidos","name":"Escola \#(id)","notes":"\#(note)","phases":[],"phone":""}"#
    }

    /// `2026-11-01T10:00:00.000Z` plus `ms` milliseconds.
    static func stamp(_ ms: Int64) -> String {
        let seconds = Int(10 * 3600 + ms / 1000)
        return String(format: "2026-11-01T%02d:%02d:%02d.%03dZ", seconds / 3600, seconds / 60 % 60, seconds % 60, Int(ms % 1000))
    }
}

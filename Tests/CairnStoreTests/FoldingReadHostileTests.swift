import CairnCore
import CairnWords
import Foundation
import Testing

@testable import CairnStore

/// Hostile stores read in slices: random stores of many copies, segments, ties, commits,
/// damage and torn lines, read in slices of every size, come to exactly what the whole read
/// comes to, and walk exactly the chains a walk of each whole file walks.
@Suite struct FoldingReadHostileTests {
    static let identity = Identity(user: "ana", host: "regional-server")

    static func line(_ e: Event) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(e))
    }

    static func said(_ p: JournalProblem) -> String { "\(p.kind) \(p.file):\(p.line) \(p.detail)" }

    /// The folding read (slices of `bytes`) beside the whole read of the same files.
    @discardableResult
    static func compare(_ url: URL, slices bytes: Int, _ note: String) throws -> Bool {
        let sliced = try Store(directory: url, identity: identity, snapshotAfter: .max, readSliceBytes: bytes)
        let folded = try sliced.reloadFolding(sliceBytes: bytes)
        let whole = try Store(directory: url, identity: identity, snapshotAfter: .max)
        try whole.reloadWhole()
        #expect(sliced.world == whole.world, "\(note)")
        #expect(sliced.eventCount == whole.eventCount, "\(note)")
        #expect(sliced.problems.map(said) == whole.problems.map(said), "\(note)")
        #expect(sliced.positions.mapValues { [$0.offset, $0.line] } == whole.positions.mapValues { [$0.offset, $0.line] }, "\(note)")
        #expect(sliced.lastApplied == whole.lastApplied, "\(note)")
        guard folded else { return false }
        let walked = try #require(sliced.chainsWalked, "\(note)")
        for file in try whole.journalFiles() {
            let all = try #require(ChainWalk.walk(file))
            let part = try #require(walked[file.lastPathComponent], "\(note): \(file.lastPathComponent)")
            #expect(
                part.link == all.link && part.lines == all.lines && part.firstBreak == all.firstBreak, "\(note): \(file.lastPathComponent)")
        }
        return true
    }

    @Test func random_stores_fold_as_the_whole_read_does_and_walk_the_whole_chains() throws {
        var (seed, random) = replayableRandom("random_stores_fold_as_the_whole_read_does_and_walk_the_whole_chains")
        // Names that sort between one another's segments, a segment past 999999, a first
        // segment named as a second.
        let copyNames = ["a", "a.s", "a.b", "a-b", "b", "a.seg000001", "a.seg1000000", "a.sef"]
        var foldedReads = 0
        for round in 0..<60 {
            let tmp = TemporaryDirectory()
            _ = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max)
            let folder = tmp.store.appendingPathComponent("journal")
            var made = 0
            let backInTime = random.next() % 4 == 0
            var ids: [String] = []
            for copy in copyNames.shuffled(using: &random).prefix(Int(1 + random.next() % 5)) {
                let segments = Int(1 + random.next() % 3)
                var second = Int(random.next() % 3)
                var clock = 0
                for s in 1...segments {
                    let name = JournalSegment(copy: copy, number: s == 1 ? 1 : s + Int(random.next() % 2)).fileName
                    let chained = random.next() % 2 == 0
                    var link = JournalChain.seed(journal: name)
                    var bytes: [UInt8] = []
                    func put(_ raw: [UInt8]) {
                        if chained {
                            let c = JournalChain.chained(raw, after: link)
                            link = c.link
                            bytes += c.line + [0x0A]
                        } else {
                            bytes += raw + [0x0A]
                        }
                    }
                    func event(_ k: Int, commit: CommitMark? = nil) -> Event {
                        made += 1
                        let id: String
                        let change: Change
                        if !ids.isEmpty, random.next() % 4 == 0 {
                            id = ids.randomElement(using: &random)!
                            change =
                                random.next() % 3 == 0
                                ? .delete(.school, id: id) : .put(.school(School(id: id, name: "Escola \(made) — São João")))
                        } else {
                            id = "sch-\(made)"
                            ids.append(id)
                            change = .put(.school(School(id: id, name: random.next() % 9 == 0 ? "" : "Escola \(made) Łódź")))
                        }
                        _ = k
                        let at = String(format: "2026-12-01T10:%02d:%02d.000Z", second / 60, second % 60)
                        return Event(
                            id: "ev-\(round)-\(made)", at: at, clock: clock, by: "ana", host: copy, change: change,
                            commit: commit)
                    }
                    for k in 0..<Int(random.next() % 14) {
                        // Mostly forward in time, often tied (within and across copies), rarely back.
                        let step = random.next() % 10
                        if step < 4 {
                            (second, clock) = (second + 1, 0)
                        } else if step == 9, backInTime {
                            second = max(0, second - 2)
                        } else if step == 8 {
                            clock += 1
                        }
                        switch random.next() % 12 {
                        case 0: put(Array(#"{"not": an event}"#.utf8))
                        case 1:
                            var e = event(k)
                            e.at = "yesterday"
                            put(try Self.line(e))
                        case 2, 3:
                            // A commit of several changes; sometimes cut short.
                            let of = Int(2 + random.next() % 4)
                            let written = random.next() % 4 == 0 ? Int(1 + random.next() % UInt64(of - 1)) : of
                            let commit = "co-\(round)-\(made)"
                            for part in 1...written { put(try Self.line(event(k, commit: CommitMark(id: commit, part: part, of: of)))) }
                        default: put(try Self.line(event(k)))
                        }
                    }
                    // Sometimes a line changed after it was chained, sometimes a torn last line.
                    if random.next() % 4 == 0, let at = bytes.firstIndex(of: UInt8(ascii: "E")) { bytes[at] = UInt8(ascii: "e") }
                    if random.next() % 4 == 0 { bytes += Array(#"{"at":"2026-12-01T1"#.utf8) }
                    try Data(bytes).write(to: folder.appendingPathComponent(name))
                }
            }
            for bytes in [40, 150, 400, 1_000, 1 << 20] {
                if try Self.compare(tmp.store, slices: bytes, "seed \(seed) round \(round) slices \(bytes)") { foldedReads += 1 }
            }
        }
        print("folded reads: \(foldedReads) of \(60 * 5)")
        #expect(foldedReads > 60)
    }

    /// A foreign journal (not this copy's) names one event id, or one commit, twice: one line a
    /// good school, the other a school that breaks a form rule. The whole read refuses both
    /// lines; read in slices, whichever comes first, both are refused too (the later through
    /// what the earlier slice refused, the earlier by giving way to the whole read).
    @Test(arguments: [false, true], [false, true])
    func an_id_or_commit_named_twice_in_a_foreign_journal_is_refused_whole_in_slices(badFirst: Bool, byCommit: Bool) throws {
        let tmp = TemporaryDirectory()
        _ = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max)
        var text = ""
        func add(_ e: Event) throws { text += String(decoding: try Self.line(e), as: UTF8.self) + "\n" }
        func twice(_ n: Int, at second: Int) -> Event {
            let school = School(id: "sch-tw\(n)", name: (n == 0) == badFirst ? "" : "Escola de São João")
            return Event(
                id: byCommit ? "ev-tw\(n)" : "ev-twice", at: String(format: "2026-12-01T10:00:%02d.000Z", second), by: "ben",
                host: "laptop", change: .put(.school(school)), commit: byCommit ? CommitMark(id: "co-twice", part: 1, of: 1) : nil)
        }
        try add(twice(0, at: 0))
        for i in 2..<20 {
            try add(
                Event(
                    id: "ev-\(i)", at: String(format: "2026-12-01T10:00:%02d.000Z", i), by: "ben", host: "laptop",
                    change: .put(.school(School(id: "sch-\(i)", name: "Escola \(i)")))))
        }
        try add(twice(1, at: 30))
        try Data(text.utf8).write(to: tmp.store.appendingPathComponent("journal/laptop.jsonl"))
        let whole = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max)
        try whole.reloadWhole()
        #expect(whole.world.schools["sch-tw0"] == nil && whole.world.schools["sch-tw1"] == nil)
        for bytes in [300, 1 << 20] {
            let sliced = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max, readSliceBytes: bytes)
            #expect(sliced.world == whole.world, "slices of \(bytes)")
            #expect(sliced.problems.map(Self.said) == whole.problems.map(Self.said), "slices of \(bytes)")
            // The bad line in a later slice than the good one gave: only the whole read leaves both out.
            #expect(try sliced.reloadFolding(sliceBytes: bytes) == (bytes > 300 || badFirst), "slices of \(bytes)")
            #expect(sliced.world == whole.world, "slices of \(bytes)")
        }
    }

    /// A damaged line's words are the language the read is made in: the whole read says them
    /// on the calling thread, the folding read on a Dispatch thread, which a task's language
    /// (`Words.speaking`) does not reach.
    @Test func a_damaged_lines_words_are_said_in_the_language_the_read_is_made_in() throws {
        let tmp = TemporaryDirectory()
        _ = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max)
        let good = try Self.line(
            Event(
                id: "ev-1", at: "2026-12-01T10:00:00.000Z", by: "ben", host: "laptop",
                change: .put(.school(School(id: "sch-1", name: "Escola")))))
        try Data(good + [0x0A] + Array("{not json\n".utf8)).write(to: tmp.store.appendingPathComponent("journal/laptop.jsonl"))
        let (folded, whole) = try Words.speaking(Language("fr")) {
            let folded = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max)
            let whole = try Store(directory: tmp.store, identity: Self.identity, snapshotAfter: .max)
            try whole.reloadWhole()
            return (folded.problems.map(Self.said), whole.problems.map(Self.said))
        }
        #expect(whole.contains { $0.contains("ce n’est pas du JSON valide") }, "\(whole)")
        #expect(folded == whole)
    }
}

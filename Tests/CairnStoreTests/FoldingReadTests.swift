import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// The full read folds as it reads, a slice at a time, merging the files: it must come to
/// exactly what reading every journal whole and sorting the events came to.
@Suite struct FoldingReadTests {
    let today = Day(iso: "2026-12-01")!

    /// What a read in slices of `bytes` gives, beside the whole read of the same files.
    func compare(_ url: URL, slices bytes: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sliced = try Store(
            directory: url, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, readSliceBytes: bytes)
        let whole = try Store(directory: url, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max)
        try whole.reloadWhole()
        #expect(sliced.world == whole.world, sourceLocation: sourceLocation)
        #expect(sliced.eventCount == whole.eventCount, sourceLocation: sourceLocation)
        #expect(sliced.problems.map(\.description) == whole.problems.map(\.description), sourceLocation: sourceLocation)
        #expect(
            sliced.positions.mapValues { [$0.offset, $0.line] } == whole.positions.mapValues { [$0.offset, $0.line] },
            sourceLocation: sourceLocation)
        #expect(sliced.lastApplied == whole.lastApplied, sourceLocation: sourceLocation)
    }

    /// Examples (one commit of 126 changes, longer than a small slice), two sessions' conflict
    /// and a delete; then another copy's journal whose events interleave with these.
    func store(_ tmp: TemporaryDirectory, sealAfter: Int = JournalSegment.sealAfter) throws {
        let ana = try Store(
            directory: tmp.store, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, sealAfter: sealAfter)
        let changes = try ana.world.perform(
            .carry(try Examples.changes(for: ana.world, today: today, user: "ana"), summary: "examples"),
            by: Author(user: "ana", today: today)
        ).changes
        try ana.commit(changes)
        let laptop = TemporaryDirectory()
        let ben = try Store(directory: laptop.store, identity: Identity(user: "ben", host: "laptop"), snapshotAfter: .max)
        for i in 0..<40 {
            let school = School(id: "sch-\(i)", name: "Escola \(i) de São João", phone: "21\(i)")
            // Ana and Ben in turns, some in the same millisecond: ties go to the file first by name.
            let at = Date(timeIntervalSince1970: 1_800_000_000 + Double(i / 2))
            if i % 2 == 0 { try ana.commit([.put(.school(school))], at: at) } else { try ben.commit([.put(.school(school))], at: at) }
        }
        var edited = School(id: "sch-0", name: "Escola 0 de São João", phone: "999")
        try ana.commit(try ana.world.perform(.edit(.school(edited)), by: Author(user: "ana", today: today)).changes)
        edited.phone = "888"
        try ben.commit(
            [.put(.school(School(id: "sch-0", name: "Escola 0 de São João", phone: "210")))], at: Date(timeIntervalSince1970: 1_799_999_000)
        )
        try ben.commit([.delete(.school, id: "sch-1")])
        try copyJournal(ben.journalFile, to: tmp.store.appendingPathComponent("journal/laptop-copy.jsonl"))
    }

    @Test func slices_of_any_size_fold_as_the_whole_read_does() throws {
        let tmp = TemporaryDirectory()
        try store(tmp)
        for bytes in [64, 300, 1_000, 5_000, 1 << 20] { try compare(tmp.store, slices: bytes) }
    }

    @Test func damage_an_unfinished_commit_and_a_torn_tail_are_said_alike() throws {
        let tmp = TemporaryDirectory()
        try store(tmp)
        let journal = try #require(
            try FileManager.default.contentsOfDirectory(at: tmp.store.appendingPathComponent("journal"), includingPropertiesForKeys: nil)
                .first { $0.lastPathComponent.hasPrefix("regional-server") })
        var text = try String(contentsOf: journal, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        lines[3] = "{\"not\": an event}"  // damage inside the examples' commit
        lines.insert("{\"at\":\"2026-12-01T10:00:00.000Z\",\"by\":\"x\"}", at: 140)
        text = lines.joined(separator: "\n") + "\n"
        // A commit of three changes with only two written, then a torn line.
        let a = School(id: "sch-70", name: "Łódź")
        let store = try Store(directory: TemporaryDirectory().store, identity: Identity(user: "ana", host: "t"), snapshotAfter: .max)
        let receipt = try store.commit([
            .put(.school(a)), .put(.school(School(id: "sch-71", name: "b"))), .put(.school(School(id: "sch-72", name: "c"))),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for e in receipt.events.prefix(2) { text += String(decoding: try encoder.encode(e), as: UTF8.self) + "\n" }
        text += "{\"at\":\"2030"
        try Data(text.utf8).write(to: journal)
        for bytes in [64, 700, 1 << 20] { try compare(tmp.store, slices: bytes) }
        let read = try Store(
            directory: tmp.store, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, readSliceBytes: 300)
        #expect(read.problems.contains { $0.isDamage } && read.problems.contains { $0.kind == .tornTail })
    }

    /// A journal whose own lines are out of time order (written by hand, or by an old version):
    /// the folding read gives way to the whole read, which sorts them.
    @Test func a_journal_out_of_its_own_order_is_read_whole() throws {
        let tmp = TemporaryDirectory()
        try store(tmp)
        let copy = tmp.store.appendingPathComponent("journal/laptop-copy.jsonl")
        let lines = try String(contentsOf: copy, encoding: .utf8).split(separator: "\n").map(String.init)
        try Data((lines.reversed().joined(separator: "\n") + "\n").utf8).write(to: copy)
        for bytes in [64, 1 << 20] { try compare(tmp.store, slices: bytes) }
        let store = try Store(
            directory: tmp.store, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, readSliceBytes: 64)
        #expect(try !store.reloadFolding(sliceBytes: 64))
    }

    /// A copy's journal kept as segments is read one segment after the other, and folds to
    /// what the whole read of every file folds to, ties between copies included.
    @Test func a_copys_segments_fold_as_the_whole_read_does() throws {
        let tmp = TemporaryDirectory()
        try store(tmp, sealAfter: 1_500)
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.store.appendingPathComponent("journal").path)
        #expect(names.filter { $0.contains(".seg0") }.count >= 3, "\(names)")
        for bytes in [64, 700, 1 << 20] { try compare(tmp.store, slices: bytes) }
        let read = try Store(
            directory: tmp.store, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, readSliceBytes: 64)
        #expect(try read.reloadFolding(sliceBytes: 64))
    }

    /// A later segment whose events come before the last one's (swapped, or written by hand):
    /// the copy cannot be read segment after segment, and the whole read sorts it.
    @Test func a_segment_before_its_predecessor_in_time_is_read_whole() throws {
        let tmp = TemporaryDirectory()
        try store(tmp, sealAfter: 1_500)
        let folder = tmp.store.appendingPathComponent("journal")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let first = try #require(names.first { $0.hasPrefix("regional-server") && !$0.contains(".seg") })
        let second = try #require(names.first { $0.hasPrefix("regional-server") && $0.contains(".seg000002") })
        let a = try Data(contentsOf: folder.appendingPathComponent(first))
        let b = try Data(contentsOf: folder.appendingPathComponent(second))
        try b.write(to: folder.appendingPathComponent(first))
        try a.write(to: folder.appendingPathComponent(second))
        for bytes in [64, 1 << 20] { try compare(tmp.store, slices: bytes) }
        let store = try Store(
            directory: tmp.store, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, readSliceBytes: 64)
        // Its first read, at the open, was the whole read: no chain walked as it folded.
        #expect(store.chainsWalked == nil)
        #expect(try !store.reloadFolding(sliceBytes: 64))
    }

    /// The chains the folding read walks over its slices are the chains a walk of each whole
    /// file finds: the same end, the same line count, the same first break.
    @Test func the_chains_walked_in_slices_are_the_whole_files_chains() throws {
        let tmp = TemporaryDirectory()
        try store(tmp, sealAfter: 1_500)
        let folder = tmp.store.appendingPathComponent("journal")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // A value changed in place in a middle segment: the line still reads, its hash no longer follows.
        let middle = try #require(names.first { $0.contains(".seg000002") })
        var text = try String(contentsOf: folder.appendingPathComponent(middle), encoding: .utf8)
        let at = try #require(text.range(of: "Escola"))
        text.replaceSubrange(at, with: "Eskola")
        try Data(text.utf8).write(to: folder.appendingPathComponent(middle))
        for bytes in [64, 333, 1 << 20] {
            let store = try Store(
                directory: tmp.store, identity: Identity(user: "ana", host: "regional-server"), snapshotAfter: .max, readSliceBytes: bytes)
            let walked = try #require(store.chainsWalked)
            #expect(walked.keys.sorted() == names)
            for name in names {
                let whole = try #require(ChainWalk.walk(folder.appendingPathComponent(name)))
                let sliced = try #require(walked[name])
                #expect(sliced.link == whole.link && sliced.lines == whole.lines, "\(name), slices of \(bytes)")
                #expect(sliced.firstBreak == whole.firstBreak, "\(name), slices of \(bytes)")
            }
            #expect(walked[middle]?.firstBreak != nil)
            let check = try StoreCheck.run(store)
            #expect(check.problems.contains { $0.file == middle && $0.isDamage && $0.description.contains("hash") })
        }
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A copy's journal kept as segments: sealed ones never change again, every reader reads them
/// all as one history, and a sync commits only what changed.
@Suite struct JournalSegmentTests {
    let ana = Identity(user: "ana", host: "regional-server")

    /// The journal files of `store`'s folder, by name.
    static func files(_ store: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: StoreLayout.journalFolder(store).path).filter { $0.hasSuffix(".jsonl") }
            .sorted()
    }

    static func size(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    }

    @Test func a_segment_name_says_its_copy_and_number() throws {
        let first = try #require(JournalSegment(fileName: "laptop-4k2q9z1m.jsonl"))
        #expect(first == JournalSegment(copy: "laptop-4k2q9z1m", number: 1))
        #expect(first.next.fileName == "laptop-4k2q9z1m.seg000002.jsonl")
        #expect(JournalSegment(fileName: "laptop-4k2q9z1m.seg000002.jsonl") == first.next)
        #expect(JournalSegment(copy: "a", number: 1_234_567).fileName == "a.seg1234567.jsonl")
        // A name that only looks like one is a copy of its own; a segment numbered 1 is no later one.
        #expect(JournalSegment(fileName: "x.seg000001.jsonl") == JournalSegment(copy: "x.seg000001", number: 1))
        #expect(JournalSegment(fileName: "x.segabcdef.jsonl")?.copy == "x.segabcdef")
        #expect(JournalSegment(fileName: "notes.txt") == nil)
        #expect(JournalSegment.isSegment("server.seg000009.jsonl", of: "server"))
        #expect(!JournalSegment.isSegment("server2.jsonl", of: "server"))
    }

    @Test func a_copy_seals_its_journal_into_segments_that_read_and_check_as_one_history() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana, sealAfter: 2_000)
        let names = (1...40).map { "Þingeyjarskóli \($0) · Łódź · São João" }
        for name in names { try store.commit([.put(.school(School(name: name)))]) }
        let files = try Self.files(tmp.store)
        #expect(files.count >= 5, "\(files)")
        #expect(files.first == store.instance.journalName)
        #expect(store.journalFile.lastPathComponent == files.last)
        for (k, name) in files.enumerated() {
            let segment = try #require(JournalSegment(fileName: name))
            #expect(segment == JournalSegment(copy: store.instance.id, number: k + 1), "\(files)")
            let url = store.journalDirectory.appendingPathComponent(name)
            // Sealed once it had reached the bound, at the commit after: one commit past it at most.
            if k < files.count - 1 { #expect(try Self.size(url) >= 2_000) }
            let walk = try #require(ChainWalk.walk(url))
            #expect(walk.firstBreak == nil, "\(name)")
        }
        store.dropSnapshot()
        let again = try Store(directory: tmp.store, identity: ana, sealAfter: 2_000)
        #expect(Set(again.world.schools.values.map(\.name)) == Set(names))
        #expect(again.problems.isEmpty, "\(again.problems)")
        let check = try StoreCheck.run(again)
        #expect(!check.isDamaged, "\(check.report)")
        let first = try #require(again.world.schools.values.first { $0.name == names[0] })
        #expect(try again.history(of: first.id).count == 1)
    }

    @Test func two_sessions_of_one_copy_never_append_to_a_segment_once_the_next_exists() throws {
        let tmp = TemporaryDirectory()
        let one = try Store(directory: tmp.store, identity: ana, sealAfter: 1_500)
        let two = try Store(directory: tmp.store, identity: ana, sealAfter: 1_500)
        #expect(one.instance == two.instance)
        var sealed: [String: Int] = [:]
        for k in 1...30 {
            try (k % 3 == 0 ? two : one).commit([.put(.school(School(name: "Kāhui Ako \(k)")))])
            let files = try Self.files(tmp.store)
            for name in files.dropLast() {
                let size = try Self.size(one.journalDirectory.appendingPathComponent(name))
                if let was = sealed[name] { #expect(was == size, "\(name) changed after it was sealed") }
                sealed[name] = size
            }
        }
        #expect(sealed.count >= 3)
        try one.refresh()
        try two.refresh()
        #expect(one.world.schools.count == 30)
        #expect(two.world.schools.count == 30)
    }

    @Test func an_existing_long_journal_becomes_the_first_segment_byte_for_byte() throws {
        let tmp = TemporaryDirectory()
        let before = try Store(directory: tmp.store, identity: ana, sealAfter: .max)
        for k in 1...20 { try before.commit([.put(.school(School(name: "Ysgol \(k)")))]) }
        let first = before.journalFile
        let bytes = try Data(contentsOf: first)
        #expect(try Self.files(tmp.store).count == 1)

        let after = try Store(directory: tmp.store, identity: ana, sealAfter: 1_000)
        #expect(after.world.schools.count == 20)
        try after.commit([.put(.school(School(name: "漢字 school")))])
        #expect(try Data(contentsOf: first) == bytes)
        #expect(after.journalFile.lastPathComponent == JournalSegment(fileName: first.lastPathComponent)?.next.fileName)
        after.dropSnapshot()
        #expect(try Store(directory: tmp.store, identity: ana).world.schools.count == 21)
    }
}

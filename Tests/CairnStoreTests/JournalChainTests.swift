import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Every journal line carries a hash chaining it to the line before it, so that a line
/// changed, removed or reordered anywhere is named by `cairn check`.
@Suite struct JournalChainTests {
    let ana = Identity(user: "ana", host: "regional-server")

    /// A store of three commits (one of several changes), its journal's lines.
    func store(_ tmp: TemporaryDirectory) throws -> (Store, [String]) {
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        try store.commit([.put(.school(School(name: "Łódź 12"))), .put(.school(School(name: "漢字 school 😀")))])
        try store.commit([.put(.cluster(Cluster(name: "Kāhui Ako")))])
        let lines = try String(contentsOf: store.journalFile, encoding: .utf8).split(separator: "\n").map(String.init)
        return (store, lines)
    }

    func rewrite(_ store: Store, _ lines: [String]) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: store.journalFile)
    }

    func breaks(_ store: Store) throws -> [JournalProblem] {
        let again = try Store(directory: store.directory, identity: ana)
        return try StoreCheck.run(again).problems.filter { $0.detail.contains("hash") }
    }

    @Test func every_line_carries_a_hash_that_follows_from_the_lines_before_it() throws {
        let tmp = TemporaryDirectory()
        let (store, lines) = try store(tmp)
        #expect(lines.count == 4)
        for line in lines { #expect(line.range(of: #","chain":"[0-9a-f]{64}"\}$"#, options: .regularExpression) != nil, "\(line)") }
        #expect(try breaks(store).isEmpty)
        // A second session, and a reopened store, go on from the last line's hash.
        let other = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        try other.commit([.put(.school(School(name: "São João")))])
        try store.commit([.put(.school(School(name: "Escola Básica")))])
        #expect(try breaks(store).isEmpty)
    }

    /// The walk hashes each line where it lies; it must find the same hash, and the same lines
    /// carrying one, as `split` does on a copy of the line, for every line a journal can hold.
    @Test func a_line_hashed_where_it_lies_gives_what_its_copy_gives() throws {
        let tmp = TemporaryDirectory()
        let (_, lines) = try store(tmp)
        var variants: [[UInt8]] = []
        for line in lines {
            let bytes = Array(line.utf8)
            variants.append(bytes)
            variants.append(Array(unchained(line).utf8))
            variants.append(Array(line.uppercased().utf8))  // hex digits no longer lowercase
            variants.append(Array(bytes.dropLast()))  // no closing brace
            variants.append(Array(bytes.dropLast(2)) + [0x7D])  // no closing quote
            variants.append(Array(line.replacingOccurrences(of: "\"chain\"", with: "\"chair\"").utf8))
            for k in stride(from: bytes.count - JournalChain.suffixCount, to: bytes.count, by: 7) {
                var changed = bytes
                changed[k] = 0x78
                variants.append(changed)
            }
        }
        variants += [[], Array("{}".utf8), Array(#"{"chain":"00"}"#.utf8)]
        let previous = JournalChain.seed(journal: "laptop-4k2q9z1m.jsonl")
        for line in variants {
            let (content, carried) = JournalChain.split(line[...])
            line.withUnsafeBytes { raw in
                let found = JournalChain.carried(raw)
                #expect((found != nil) == (carried != nil), "\(String(decoding: line, as: UTF8.self))")
                #expect(JournalChain.next(previous, raw, carried: found != nil) == JournalChain.next(previous, content))
                if let found, let carried {
                    #expect(JournalChain.hexEquals(found, carried))
                    #expect(!JournalChain.hexEquals(found, previous))
                }
            }
        }
    }

    @Test func a_line_changed_by_hand_is_named_with_its_journal_and_line() throws {
        let tmp = TemporaryDirectory()
        var (store, lines) = try store(tmp)
        lines[1] = lines[1].replacingOccurrences(of: "\"by\":\"ana\"", with: "\"by\":\"root\"")
        try rewrite(store, lines)
        let found = try breaks(store)
        #expect(found.count == 1)
        let first = try #require(found.first)
        #expect(first.file == store.journalFile.lastPathComponent)
        #expect(first.line == 2)
        #expect(first.isDamage)
        #expect(first.detail.contains("the journal of copy \(store.instance.id); the line names host regional-server"))
    }

    @Test func a_line_removed_or_two_lines_swapped_are_named() throws {
        let tmp = TemporaryDirectory()
        var (store, lines) = try store(tmp)
        let kept = lines
        lines.remove(at: 0)
        try rewrite(store, lines)
        #expect(try breaks(store).map(\.line) == [1])
        // Lines 3 and 4: the end of one commit and a commit of its own, each read whole.
        lines = kept
        lines.swapAt(0, 3)
        try rewrite(store, lines)
        #expect(try breaks(store).map(\.line) == [1])
    }

    @Test func a_line_written_again_with_a_new_hash_still_breaks_the_next() throws {
        let tmp = TemporaryDirectory()
        var (store, lines) = try store(tmp)
        // The forger recomputes the changed line's own hash, but not every hash after it.
        let forged = lines[0].replacingOccurrences(of: "Þingeyjarskóli", with: "Forged")
        let (content, _) = JournalChain.split(Array(forged.utf8)[...])
        let rechained = JournalChain.chained(content, after: JournalChain.seed(journal: store.journalFile.lastPathComponent))
        lines[0] = String(decoding: rechained.line, as: UTF8.self)
        try rewrite(store, lines)
        #expect(try breaks(store).map(\.line) == [2])
    }

    @Test func a_journal_an_earlier_version_wrote_opens_as_before_and_is_chained_from_its_end_without_rewriting_a_line() throws {
        let tmp = TemporaryDirectory()
        var (store, lines) = try store(tmp)
        // As an earlier version wrote them: no hash.
        lines = lines.map { $0.replacingOccurrences(of: #","chain":"[0-9a-f]{64}"\}$"#, with: "}", options: .regularExpression) }
        try rewrite(store, lines)
        let old = try Data(contentsOf: store.journalFile)
        let again = try Store(directory: tmp.store, identity: ana)
        #expect(again.world.schools.count == 3)
        try again.commit([.put(.school(School(name: "São João")))])
        let now = try Data(contentsOf: store.journalFile)
        #expect(now.prefix(old.count) == old, "no line before is rewritten")
        #expect(try breaks(store).isEmpty)
        // The first chained line covers every line before it.
        let added = String(decoding: now.dropFirst(old.count), as: UTF8.self).trimmingCharacters(in: .newlines)
        var forged = lines
        forged[0] = forged[0].replacingOccurrences(of: "Þingeyjarskóli", with: "Forged")
        try rewrite(store, forged + [added])
        #expect(try breaks(store).map(\.line) == [5])
        // A line without a hash after chained ones was added by hand.
        try rewrite(store, lines + [added, lines[1]])
        #expect(try breaks(store).map(\.line) == [6])
    }

    @Test func a_change_stamped_far_ahead_is_folded_but_never_moves_the_clock() throws {
        let tmp = TemporaryDirectory()
        var (store, lines) = try store(tmp)
        lines[3] = lines[3].replacingOccurrences(
            of: #""at":"[0-9T:.-]+Z""#, with: #""at":"9999-12-31T23:59:59.999Z""#, options: .regularExpression)
        try rewrite(store, lines)
        let again = try Store(directory: tmp.store, identity: ana)
        #expect(again.world.clusters.count == 1)
        let made = try again.commit([.put(.school(School(name: "São João")))]).events
        #expect(made.first?.at.hasPrefix("9999") == false, "\(made.first?.at ?? "")")
    }

    @Test func a_line_with_an_impossible_time_or_naming_another_record_is_damage() throws {
        let tmp = TemporaryDirectory()
        var (store, lines) = try store(tmp)
        lines[0] = lines[0].replacingOccurrences(
            of: #""at":"[0-9T:.-]+Z""#, with: #""at":"2026-13-45T99:99:99.000Z""#, options: .regularExpression)
        lines[1] = lines[1].replacingOccurrences(
            of: #""at":"[0-9T:.-]+Z""#, with: #""at":"2026-02-30T10:00:00.000Z""#, options: .regularExpression)
        let other = lines[3].range(of: #""recordId":"clu-[0-9a-f]+""#, options: .regularExpression)
        let cut = try #require(other)
        lines[3].replaceSubrange(cut, with: #""recordId":"clu-000000000000000000000000""#)
        try rewrite(store, lines)
        let again = try Store(directory: tmp.store, identity: ana)
        let damaged = again.problems.filter(\.isDamage).map(\.line)
        #expect(damaged.contains(1))
        #expect(damaged.contains(2), "30 February is no day")
        #expect(damaged.contains(4))
        #expect(again.world.clusters.isEmpty)
    }
}

import Testing

@testable import CairnCore

/// A table laid over a snapshot's part answers as a dictionary given the same changes would,
/// whatever the changes, and reads the part only when it is asked for something in it.
@Suite struct RecordTableTests {
    /// How often a part was read.
    final class Reads: @unchecked Sendable {
        var count = 0
    }

    /// A part as a snapshot's is read, on one thread (the store's has a lock).
    final class Part<Value: Sendable>: StoredValues, @unchecked Sendable {
        let all: [String: Value]
        let reads: Reads
        var read = false
        init(_ all: [String: Value], reads: Reads = Reads()) {
            self.all = all
            self.reads = reads
        }
        var count: Int { all.count }
        var values: [String: Value] {
            if !read { reads.count += 1 }
            read = true
            return all
        }
        var isRead: Bool { read }
        func value(_ id: String) -> Value? { values[id] }
    }

    func stored(_ values: [String: Int], reads: Reads) -> RecordTable<Int> {
        RecordTable(stored: Part(values, reads: reads))
    }

    @Test func it_answers_as_a_dictionary_given_the_same_changes() {
        let (seed, generator) = replayableRandom("it_answers_as_a_dictionary_given_the_same_changes")
        var rng = generator
        for round in 0..<200 {
            let ids = (0..<12).map { "id-\($0)" }
            var base: [String: Int] = [:]
            for id in ids where Bool.random(using: &rng) { base[id] = Int.random(in: 0..<100, using: &rng) }
            var expected = base
            var table = stored(base, reads: Reads())
            var copies: [(RecordTable<Int>, [String: Int])] = []
            for step in 0..<40 {
                let id = ids.randomElement(using: &rng)!
                switch Int.random(in: 0..<5, using: &rng) {
                case 0:
                    let v = Int.random(in: 0..<100, using: &rng)
                    #expect(
                        table.updateValue(v, forKey: id) == expected.updateValue(v, forKey: id), "seed \(seed) round \(round) step \(step)")
                case 1:
                    #expect(table.removeValue(forKey: id) == expected.removeValue(forKey: id), "seed \(seed) round \(round) step \(step)")
                case 2:
                    let v: Int? = Bool.random(using: &rng) ? nil : Int.random(in: 0..<100, using: &rng)
                    table[id] = v
                    expected[id] = v
                case 3:
                    table[id, default: 0] += 1
                    expected[id, default: 0] += 1
                default:
                    copies.append((table, expected))
                }
                #expect(table[id] == expected[id], "seed \(seed) round \(round) step \(step)")
                #expect(table.count == expected.count, "seed \(seed) round \(round) step \(step)")
            }
            #expect(table.dictionary == expected, "seed \(seed) round \(round)")
            #expect(Dictionary(uniqueKeysWithValues: table.pairs.map { ($0.key, $0.value) }) == expected, "seed \(seed) round \(round)")
            #expect(table.values.sorted() == expected.values.sorted(), "seed \(seed) round \(round)")
            #expect(Set(table.keys) == Set(expected.keys), "seed \(seed) round \(round)")
            // A copy taken earlier kept what it held then.
            for (copy, then) in copies { #expect(copy.dictionary == then, "seed \(seed) round \(round)") }
        }
    }

    @Test func its_part_is_read_once_and_only_when_asked_for_something_in_it() {
        let reads = Reads()
        var table = stored(["sch-1": 1, "sch-2": 2], reads: reads)
        // Its count is the part's header: nothing read.
        #expect(table.count == 2 && !table.isEmpty)
        #expect(reads.count == 0 && !table.isRead)
        var copy = table
        #expect(copy["sch-2"] == 2)
        #expect(reads.count == 1 && table.isRead)
        copy["sch-3"] = 3
        table["sch-1"] = nil
        #expect(table.dictionary == ["sch-2": 2])
        #expect(copy.dictionary == ["sch-1": 1, "sch-2": 2, "sch-3": 3])
        #expect(reads.count == 1)
    }

    @Test func a_world_compares_by_what_its_tables_hold_not_how_they_were_made() {
        let school = School(id: "sch-1", name: "Þingeyjarskóli")
        var folded = World()
        folded.apply(.put(.school(school)))
        var laid = World()
        laid.schools = RecordTable(stored: Part(["sch-1": school]))
        #expect(laid.schools == folded.schools)
        laid.apply(.delete(.school, id: "sch-1"))
        #expect(laid.schools.isEmpty && laid.schools.values.first == nil && laid.schools != folded.schools)
    }
}

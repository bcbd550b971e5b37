import CairnCore
import CairnWords
import Foundation
import Synchronization
import Testing

@testable import CairnStore

/// A list drawn from ids the snapshot keeps (the Schools tab's order) is trusted only when the
/// part's keys name each id and no id comes twice: told by the keys' hashes, never by reading
/// the records, and exactly what a set of the ids and a lookup of each would tell.
@Suite struct SnapshotKeysTests {
    func keys(_ ids: [String]) throws -> [UInt8] {
        var noted = SnapshotKeys.Noted(capacity: ids.count)
        for (k, id) in ids.enumerated() { try noted.note(id, from: k * 10, to: k * 10 + 10) }
        return noted.written.bytes
    }

    @Test func each_id_named_once_is_told_as_a_set_and_a_lookup_would_tell_it() throws {
        var (_, random) = replayableRandom("each_id_named_once_is_told_as_a_set_and_a_lookup_would_tell_it")
        for round in 0..<200 {
            var held: [String] = []
            for _ in 0..<Int(random.next() % 60) { held.append("sch-\(random.next() % 1_000)") }
            let bytes = try keys(Array(Set(held)))
            var asked: [String] = []
            for _ in 0..<Int(random.next() % 70) {
                // Mostly ids held, some not, some twice.
                let pick = random.next() % 10
                if pick < 7, let id = held.randomElement(using: &random) {
                    asked.append(id)
                } else if pick < 9 {
                    asked.append("sch-\(random.next() % 1_000)")
                } else if let again = asked.last {
                    asked.append(again)
                }
            }
            let holds = Set(held)
            let expected = Set(asked).count == asked.count && asked.allSatisfy { holds.contains($0) }
            let told = bytes.withUnsafeBytes { SnapshotKeys.nameEachOnce(asked, in: $0) }
            #expect(told == expected, "round \(round): \(asked) among \(held)")
        }
    }

    @Test func an_order_that_names_a_school_twice_is_not_the_snapshots_own() throws {
        var w = World()
        let names = ["Þingeyjarskóli", "Łódź", "São João", "Kāhui Ako", "漢字", "Escola 🙂"]
        w.apply((0..<120).map { .put(.school(School(id: "sch-\($0)", name: "\(names[$0 % names.count]) \($0)"))) })
        var writer = SnapshotWriter()
        try w.writeSnapshot(to: &writer)
        var laid = try World(snapshot: writer.bytes)
        let alphabet = Alphabet.of(Language("en"))
        let whole = NameOrder.shown(w.schools.values, by: \.name, id: \.id, in: alphabet).map(\.id)
        #expect(laid.schoolIDsShown(in: alphabet) == whole)
        // The same count of ids, one school named twice and another left out.
        var forged = whole
        forged[7] = forged[8]
        laid.nameIndex.table[World.orderKey(.school, alphabet)] = forged
        #expect(laid.schoolIDsShown(in: alphabet) == whole)
        #expect(laid.schools.isRead, "the order was not trusted: every school read and sorted")
    }

    /// The order is checked once per snapshot, by whichever thread asks first (a start checks
    /// it while it draws): threads asking together all get the order, and no school is read.
    @Test func an_order_checked_by_threads_at_once_is_the_order_for_each() throws {
        var w = World()
        let names = ["Þingeyjarskóli", "Łódź", "São João", "Kāhui Ako", "漢字", "Escola 🙂"]
        w.apply((0..<300).map { .put(.school(School(id: "sch-\($0)", name: "\(names[$0 % names.count]) \($0)"))) })
        var writer = SnapshotWriter()
        try w.writeSnapshot(to: &writer)
        let laid = try World(snapshot: writer.bytes)
        let alphabet = Alphabet.of(Language("en"))
        let whole = NameOrder.shown(w.schools.values, by: \.name, id: \.id, in: alphabet).map(\.id)
        let told = Mutex<[[String]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            if k % 2 == 0 { laid.trustNameOrders(in: alphabet) }
            let shown = laid.schoolIDsShown(in: alphabet)
            told.withLock { $0.append(shown) }
        }
        #expect(told.withLock { $0.count == 8 && $0.allSatisfy { $0 == whole } })
        #expect(!laid.schools.isRead, "the kept order was taken, no school read")
    }
}

/// A start opens the world's parts beside the first look, and checks the Schools and Agencies
/// tabs' orders then, unasked: a key pressed at the first frame finds them checked. A part the
/// check finds damaged is taken from the journals, as a plain start takes it.
@Suite struct WorldAlongsideTests {
    let ana = Identity(user: "ana", host: "regional-server")

    /// A store of five schools and an agency, with a snapshot of them; their ids.
    func snapshotted(_ tmp: TemporaryDirectory) throws -> (Store, Set<String>) {
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        for name in ["Þingeyjarskóli", "Łódź 12", "São João", "漢字 🙂", "Kāhui Ako"] { try store.commit([.put(.school(School(name: name)))]) }
        try store.commit([.put(.agency(Agency(name: "Ngā Tāngata Health", sector: .health)))])
        try store.refresh()
        try #require(store.saveSnapshot())
        return (store, Set(store.world.schools.values.map(\.id)))
    }

    /// Until the orders of `world` are checked, for at most 30 s.
    func waitForTheCheck(_ world: World) throws -> Bool {
        let trusted = try #require(world.nameIndex.trusted as? TrustedOrders)
        let keys: Set = [World.orderKey(.school, .session), World.orderKey(.agency, .session)]
        let deadline = Date().addingTimeInterval(30)
        while !keys.isSubset(of: trusted.checkedKeys), Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        return keys.isSubset(of: trusted.checkedKeys)
    }

    @Test func the_first_looks_read_opens_the_world_and_checks_the_name_orders_unasked() throws {
        let tmp = TemporaryDirectory()
        let (store, _) = try snapshotted(tmp)
        let snapshot = try #require(StoreSnapshot.read(store.snapshotFile, firstLookOnly: true, journals: store.journalDirectory))
        let alongside = try #require(snapshot.worldAlongside, "the world's parts are opened beside the first look")
        let world = try #require(alongside.value)
        #expect(try waitForTheCheck(world), "nobody asked, and the orders were checked")
        #expect(!world.schools.isRead && !world.agencies.isRead, "checked by their keys, no record read")

        // The world the read takes is that one, with the snapshot's look laid on it.
        let whole = try #require(snapshot.withWorld())
        #expect(whole.worldAlongside == nil)
        #expect(whole.world.schoolIDsShown() == store.world.schoolIDsShown())
        #expect(whole.world == store.world)
    }

    /// A hostile member forged the name index and the schools' part, under sound checksums: the
    /// check beside the first look finds the index damaged before the read, and both parts
    /// are taken from the journals. (Found before the start said where they are, the parts
    /// were lost: the session showed no school, and refused to save.)
    @Test func a_part_the_early_check_finds_damaged_is_taken_from_the_journals() throws {
        let tmp = TemporaryDirectory()
        let (store, ids) = try snapshotted(tmp)
        try SnapshotPartTests().forge(store.snapshotFile, part: RecordKind.allCases.count + 5)  // the name index
        try SnapshotPartTests().forge(store.snapshotFile, part: 0)  // the schools

        let start = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false)
        let read = try #require(start.snapshotForFirstLook?.value.snapshot)
        let early = try #require(read.worldAlongside?.value)
        #expect(try waitForTheCheck(early))
        #expect(read.bytes?.isDamaged == true, "the forged index was found by the early check")
        _ = try #require(start.earlyLook())
        try start.read()
        #expect(start.startedFromSnapshot)
        #expect(Set(start.world.schools.values.map(\.id)) == ids, "every school, taken from the journals")
        #expect(start.snapshotBytes?.lost == false)
        try start.commit([.put(.school(School(name: "Escola Nova")))])
        #expect(start.world.schools.count == ids.count + 1)
    }
}

/// The keys' hash is written to disk (snapshot parts, journal indexes): it must stay FNV-1a on
/// every machine and in every version. The hashes of a kept name order are sorted to be walked
/// beside the part's keys; the sort must be the one `sorted()` gives.
@Suite struct SnapshotKeysHashTests {
    @Test func the_hash_is_fnv1a_of_the_ids_utf8_whatever_the_strings_form() {
        // FNV-1a's published test values.
        #expect(SnapshotKeys.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(SnapshotKeys.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(SnapshotKeys.hash("foobar") == 0x8594_4171_f739_67e8)
        // A substring's copy hashes as the string itself; a letter with a combining mark by its
        // bytes, not as the one-scalar letter it looks like (the store keeps ids NFC).
        #expect(SnapshotKeys.hash(String("xsch-1x".dropFirst().dropLast())) == SnapshotKeys.hash("sch-1"))
        let decomposed = "Sa\u{0303}o"
        var bytes = 0xcbf2_9ce4_8422_2325 as UInt64
        for b in Array(decomposed.utf8) { bytes = (bytes ^ UInt64(b)) &* 0x100_0000_01b3 }
        #expect(SnapshotKeys.hash(decomposed) == bytes)
        #expect(SnapshotKeys.hash(decomposed) != SnapshotKeys.hash("S\u{00E3}o"))
    }

    @Test func hashes_sort_in_place_as_sorted_gives_them() {
        var (_, random) = replayableRandom("hashes_sort_in_place_as_sorted_gives_them")
        for count in [0, 1, 2, 3, 2047, 2049, 25_106] {
            // Some alike, some at the extremes, most anywhere.
            var values = (0..<count).map { _ in UInt64.random(in: .min ... .max, using: &random) }
            if count > 3 {
                values[0] = .max
                values[1] = 0
                values[2] = values[3]
            }
            var sorted = values
            SnapshotKeys.sortInPlace(&sorted)
            #expect(sorted == values.sorted(), "\(count) values")
        }
    }

    @Test func an_order_naming_an_id_twice_or_one_not_held_is_refused_by_the_keys() throws {
        var noted = SnapshotKeys.Noted(capacity: 3)
        for (k, id) in ["sch-1", "sch-2", "sch-3"].enumerated() { try noted.note(id, from: k * 10, to: k * 10 + 10) }
        let keys = noted.written.bytes
        keys.withUnsafeBytes { raw in
            #expect(SnapshotKeys.nameEachOnce(["sch-3", "sch-1", "sch-2"], in: raw))
            #expect(!SnapshotKeys.nameEachOnce(["sch-3", "sch-1", "sch-1"], in: raw))
            #expect(!SnapshotKeys.nameEachOnce(["sch-3", "sch-1", "sch-4"], in: raw))
            #expect(!SnapshotKeys.nameEachOnce(["sch-3", "sch-1"], in: UnsafeRawBufferPointer(rebasing: raw.dropLast())))
        }
    }
}

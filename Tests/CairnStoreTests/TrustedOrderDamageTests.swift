import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// The order checked once per snapshot (`TrustedOrders`) is not trusted once the part it was
/// checked against is found damaged and its records are taken from the journals (or lost):
/// it is checked again against the records read.
@Suite struct TrustedOrderDamageTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let today = Day(iso: "2026-12-01")!

    /// A snapshot written by a hostile member: its world lacks `sch-1`, which the journals
    /// hold; its marks are the journals' own. Then its schools' body is forged (sound sums for
    /// garbage), as `SnapshotPartTests.forgeSchools` does, so the part reads from the journals.
    func hostileSnapshot(_ tmp: TemporaryDirectory) throws {
        let a = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try a.commit(try Examples.changes(for: a.world, today: today, user: "ana"))
        try a.commit([.put(.school(School(id: "sch-1", officialId: "PT-0001", name: "Escola Básica de São João")))])
        try a.refresh()
        var lying = a.world
        lying.apply([.delete(.school, id: "sch-1")])
        a.world = lying
        #expect(a.saveSnapshot())
        try SnapshotPartTests().forge(a.snapshotFile, part: 0)
    }

    @Test func an_order_trusted_before_its_part_was_found_damaged_is_not_trusted_after() throws {
        let tmp = TemporaryDirectory()
        try hostileSnapshot(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)
        let first = store.world.schoolIDsShown()
        #expect(!first.contains("sch-1"))  // trusted from the keys, as before the change
        // Anything that reads the schools (a search, a report) finds the part damaged: the
        // schools are now the journals', sch-1 among them.
        _ = store.world.schools[try #require(first.first)]
        #expect(store.snapshotBytes?.isDamaged == true)
        #expect(store.world.schools["sch-1"] != nil)
        let shown = store.world.schoolIDsShown()
        let all = Set(store.world.schools.values.map(\.id))
        #expect(shown.count == all.count && Set(shown) == all, "Schools tab misses \(all.subtracting(shown))")
    }

    /// The same, where the journals cannot be read at that moment: the part is lost (empty),
    /// and the list still names every id of the forged snapshot.
    @Test func an_order_trusted_before_its_part_was_lost_lists_no_school_the_world_lacks() throws {
        let tmp = TemporaryDirectory()
        try hostileSnapshot(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        _ = store.world.schoolIDsShown()
        store.snapshotBytes?.recover.withLock { $0 = { nil } }
        _ = store.world.schools[try #require(store.world.schoolIDsShown().first)]
        #expect(store.snapshotBytes?.isDamaged == true)
        let shown = store.world.schoolIDsShown()
        #expect(shown.allSatisfy { store.world.schools[$0] != nil }, "\(shown.count) ids of schools the world lacks")
    }
}

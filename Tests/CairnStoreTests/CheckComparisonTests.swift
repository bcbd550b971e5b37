import CairnCore
import Testing

@testable import CairnStore

/// `cairn check` compares the world read from the snapshot with the world the journals fold a
/// table at a time, letting each go once compared: it must tell what comparing them whole
/// tells, whichever table differs.
@Suite struct CheckComparisonTests {
    let today = Day(iso: "2026-12-01")!

    func examples() throws -> World {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "ana"))
        return w
    }

    func fromSnapshot(_ w: World) throws -> World {
        var writer = SnapshotWriter()
        try w.writeSnapshot(to: &writer)
        return try World(snapshot: writer.bytes)
    }

    @Test func the_comparison_a_table_at_a_time_tells_what_the_whole_comparison_tells() throws {
        let folded = try examples()
        #expect(StoreCheck.same(try fromSnapshot(folded), folded))
        // One record of each kind changed or taken away: each found, as `==` finds it.
        var kinds = 0
        for kind in RecordKind.allCases {
            guard let record = folded.records(of: kind).first else { continue }
            kinds += 1
            var other = folded
            other.apply(.delete(kind, id: record.id))
            #expect(other != folded)
            #expect(!StoreCheck.same(try fromSnapshot(folded), other), "\(kind) deleted")
            #expect(!StoreCheck.same(try fromSnapshot(other), folded), "\(kind) deleted, in the snapshot")
        }
        #expect(kinds >= 8, "the examples hold most kinds")
    }
}

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

    @Test func a_part_nothing_changed_since_is_compared_one_record_at_a_time_and_not_kept() throws {
        let folded = try examples()
        let snapshot = try fromSnapshot(folded)
        #expect(snapshot.checkpoints.matchesOneByOne(folded) == true)
        #expect(snapshot.schools.matchesOneByOne(folded) == true)
        #expect(snapshot.fieldWriters.matchesOneByOne(folded) == true)
        #expect(!snapshot.checkpoints.isRead && !snapshot.schools.isRead, "gone through, not kept")
        // A value differs: told one by one, as `==` tells it.
        var renamed = folded
        var school = try #require(folded.schools.values.first)
        school.name += " (renamed)"
        renamed.apply(.put(.school(school)))
        #expect(snapshot.schools.matchesOneByOne(renamed) == false)
        #expect(!StoreCheck.same(try fromSnapshot(folded), renamed))
        var retitled = folded
        var checkpoint = try #require(folded.checkpoints.values.first)
        checkpoint.title += "!"
        retitled.apply(.put(.checkpoint(checkpoint)))
        #expect(snapshot.checkpoints.matchesOneByOne(retitled) == false)
        #expect(!StoreCheck.same(try fromSnapshot(folded), retitled))
        // A table changed since the snapshot is not told so: it is compared whole.
        var since = snapshot
        since.apply(.put(.school(school)))
        #expect(since.schools.matchesOneByOne(renamed) == nil)
        #expect(StoreCheck.same(since, renamed))
    }

    @Test func a_cluster_s_records_in_another_order_are_told_apart_one_by_one() throws {
        let folded = try examples()
        let (cluster, ids) = try #require(folded.clusterIndex.checkpoints.pairs.first { $0.value.count > 1 })
        var reordered = folded
        reordered.clusterIndex.checkpoints[cluster] = ids.reversed()
        #expect(try fromSnapshot(folded).checkpoints.matchesOneByOne(reordered) == false)
        #expect(!StoreCheck.same(try fromSnapshot(folded), reordered))
        #expect(!StoreCheck.same(try fromSnapshot(reordered), folded))
    }
}

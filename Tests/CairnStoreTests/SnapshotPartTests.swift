import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A start from the snapshot reads each part of the world only when it is asked for, and a
/// part that does not read (its checksum forged sound) is never written from.
@Suite struct SnapshotPartTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let today = Day(iso: "2026-12-01")!

    /// A store with a snapshot of every kind of record, nothing past it.
    func snapshotted(_ tmp: TemporaryDirectory) throws {
        let a = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try a.commit(try Examples.changes(for: a.world, today: today, user: "ana"))
        try a.commit([.put(.school(School(id: "sch-1", name: "Escola Básica de São João", municipality: "Lisboa")))])
        try a.refresh()
        #expect(a.saveSnapshot())
    }

    @Test func a_command_that_asks_for_one_school_reads_the_schools_part_alone() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)
        let w = store.world
        // Counts come from the snapshot's head.
        #expect(w.schools.count > 1 && w.checkpoints.count > 1)
        #expect(!w.schools.isRead && !w.checkpoints.isRead && !w.memberships.isRead && !w.fieldWriters.isRead)
        #expect(w.schools["sch-1"]?.name == "Escola Básica de São João")
        #expect(w.schools.isRead)
        #expect(!w.checkpoints.isRead && !w.memberships.isRead && !w.goals.isRead && !w.measurements.isRead)
        #expect(!w.fieldWriters.isRead && !w.tombstones.isRead && !w.conflicts.isRead)
        // A rule book's check and commit of a new school read no checkpoint either.
        try store.commit([.put(.school(School(id: "sch-2", name: "Łódź")))])
        #expect(store.world.schools["sch-2"] != nil && !store.world.checkpoints.isRead)
        // And everything read later is what a full read folds.
        let full = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try full.reload()
        #expect(store.world == full.world)
    }

    /// The snapshot with its schools' part replaced by bytes that are no records, under a
    /// checksum computed for them: what only a forger (or a fault of Cairn) makes.
    func forgeSchools(_ file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let (seal, part) = try bytes.withUnsafeBytes { raw throws -> (UInt64, Range<Int>) in
            var r = SnapshotReader(raw, from: StoreSnapshot.magic.count)
            _ = try r.number()
            _ = try r.text()
            let seal = try r.unsigned()
            for _ in 0..<3 { _ = try r.uncheckedSection() }  // the marks, the first look, the world's head
            let start = r.offset
            _ = try r.uncheckedSection()
            return (seal, start..<r.offset)
        }
        var forged = SnapshotWriter()
        forged.seal = seal
        var garbage = SnapshotWriter()
        for _ in 0..<64 { garbage.byte(0xFE) }
        forged.section(garbage)
        try Data(Array(bytes[..<part.lowerBound]) + forged.bytes + Array(bytes[part.upperBound...])).write(to: file)
    }

    @Test func a_part_that_does_not_read_is_never_written_from_and_the_journals_are_read_again() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        let journal = try Data(contentsOf: plain.journalFile)
        try forgeSchools(plain.snapshotFile)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)  // every checksum is sound
        #expect(store.world.schools["sch-1"] == nil)  // the part did not read
        let add = DomainOperation.add(.school(School(id: "sch-9", name: "Þingeyjarskóli")))
        let refused = #expect(throws: PerformError.self) { try store.perform(add, by: Author(user: "ana", today: today)) }
        #expect(refused?.message.contains("snapshot was damaged") == true)
        #expect(try Data(contentsOf: store.journalFile) == journal, "nothing was written")
        #expect(!FileManager.default.fileExists(atPath: store.snapshotFile.path))
        // The world is the journals' again, and the same operation now goes through.
        #expect(store.world.schools["sch-1"]?.name == "Escola Básica de São João")
        try store.perform(add, by: Author(user: "ana", today: today))
        #expect(store.world.schools["sch-9"] != nil)
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// The snapshot is a cache of the fold: a start from it must see exactly the world a full read
/// of the journals sees, and any change to a journal it does not expect must send it back to
/// the full read.
@Suite struct SnapshotTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let ben = Identity(user: "ben", host: "regional-server")
    let today = Day(iso: "2026-12-01")!
    let school = School(id: "sch-1", name: "Escola Básica de São João", municipality: "Lisboa", phone: "210 000 000")

    /// The world as a full read of the journals folds it, the snapshot aside.
    func fullRead(_ url: URL) throws -> Store {
        let store = try Store(directory: url, identity: ana, snapshotAfter: .max)
        try store.reload()
        return store
    }

    /// A store holding every kind of record, an open conflict and a deleted school.
    func richStore(_ tmp: TemporaryDirectory) throws {
        let a = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try a.commit(try Examples.changes(for: a.world, today: today, user: "ana"))
        try a.commit([.put(.school(school)), .put(.school(School(id: "sch-2", name: "Þingeyjarskóli 漢字 🙂")))])
        let b = try Store(directory: tmp.store, identity: ben, snapshotAfter: .max)
        let benSees = b.world
        var anas = school
        anas.phone = "211 111 111"
        try a.commit(try a.world.perform(.edit(.school(anas)), by: Author(user: "ana", today: today)).changes)
        var bens = school
        bens.phone = "222 222 222"
        try b.commit(try benSees.perform(.edit(.school(bens)), by: Author(user: "ben", today: today)).changes)
        try a.commit([.delete(.school, id: "sch-2")])
    }

    @Test func a_start_from_the_snapshot_sees_the_world_a_full_read_sees() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(!first.startedFromSnapshot)  // a full read, which wrote the snapshot
        #expect(FileManager.default.fileExists(atPath: first.snapshotFile.path))
        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(again.startedFromSnapshot)
        #expect(again.snapshotEvents == first.eventCount)
        let full = try fullRead(tmp.store)
        #expect(again.world == full.world)
        // Its index was built from the tables it read, not left empty.
        #expect(!again.world.members(of: try #require(again.world.memberships.values.first).cluster).isEmpty)
        #expect(perClusterAnswersAlike(again.world, full.world, on: today))
        #expect(again.eventCount == full.eventCount)
        #expect(!again.world.openConflicts.isEmpty)
        #expect(again.world.tombstone(of: "sch-2") != nil)
        #expect(!again.world.goals.isEmpty && !again.world.measurements.isEmpty && !again.world.agreements.isEmpty)
        #expect(!again.world.assessments.isEmpty && !again.world.actions.isEmpty)
        // And it goes on as the full read would: the next commit is stamped after everything read.
        try again.commit([.put(.school(School(id: "sch-3", name: "Łódź")))])
        let after = try fullRead(tmp.store)
        #expect(after.world == again.world)
        #expect(perClusterAnswersAlike(after.world, again.world, on: today))
    }

    @Test func what_others_wrote_after_the_snapshot_is_read_as_its_tail() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        _ = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let ben = try Store(directory: tmp.store, identity: ben, snapshotAfter: .max)
        var moved = school
        moved.municipality = "Loures"
        try ben.commit(try ben.world.perform(.edit(.school(moved)), by: Author(user: "ben", today: today)).changes)
        let reopened = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(reopened.startedFromSnapshot)
        #expect(reopened.eventCount == reopened.snapshotEvents + 1)
        #expect(reopened.world.schools["sch-1"]?.municipality == "Loures")
        let reference = try fullRead(tmp.store)
        #expect(reopened.world == reference.world)
    }

    /// Home's first frame is drawn from the snapshot's first look only while the snapshot holds
    /// every journal whole: a tail to read, or a journal it never saw, means waiting for the read.
    @Test func the_first_look_is_taken_only_when_the_snapshot_holds_every_journal_whole() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        _ = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let full = try fullRead(tmp.store)
        let early = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1, readNow: false)
        #expect(early.world == World())
        let first = try #require(early.firstLook())
        #expect(first == full.world.firstLook)
        #expect(first.conflicts == 1 && first.schools == full.world.schools.count)
        #expect(full.world.clusters == first.clusters && full.world.assessments == first.assessments)
        #expect(early.world == World())
        try early.read()
        #expect(early.world == full.world)

        // Ben's edit is a tail the snapshot does not hold.
        let ben = try Store(directory: tmp.store, identity: ben, snapshotAfter: .max)
        var moved = school
        moved.municipality = "Loures"
        try ben.commit(try ben.world.perform(.edit(.school(moved)), by: Author(user: "ben", today: today)).changes)
        let behind = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false)
        #expect(behind.firstLook() == nil)

        // A session that ends with the journals past the snapshot writes one, its own last
        // commit included once: the next start draws from it and folds nothing twice.
        let session = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        try session.commit([.put(.school(School(id: "sch-9", name: "Kāhui Ako o Ōtautahi")))])
        session.saveSnapshotIfBehind()
        let next = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false)
        let look = try #require(next.firstLook())
        try next.read()
        let reference = try fullRead(tmp.store)
        #expect(next.startedFromSnapshot && next.eventCount == next.snapshotEvents)
        #expect(next.world == reference.world && next.eventCount == reference.eventCount)
        #expect(look == reference.world.firstLook)

        // A journal it never saw (brought by a sync) is a tail too.
        try copyJournal(ben.journalFile, to: tmp.store.appendingPathComponent("journal").appendingPathComponent("laptop-copy.jsonl"))
        #expect(try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false).firstLook() == nil)
        next.dropSnapshot()
        #expect(try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false).firstLook() == nil)
    }

    /// A journal put back from a backup, cut short, or replaced by a different file of the same
    /// length: none of it is what the snapshot read, so the start reads every journal anew.
    @Test func a_journal_changed_under_the_snapshot_sends_the_start_back_to_a_full_read() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let journal = first.journalFile
        let original = try Data(contentsOf: journal)

        // Cut short: the last commit (the delete) is gone.
        let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false)
        try Data(lines.dropLast(2).joined(separator: [0x0A]) + [0x0A]).write(to: journal)
        let cut = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(!cut.startedFromSnapshot)
        #expect(cut.world.schools["sch-2"] != nil)
        let reference = try fullRead(tmp.store)
        #expect(cut.world == reference.world)

        // Same length, one byte changed: a name edited by hand, saved as editors save (a new
        // file in its place), and again written in place near the end.
        var edited = original
        let at = try #require(edited.range(of: Data("Escola Básica de São João".utf8)))
        edited[at.lowerBound] = UInt8(ascii: "F")
        try original.write(to: journal, options: .atomic)
        _ = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        try edited.write(to: journal, options: .atomic)
        let replaced = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(!replaced.startedFromSnapshot)
        let rewritten = try fullRead(tmp.store)
        #expect(replaced.world == rewritten.world)
        #expect(replaced.world.schools.values.contains { $0.name.hasPrefix("Fscola Básica de São João") })

        _ = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let handle = try FileHandle(forUpdating: journal)
        try handle.seek(toOffset: UInt64(original.count - 30))
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        let inPlace = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(!inPlace.startedFromSnapshot)
    }

    /// A copy of the store (`cp -a`, a backup put back) has new files holding the same bytes:
    /// it opens from the snapshot, checked by each journal's chain, and ties the snapshot to
    /// the new files; a copy whose bytes differ anywhere is read whole.
    @Test func a_copied_or_restored_store_opens_from_its_snapshot_when_the_journals_bytes_are_the_same() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(FileManager.default.fileExists(atPath: first.snapshotFile.path))
        let reference = try fullRead(tmp.store)

        // Restored: the folder removed and put back from a copy, at the same path.
        let backup = tmp.url.appendingPathComponent("backup")
        try FileManager.default.copyItem(at: tmp.store, to: backup)
        try FileManager.default.removeItem(at: tmp.store)
        try FileManager.default.copyItem(at: backup, to: tmp.store)
        let restored = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(restored.startedFromSnapshot)
        #expect(restored.world == reference.world)
        // Tied to the new files at once: the next start takes the first look from it.
        #expect(try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false).firstLook() != nil)

        // Copied elsewhere: another copy of the store, with the same history.
        let copy = tmp.url.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: backup, to: copy)
        let copied = try Store(directory: copy, identity: ana, snapshotAfter: .max)
        #expect(copied.startedFromSnapshot)
        #expect(copied.world == reference.world)

        // One byte changed in a copy, its length kept: not the bytes the snapshot read.
        let forged = tmp.url.appendingPathComponent("forged")
        try FileManager.default.copyItem(at: backup, to: forged)
        let journal = forged.appendingPathComponent("journal").appendingPathComponent(first.journalFile.lastPathComponent)
        var bytes = try Data(contentsOf: journal)
        let at = try #require(bytes.range(of: Data("Escola Básica de São João".utf8)))
        bytes[at.lowerBound] = UInt8(ascii: "F")
        try FileManager.default.removeItem(at: journal)
        try bytes.write(to: journal)
        let read = try Store(directory: forged, identity: ana, snapshotAfter: .max)
        #expect(!read.startedFromSnapshot)
        #expect(read.world.schools.values.contains { $0.name.hasPrefix("Fscola") })
    }

    @Test func a_damaged_or_foreign_snapshot_is_never_trusted() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let full = try fullRead(tmp.store).world
        let good = try Data(contentsOf: first.snapshotFile)
        let damages: [Data] = [
            good.prefix(good.count / 2),  // cut short
            good + Data([1, 2, 3]),  // trailing bytes
            Data("not a snapshot".utf8), Data(),
            {
                var d = good
                d[StoreSnapshot.magic.count] = 99
                return d
            }(),  // another format
        ]
        for damaged in damages {
            try damaged.write(to: first.snapshotFile)
            let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
            #expect(!store.startedFromSnapshot)
            #expect(store.world == full)
        }
        // A byte changed anywhere, even inside a text, is damage: every part is checksummed. The
        // head is checked at once; each part of the world when first read, by key or whole,
        // and a damaged one is never taken: here, with no journals to take it from, it reads
        // empty and the snapshot is marked damaged. The first look reads only its own parts;
        // it is then either refused or exactly right.
        // (Before the revision had a checksum, one of 3,000 random changes passed unseen.)
        let look = try #require(StoreSnapshot.decode(good, firstLookOnly: true))
        let sound = try #require(StoreSnapshot.decode(good)).world
        let (seed, generator) = replayableRandom("a_damaged_or_foreign_snapshot_is_never_trusted")
        var rng = generator
        // Every byte of the first 2 KiB (the header, the marks, the first look, the revision and
        // the first parts' lengths and checksums), then bytes anywhere.
        let places = Array(0..<min(2048, good.count)) + (0..<500).map { _ in Int.random(in: 0..<good.count, using: &rng) }
        for place in places {
            var d = good
            d[place] ^= UInt8.random(in: 1...255, using: &rng)
            if let snap = StoreSnapshot.decode(d) {
                let bytes = try #require(snap.bytes)
                let keyed = SnapshotPartTests.foundByKeyAlike(snap.world, sound)
                let whole = snap.world == sound
                SnapshotPartTests.readWhole(snap.world)
                #expect(bytes.isDamaged, "seed \(seed): byte \(place) changed, and no part found it")
                #expect((keyed && whole) || bytes.isDamaged, "seed \(seed): byte \(place) changed")
            }
            if let early = StoreSnapshot.decode(d, firstLookOnly: true) {
                #expect(early.look == look.look && early.world == look.world && early.marks == look.marks)
            }
        }
    }

    /// A 64-bit number's tenth byte holds one bit; a byte with more set there is damage, not a
    /// number whose extra bits vanish (a checksum changed that way once passed for its own).
    @Test func a_number_with_bits_past_sixty_four_is_damage() throws {
        var w = SnapshotWriter()
        w.unsigned(UInt64.max)
        var bytes = w.bytes
        #expect(bytes.count == 10 && bytes[9] == 1)
        let read = { (b: [UInt8]) -> UInt64? in
            b.withUnsafeBytes { raw in
                var r = SnapshotReader(raw)
                return try? r.unsigned()
            }
        }
        #expect(read(bytes) == UInt64.max)
        bytes[9] = 0x03
        #expect(read(bytes) == nil)
        bytes[9] = 0x81
        #expect(read(bytes + [0x00]) == nil)
    }

    /// A sync can bring another copy's older work: it orders before the snapshot's last event,
    /// so the fold must start over for the order to hold.
    @Test func a_merged_journal_with_older_events_means_a_full_read() throws {
        let tmp = TemporaryDirectory()
        let laptop = TemporaryDirectory()
        let a = try Store(directory: laptop.store, identity: Identity(user: "ben", host: "laptop"), snapshotAfter: .max)
        try a.commit([.put(.school(school))], at: Date(timeIntervalSince1970: 1_700_000_000))
        try richStore(tmp)
        _ = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        try copyJournal(a.journalFile, to: tmp.store.appendingPathComponent("journal").appendingPathComponent("laptop-copy.jsonl"))
        let merged = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(!merged.startedFromSnapshot)
        let reference = try fullRead(tmp.store)
        #expect(merged.world == reference.world)
    }

    @Test func a_store_with_a_damaged_line_gets_no_snapshot_and_keeps_saying_so() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        let handle = try FileHandle(forWritingTo: store.journalFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"not\": an event}\n".utf8))
        try handle.close()
        try store.commit([.put(.school(School(id: "sch-9", name: "Kāhui Ako")))])
        let damaged = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(damaged.problems.contains { $0.isDamage })
        #expect(!FileManager.default.fileExists(atPath: damaged.snapshotFile.path))
        #expect(!damaged.saveSnapshot())
    }

    @Test func an_unfinished_last_line_after_the_snapshot_is_reported_as_by_a_full_read() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let handle = try FileHandle(forWritingTo: store.journalFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"at\":\"2026-12-01T10:00".utf8))
        try handle.close()
        let reopened = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(reopened.startedFromSnapshot)
        #expect(reopened.problems.map(\.kind) == [.tornTail])
        let reference = try fullRead(tmp.store)
        #expect(reopened.problems.map(\.kind) == reference.problems.map(\.kind))
    }

    /// A change made in place in the middle of a journal, keeping its length, passes the start's
    /// fingerprint; `cairn check`, which always reads every journal, finds it and rebuilds.
    @Test func check_finds_a_snapshot_that_no_longer_matches_and_rebuilds_it() throws {
        let tmp = TemporaryDirectory()
        try richStore(tmp)
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let journal = first.journalFile
        var bytes = try Data(contentsOf: journal)
        let at = try #require(bytes.range(of: Data("Escola Básica de São João".utf8)))
        #expect(at.lowerBound > StoreSnapshot.fingerprintBytes && at.upperBound < bytes.count - StoreSnapshot.fingerprintBytes)
        bytes[at.lowerBound] = UInt8(ascii: "F")
        let handle = try FileHandle(forUpdating: journal)
        try handle.seek(toOffset: UInt64(at.lowerBound))
        try handle.write(contentsOf: Data("F".utf8))
        try handle.close()

        let stale = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(stale.startedFromSnapshot)
        let check = try StoreCheck.run(stale)
        #expect(check.snapshot.contains("did not match the journals") && check.snapshot.contains("rebuilt"))
        // The line changed in place breaks the journal's hash chain there: named.
        let changedLine = bytes[..<at.lowerBound].filter { $0 == 0x0A }.count + 1
        #expect(check.problems.map(\.line) == [changedLine])
        #expect(check.problems.first?.detail.hasPrefix("its hash does not follow from the lines before it") == true)
        let after = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(after.startedFromSnapshot)
        #expect(after.world.schools.values.contains { $0.name.hasPrefix("Fscola Básica de São João") })
        #expect(try StoreCheck.run(after).snapshot == "snapshot: matches the journals")
        #expect(
            try StoreCheck.run(try Store(directory: tmp.store, identity: ana), rebuild: true).snapshot
                == "snapshot: rebuilt from the journals")
    }
}

/// Parts of two snapshots of one store spliced together (each part's checksum sound on its
/// own) are refused when read, and the journals give what they hold instead.
@Suite struct SnapshotSpliceTests {
    let ana = Identity(user: "ana", host: "regional-server")

    /// Where the schools' part of a snapshot lies.
    func schoolsPart(_ bytes: [UInt8]) throws -> Range<Int> {
        try bytes.withUnsafeBytes { raw throws -> Range<Int> in
            var r = SnapshotReader(raw, from: StoreSnapshot.magic.count)
            _ = try r.number()
            _ = try r.text()
            _ = try r.unsigned()  // the seal
            for _ in 0..<3 { _ = try r.uncheckedSection() }  // the marks, the first look, the world's head
            let start = r.offset
            _ = try r.uncheckedSection()
            return start..<r.offset
        }
    }

    @Test func a_snapshot_spliced_from_two_of_one_store_is_refused_and_the_journals_read() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let gone = School(name: "Escola que fechou")
        try store.commit([.put(.school(School(name: "Þingeyjarskóli"))), .put(.school(gone))])
        try store.refresh()  // its own lines read back, as a snapshot needs
        #expect(store.saveSnapshot())
        let older = [UInt8](try Data(contentsOf: store.snapshotFile))
        try store.commit([.put(.school(School(name: "Łódź 12")))])
        try store.commit([.delete(.school, id: gone.id)])
        try store.refresh()
        #expect(store.saveSnapshot())
        let newer = [UInt8](try Data(contentsOf: store.snapshotFile))
        // The newer marks and first look, the older schools: the new school missing, the closed one back.
        let a = try schoolsPart(older)
        let b = try schoolsPart(newer)
        let spliced = Array(newer[..<b.lowerBound]) + Array(older[a]) + Array(newer[b.upperBound...])
        try Data(spliced).write(to: store.snapshotFile)
        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        // The older part is refused at once (its length is not the newer head's) or when first
        // read (it fails the newer seal): either way the schools are the journals'.
        #expect(Set(again.world.schools.values.map(\.name)) == ["Þingeyjarskóli", "Łódź 12"])
        #expect(!again.startedFromSnapshot || again.snapshotBytes?.isDamaged == true)
    }
}

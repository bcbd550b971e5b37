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
        try a.commit([
            .put(.school(School(id: "sch-1", officialId: "PT-0001", name: "Escola Básica de São João", municipality: "Lisboa")))
        ])
        try a.refresh()
        #expect(a.saveSnapshot())
    }

    @Test func a_command_that_asks_for_one_school_reads_that_school_alone() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)
        let w = store.world
        // Counts come from the snapshot's head.
        #expect(w.schools.count > 1 && w.checkpoints.count > 1)
        #expect(!w.schools.isRead && !w.checkpoints.isRead && !w.memberships.isRead && !w.fieldWriters.isRead)
        #expect(w.schools["sch-1"]?.name == "Escola Básica de São João")
        #expect(w.schools["sch-none"] == nil)
        // Found by its key: not even the other schools were read.
        #expect(!w.schools.isRead && !w.checkpoints.isRead && !w.memberships.isRead && !w.goals.isRead)
        #expect(!w.fieldWriters.isRead && !w.tombstones.isRead && !w.conflicts.isRead && !w.measurements.isRead)
        // The commit of a new school, and its fold, read no other whole part either.
        try store.commit([.put(.school(School(id: "sch-2", name: "Łódź")))])
        let after = store.world
        #expect(after.schools["sch-2"] != nil)
        #expect(!after.schools.isRead && !after.checkpoints.isRead && !after.memberships.isRead)
        // And everything read later is what a full read folds.
        let full = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try full.reload()
        #expect(store.world == full.world)
    }

    @Test func the_log_of_a_school_with_a_long_history_names_it_from_that_school_alone() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let writer = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        var school = try #require(writer.world.schools["sch-1"])
        // More changes than lookups one by one before a part is read whole.
        for n in 0..<(SnapshotPart<Int>.lookupsBeforeWhole + 40) {
            school.phone = "210 000 \(n)"
            try writer.commit([.put(.school(school))])
        }
        try writer.refresh()
        #expect(writer.saveSnapshot())
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        let names = RecordNames(world: store.world)
        var named: [String] = []
        for entry in try store.log(record: "sch-1").entries { named.append(names.name(of: entry)) }
        #expect(named.count > SnapshotPart<Int>.lookupsBeforeWhole)
        #expect(!store.world.schools.isRead)
        #expect(Set(named) == ["school “Escola Básica de São João”"])
    }

    /// Whether every value of `sound`, looked up by its key in `laid` (before any part of it is
    /// read whole), is the same, and no key it lacks is found.
    static func foundByKeyAlike(_ laid: World, _ sound: World) -> Bool {
        func alike<V: Equatable>(_ l: RecordTable<V>, _ s: RecordTable<V>) -> Bool {
            s.pairs.allSatisfy { l[$0.key] == $0.value } && l["x-none"] == nil
        }
        let (l, s) = (laid, sound)
        return alike(l.schools, s.schools) && alike(l.agencies, s.agencies) && alike(l.clusters, s.clusters)
            && alike(l.memberships, s.memberships) && alike(l.checkpoints, s.checkpoints) && alike(l.goals, s.goals)
            && alike(l.measurements, s.measurements) && alike(l.actions, s.actions) && alike(l.agreements, s.agreements)
            && alike(l.assessments, s.assessments) && alike(l.links, s.links) && alike(l.fieldWriters, s.fieldWriters)
            && alike(l.tombstones, s.tombstones) && alike(l.conflicts, s.conflicts) && alike(l.measurementOrder, s.measurementOrder)
            && alike(l.clusterIndex.members, s.clusterIndex.members) && alike(l.clusterIndex.checkpoints, s.clusterIndex.checkpoints)
            && alike(l.clusterIndex.goals, s.clusterIndex.goals) && alike(l.clusterIndex.measurements, s.clusterIndex.measurements)
            && alike(l.clusterIndex.actions, s.clusterIndex.actions) && alike(l.clusterIndex.agreements, s.clusterIndex.agreements)
            && alike(l.clusterIndex.assessments, s.clusterIndex.assessments)
            && alike(l.clusterIndex.clustersOfMember, s.clusterIndex.clustersOfMember) && alike(l.nameIndex.table, s.nameIndex.table)
    }

    /// Every table of `w` read whole (the per-cluster groups and the name index too, which
    /// worlds do not compare): every section of every part is then checked.
    static func readWhole(_ w: World) {
        func whole<V>(_ t: RecordTable<V>) { _ = t.dictionary.count }
        whole(w.schools)
        whole(w.agencies)
        whole(w.clusters)
        whole(w.memberships)
        whole(w.checkpoints)
        whole(w.goals)
        whole(w.measurements)
        whole(w.actions)
        whole(w.agreements)
        whole(w.assessments)
        whole(w.links)
        whole(w.fieldWriters)
        whole(w.tombstones)
        whole(w.conflicts)
        whole(w.conflictedRecords)
        whole(w.measurementOrder)
        let index = w.clusterIndex
        for groups in [index.members, index.checkpoints, index.goals, index.measurements, index.actions, index.agreements] {
            whole(groups)
        }
        whole(index.assessments)
        whole(index.clustersOfMember)
        whole(w.nameIndex.table)
    }

    @Test func every_record_and_group_found_by_its_key_is_the_one_a_full_read_holds() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let w = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max).world
        let full = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try full.reload()
        let f = full.world
        func alike<V: Equatable>(_ laid: RecordTable<V>, _ folded: RecordTable<V>, _ what: String) {
            #expect(!folded.isEmpty, "\(what) holds something to find")
            for (id, value) in folded.pairs { #expect(laid[id] == value, "\(what) \(id)") }
            #expect(laid["x-\(what)"] == nil)
            #expect(!laid.isRead, "\(what) found by key, not read whole")
        }
        alike(w.schools, f.schools, "schools")
        alike(w.agencies, f.agencies, "agencies")
        alike(w.clusters, f.clusters, "clusters")
        alike(w.memberships, f.memberships, "memberships")
        alike(w.checkpoints, f.checkpoints, "checkpoints")
        alike(w.goals, f.goals, "goals")
        alike(w.measurements, f.measurements, "measurements")
        alike(w.actions, f.actions, "actions")
        alike(w.agreements, f.agreements, "agreements")
        alike(w.assessments, f.assessments, "assessments")
        alike(w.fieldWriters, f.fieldWriters, "fieldWriters")
        alike(w.measurementOrder, f.measurementOrder, "measurementOrder")
        alike(w.clusterIndex.members, f.clusterIndex.members, "members")
        alike(w.clusterIndex.checkpoints, f.clusterIndex.checkpoints, "checkpoint groups")
        alike(w.clusterIndex.goals, f.clusterIndex.goals, "goal groups")
        alike(w.clusterIndex.measurements, f.clusterIndex.measurements, "measurement groups")
        for (member, clusters) in f.clusterIndex.clustersOfMember.pairs {
            #expect(w.clusterIndex.clustersOfMember[member]?.sorted() == clusters.sorted(), "clusters of \(member)")
        }
        #expect(!w.clusterIndex.clustersOfMember.isRead)
    }

    @Test func a_duplicate_is_found_by_the_snapshots_name_index_and_the_changes_since() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        func twin(_ name: String, _ town: String) -> String? {
            store.world.likelyDuplicate(of: .school(School(id: "sch-new", name: name, municipality: town)))?.id
        }
        // In the snapshot: found by its key, the schools not read; typed otherwise (case,
        // accents, a combining mark) it is the same key.
        #expect(twin("ESCOLA BASICA DE SAO JOAO", "lisboa") == "sch-1")
        #expect(twin("Escola Ba\u{301}sica de Sa\u{303}o Joa\u{303}o", "Lisboa") == "sch-1")
        #expect(!store.world.schools.isRead)
        #expect(twin("Escola Básica de São João", "Porto") == nil)
        // Its official id is taken, found by the same index.
        func taken(_ official: String) -> Bool {
            !store.world.validate(School(id: "sch-new", officialId: official, name: "Outra")).isEmpty
        }
        #expect(taken("PT-0001") && !taken("PT-0002"))
        #expect(!store.world.schools.isRead)
        // Renamed since: the index's old name no longer finds it, the new one does.
        try store.commit([
            .edit(
                Edit(
                    kind: .school, id: "sch-1",
                    fields: [FieldEdit("name", old: .string("Escola Básica de São João"), new: .string("Þingeyjarskóli"))]))
        ])
        #expect(twin("Escola Básica de São João", "Lisboa") == nil)
        #expect(twin("þingeyjarskoli", "Lisboa") == "sch-1")
        // Added since: found among the changes.
        try store.commit([.put(.school(School(id: "sch-2", name: "Łódź", municipality: "Łódź")))])
        #expect(twin("lodz", "LODZ") == "sch-2")
        // Deleted since: gone, and its official id free.
        try store.commit([.delete(.school, id: "sch-1")])
        #expect(twin("Þingeyjarskóli", "Lisboa") == nil)
        #expect(!taken("PT-0001"))
    }

    /// One key noted twice has one hash twice: both entries are found, each with its place
    /// and length; a key of another hash finds nothing, and keys of the wrong length none.
    @Test func entries_of_one_hash_are_all_found_where_they_lie() {
        var noted = SnapshotKeys.Noted(capacity: 3)
        #expect(throws: Never.self) {
            try noted.note("sch-1", from: 40, to: 52)
            try noted.note("sch-2", from: 0, to: 40)
            try noted.note("sch-1", from: 80, to: 81)
        }
        let written = noted.written.bytes
        #expect(written.count == 3 * SnapshotKeys.entryBytes)
        written.withUnsafeBytes { raw in
            #expect(SnapshotKeys.offsets(of: "sch-1", in: raw) == [40..<52, 80..<81])
            #expect(SnapshotKeys.offsets(of: "sch-2", in: raw) == [0..<40])
            #expect(SnapshotKeys.offsets(of: "sch-3", in: raw).isEmpty)
            #expect(SnapshotKeys.offsets(of: "sch-2", in: UnsafeRawBufferPointer(rebasing: raw[0..<20])).isEmpty)
        }
    }

    /// The snapshot with its schools' part replaced by bytes that are no records, under a
    /// checksum computed for them: what only a forger (or a fault of Cairn) makes.
    func forgeSchools(_ file: URL) throws { try forge(file, part: 0) }

    /// `forgeSchools` for the world's part `part` (in the order `World.writeSnapshot` writes them).
    func forge(_ file: URL, part index: Int) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let (seal, part, length) = try bytes.withUnsafeBytes { raw throws -> (UInt64, Range<Int>, Int) in
            var r = SnapshotReader(raw, from: StoreSnapshot.magic.count)
            _ = try r.number()
            _ = try r.text()
            let seal = try r.unsigned()
            for _ in 0..<3 { _ = try r.uncheckedSection() }  // the marks, the first look, the world's head
            for p in 0..<index {
                for _ in 0..<(2 + World.keySections(p)) { _ = try r.uncheckedSection() }
            }
            let start = r.offset
            let (body, _) = try r.uncheckedSection()
            _ = try r.uncheckedSection()  // its blocks' checksums
            return (seal, start..<r.offset, body.length)
        }
        // As long as the part was (its length is in the checked head), with every checksum made anew.
        var forged = SnapshotWriter()
        forged.seal = seal
        var garbage = SnapshotWriter()
        for _ in 0..<length { garbage.byte(0xFE) }
        forged.section(garbage)
        forged.section(SnapshotBlocks.sums(of: garbage.bytes, seal: seal))
        try Data(Array(bytes[..<part.lowerBound]) + forged.bytes + Array(bytes[part.upperBound...])).write(to: file)
    }

    @Test func a_part_that_does_not_read_is_taken_from_the_journals_and_the_snapshot_goes() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try forgeSchools(plain.snapshotFile)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)  // its head is sound
        #expect(store.world.schools["sch-1"]?.name == "Escola Básica de São João")  // from the journals
        #expect(store.snapshotBytes?.isDamaged == true)
        #expect(!FileManager.default.fileExists(atPath: store.snapshotFile.path))
        let full = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try full.reload()
        #expect(store.world == full.world)
        try store.perform(.add(.school(School(id: "sch-9", name: "Þingeyjarskóli"))), by: Author(user: "ana", today: today))
        #expect(store.world.schools["sch-9"] != nil)
    }

    @Test func a_damaged_part_under_records_added_since_counts_each_once() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try plain.commit([.put(.school(School(id: "sch-2", name: "Łódź")))])  // past the snapshot
        try forgeSchools(plain.snapshotFile)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)
        let full = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try full.reload()
        let names = store.world.schools.values.map(\.name)
        #expect(store.snapshotBytes?.isDamaged == true)
        #expect(names.count == store.world.schools.count && store.world.schools.count == full.world.schools.count)
        #expect(store.world == full.world)
    }

    @Test func a_damaged_name_index_is_made_again_from_the_journals() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try forge(plain.snapshotFile, part: RecordKind.allCases.count + 5)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        let twin = store.world.likelyDuplicate(
            of: .school(School(id: "sch-new", name: "ESCOLA BASICA DE SAO JOAO", municipality: "lisboa")))
        #expect(twin?.id == "sch-1")
        #expect(store.snapshotBytes?.isDamaged == true)
        #expect(!store.world.validate(School(id: "sch-new", officialId: "PT-0001", name: "Outra")).isEmpty)
    }

    @Test func check_says_a_damaged_part_did_not_match_and_rebuilds_the_snapshot() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try forgeSchools(plain.snapshotFile)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(store.startedFromSnapshot)
        let check = try StoreCheck.run(store)
        #expect(check.snapshot.contains("did not match"), "\(check.snapshot)")
        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(again.startedFromSnapshot)
        #expect(again.world.schools["sch-1"] != nil && again.snapshotBytes?.isDamaged == false)
    }

    @Test func a_part_that_reads_from_nowhere_is_never_written_from() throws {
        let tmp = TemporaryDirectory()
        try snapshotted(tmp)
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        let journal = try Data(contentsOf: plain.journalFile)
        try forgeSchools(plain.snapshotFile)
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        // As when the journals cannot be read at that moment.
        store.snapshotBytes?.recover.withLock { $0 = { nil } }
        #expect(store.world.schools["sch-1"] == nil)
        let add = DomainOperation.add(.school(School(id: "sch-9", name: "Þingeyjarskóli")))
        let refused = #expect(throws: PerformError.self) { try store.perform(add, by: Author(user: "ana", today: today)) }
        #expect(refused?.message.contains("snapshot was damaged") == true)
        #expect(try Data(contentsOf: store.journalFile) == journal, "nothing was written")
        // The world is the journals' again, and the same operation now goes through.
        #expect(store.world.schools["sch-1"]?.name == "Escola Básica de São João")
        try store.perform(add, by: Author(user: "ana", today: today))
        #expect(store.world.schools["sch-9"] != nil)
    }
}

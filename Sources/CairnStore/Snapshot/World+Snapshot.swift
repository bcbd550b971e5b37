import CairnCore
import Foundation
import Synchronization

/// The world written whole into a snapshot and read back: every record, and what the fold
/// keeps beside them to judge later edits (who last set each field, deleted records, open
/// conflicts) and the order measurements were recorded in, so that a world read back folds the journal's tail exactly as the full read would.
extension World {
    /// A world's index that does not hold each record of a kind once (a fault of this Cairn):
    /// no snapshot is written from it, since its read would take the groups as they are.
    package struct Unsound: Error {}

    /// A part as it is written: its entries, and where each lies by its key (a grouped kind's
    /// records by id, then its groups by cluster).
    private struct Written {
        var count: Int
        var body: SnapshotWriter
        var keys: [SnapshotKeys.Noted]
    }

    /// How many key sections follow each part: two for a kind the per-cluster index groups.
    static func keySections(_ part: Int) -> Int {
        part < RecordSnapshot.kinds.count && RecordSnapshot.grouped.contains(RecordSnapshot.kinds[part]) ? 2 : 1
    }

    package func writeSnapshot(to w: inout SnapshotWriter) throws(Unsound) {
        var parts: [Written] = []
        // Each kind is a part, read only when the world is first asked for it (or one record
        // of it, by its key).
        func part<V>(_ table: RecordTable<V>, _ one: (String, V, inout SnapshotWriter) -> Void) throws(Unsound) {
            var section = SnapshotWriter(capacity: table.count * 128)
            var keys = SnapshotKeys.Noted(capacity: table.count)
            for (id, v) in table.pairs {
                let start = section.bytes.count
                one(id, v, &section)
                try keys.note(id, from: start, to: section.bytes.count)
            }
            parts.append(Written(count: table.count, body: section, keys: [keys]))
        }
        func records<R>(_ table: RecordTable<R>, _ wrap: @escaping (R) -> Record) throws(Unsound) {
            try part(table) { _, r, out in RecordSnapshot.write(wrap(r), to: &out) }
        }
        // A kind the per-cluster index groups goes as its groups: how many, then each group's
        // size and records, in the index's order, so that a read takes each as it is: nothing
        // sorted, regrouped or compared.
        func grouped<R>(_ table: RecordTable<R>, _ groups: RecordTable<[String]>, _ wrap: (R) -> Record) throws(Unsound) {
            var section = SnapshotWriter(capacity: table.count * 128)
            var keys = SnapshotKeys.Noted(capacity: table.count)
            var groupKeys = SnapshotKeys.Noted(capacity: groups.count)
            section.number(groups.count)
            var written = Set<String>()
            written.reserveCapacity(table.count)
            for (group, ids) in groups.pairs {
                let records = ids.compactMap { table[$0] }
                guard records.count == ids.count, !ids.isEmpty else { throw Unsound() }
                let groupStart = section.bytes.count
                section.number(records.count)
                for (id, r) in zip(ids, records) {
                    guard written.insert(id).inserted else { throw Unsound() }
                    let start = section.bytes.count
                    RecordSnapshot.write(wrap(r), to: &section)
                    try keys.note(id, from: start, to: section.bytes.count)
                }
                try groupKeys.note(group, from: groupStart, to: section.bytes.count)
            }
            guard written.count == table.count else { throw Unsound() }
            parts.append(Written(count: table.count, body: section, keys: [keys, groupKeys]))
        }
        try records(schools, Record.school)
        try records(agencies, Record.agency)
        try records(clusters, Record.cluster)
        try grouped(memberships, clusterIndex.members, Record.membership)
        try grouped(checkpoints, clusterIndex.checkpoints, Record.checkpoint)
        try grouped(goals, clusterIndex.goals, Record.goal)
        try grouped(measurements, clusterIndex.measurements, Record.measurement)
        try grouped(actions, clusterIndex.actions, Record.action)
        try grouped(agreements, clusterIndex.agreements, Record.agreement)
        try grouped(assessments, clusterIndex.assessments, Record.assessment)
        try records(links, Record.link)
        // What the fold keeps beside the records, a part each.
        try part(fieldWriters) { key, side, out in
            out.text(key)
            Self.write(side, to: &out)
        }
        try part(tombstones) { _, t, out in
            RecordSnapshot.write(t.record, to: &out)
            Self.write(t.deletedBy, to: &out)
        }
        try part(conflicts) { _, c, out in
            out.word(c.kind, in: RecordSnapshot.kinds)
            out.text(c.record)
            out.text(c.field)
            Self.write(c.kept, to: &out)
            out.number(c.others.count)
            for side in c.others { Self.write(side, to: &out) }
            out.bool(c.recordDeleted)
        }
        try part(measurementOrder) { id, order, out in
            out.text(id)
            out.number(order)
        }
        // Kept, not derived from the memberships at the read: a tail that adds a school asks
        // for its clusters, which would read every membership.
        try part(clusterIndex.clustersOfMember) { member, clusters, out in
            out.text(member)
            out.number(clusters.count)
            for c in clusters { out.text(c) }
        }
        // The schools and agencies by name key, for the duplicate warning of a new one.
        try part(RecordTable(nameKeys)) { key, ids, out in
            out.text(key)
            out.number(ids.count)
            for id in ids { out.text(id) }
        }
        // The counts go in the head, under its checksum: a changed one is damage at the start,
        // not a part found short when first asked for.
        // Even the revision is checksummed: a changed one would pass for a world that lists
        // built from the first look still fit (`AppState.takeWholeWorld`).
        // So are the lengths of every part and its keys: a length changed in a part's own
        // header is then damage at the start, not a walk through the parts gone astray.
        let keys = parts.map { $0.keys.map(\.written) }
        var head = SnapshotWriter(capacity: 64)
        head.number(revision)
        head.number(measurementsRecorded)
        for p in parts { head.number(p.count) }
        for (p, k) in zip(parts, keys) {
            head.number(p.body.bytes.count)
            for section in k { head.number(section.bytes.count) }
        }
        w.section(head)
        for (p, k) in zip(parts, keys) {
            w.section(p.body)
            w.section(SnapshotBlocks.sums(of: p.body.bytes, seal: w.seal))
            for section in k { w.section(section) }
        }
    }

    /// The parts after the kinds': who last set each field, deleted records, open conflicts,
    /// the order measurements were recorded in, the clusters of each member, and the schools
    /// and agencies by name key.
    static let partsBeside = 6

    /// The count of each part, from the head that holds them.
    static func partCounts(_ head: inout SnapshotReader) throws(SnapshotReader.Damaged) -> [Int] {
        var counts: [Int] = []
        for _ in 0..<(RecordSnapshot.kinds.count + partsBeside) {
            let n = try head.number()
            guard n >= 0 else { throw SnapshotReader.Damaged(at: head.offset) }
            counts.append(n)
        }
        return counts
    }

    /// The world of a snapshot's world part written alone, with no seal (as the tests write one).
    package init(snapshot bytes: [UInt8]) throws(SnapshotReader.Damaged) {
        let laid = SnapshotBytes(copying: bytes)
        var offset = 0
        try self.init(snapshot: laid, at: &offset, seal: 0)
        guard offset == bytes.count else { throw SnapshotReader.Damaged(at: offset) }
    }

    /// The world a snapshot holds, from the section at `offset` on, its parts read only when
    /// first asked for: here only where each lies, and the head with the parts' counts.
    init(snapshot bytes: SnapshotBytes, at offset: inout Int, seal: UInt64) throws(SnapshotReader.Damaged) {
        self.init()
        let layout = try SnapshotLayout(bytes, at: &offset, seal: seal)
        revision = layout.revision
        measurementsRecorded = layout.measurementsRecorded
        let parts = layout.parts
        func part<D: Sendable>(
            _ i: Int, empty: D, fromWorld: @escaping @Sendable (World) -> D,
            _ decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> D
        ) -> SnapshotPart<D> {
            SnapshotPart(
                bytes, parts[i].body, blocks: parts[i].blocks, keys: parts[i].keys, seal: seal, empty: empty, fromWorld: fromWorld,
                decode: decode)
        }
        /// One record of `kind`, with its id.
        func entry<R: Identifiable<String> & Sendable>(_ kind: RecordKind, _ one: @escaping SnapshotTables.One<R>)
            -> @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: R)
        {
            { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: R) in
                guard try r.word(in: RecordSnapshot.kinds) == kind else { throw SnapshotReader.Damaged(at: r.offset) }
                let record = try one(&r)
                return (record.id, record)
            }
        }
        func table<R: Identifiable<String> & Sendable & Equatable>(
            _ kind: RecordKind, _ path: KeyPath<World, RecordTable<R>> & Sendable, _ one: @escaping SnapshotTables.One<R>
        ) -> RecordTable<R> {
            let i = RecordSnapshot.kinds.firstIndex(of: kind)!
            let count = parts[i].count
            let read = part(i, empty: [:], fromWorld: { $0[keyPath: path].dictionary }, SnapshotTables.records(kind, count: count, one))
            let keys = parts[i].keys[0]
            let byKey = entry(kind, one)
            return RecordTable(
                stored: StoredTable(
                    count: count, read: { read.value }, one: { read.entry($0, keys: keys, byKey) },
                    holds: { read.holdsEachOnce($0, keys: keys) },
                    matches: { world in
                        read.walk { r throws(SnapshotReader.Damaged) in
                            try SnapshotTables.match(count: count, byKey, world[keyPath: path], &r)
                        }
                    }))
        }
        func grouped<R: Identifiable<String> & Sendable & Equatable>(
            _ kind: RecordKind, _ path: KeyPath<World, RecordTable<R>> & Sendable,
            _ groupsPath: KeyPath<ClusterIndex, RecordTable<[String]>> & Sendable, _ group: WritableKeyPath<R, String> & Sendable,
            _ one: @escaping SnapshotTables.One<R>
        ) -> (RecordTable<R>, RecordTable<[String]>) {
            let i = RecordSnapshot.kinds.firstIndex(of: kind)!
            let read = part(
                i, empty: SnapshotTables.Grouped<R>(),
                fromWorld: {
                    SnapshotTables.Grouped(records: $0[keyPath: path].dictionary, groups: $0.clusterIndex[keyPath: groupsPath].dictionary)
                },
                SnapshotTables.grouped(
                    kind, count: parts[i].count, group: { $0[keyPath: group] }, setGroup: { $0[keyPath: group] = $1 }, one))
            let (keys, groupKeys) = (parts[i].keys[0], parts[i].keys[1])
            let byKey = entry(kind, one)
            // A group read alone: its size, then its records, whose first names the group.
            let byGroup: @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: [String]) = {
                r throws(SnapshotReader.Damaged) in
                let size = try r.count()
                guard size > 0 else { throw SnapshotReader.Damaged(at: r.offset) }
                var ids: [String] = []
                var key = ""
                for n in 0..<size {
                    let record = try byKey(&r).value
                    if n == 0 { key = record[keyPath: group] }
                    ids.append(record.id)
                }
                return (key, ids)
            }
            let count = parts[i].count
            // The records' walk compares the groups too: the two tables are one part.
            let matches: @Sendable (World) -> Bool? = { world in
                read.walk { r throws(SnapshotReader.Damaged) in
                    try SnapshotTables.match(
                        kind, count: count, group: { $0[keyPath: group] }, setGroup: { $0[keyPath: group] = $1 }, one,
                        world[keyPath: path], groups: world.clusterIndex[keyPath: groupsPath], &r)
                }
            }
            return (
                RecordTable(
                    stored: StoredTable(
                        count: count, read: { read.value.records }, one: { read.entry($0, keys: keys, byKey) }, matches: matches)),
                RecordTable(
                    stored: StoredTable(
                        count: parts[i].keys[1].length / SnapshotKeys.entryBytes, read: { read.value.groups },
                        one: { read.entry($0, keys: groupKeys, byGroup) }))
            )
        }
        func few<R: Sendable>(_ kind: RecordKind, _ take: @escaping @Sendable (Record) -> R?) -> SnapshotTables.One<R> {
            SnapshotTables.few(kind, take)
        }
        schools = table(.school, \.schools, RecordSnapshot.school)
        agencies = table(.agency, \.agencies, RecordSnapshot.agency)
        clusters = table(.cluster, \.clusters, RecordSnapshot.cluster)
        (memberships, clusterIndex.members) = grouped(.membership, \.memberships, \.members, \.cluster, RecordSnapshot.membership)
        (checkpoints, clusterIndex.checkpoints) = grouped(.checkpoint, \.checkpoints, \.checkpoints, \.cluster, RecordSnapshot.checkpoint)
        (goals, clusterIndex.goals) = grouped(
            .goal, \.goals, \.goals, \.cluster, few(.goal) { if case .goal(let x) = $0 { x } else { nil } })
        (measurements, clusterIndex.measurements) = grouped(
            .measurement, \.measurements, \.measurements, \.goal, few(.measurement) { if case .measurement(let x) = $0 { x } else { nil } })
        (actions, clusterIndex.actions) = grouped(
            .action, \.actions, \.actions, \.cluster, few(.action) { if case .action(let x) = $0 { x } else { nil } })
        (agreements, clusterIndex.agreements) = grouped(
            .agreement, \.agreements, \.agreements, \.cluster, few(.agreement) { if case .agreement(let x) = $0 { x } else { nil } })
        (assessments, clusterIndex.assessments) = grouped(
            .assessment, \.assessments, \.assessments, \.cluster, few(.assessment) { if case .assessment(let x) = $0 { x } else { nil } })
        links = table(.link, \.links, few(.link) { if case .link(let x) = $0 { x } else { nil } })
        let beside = RecordSnapshot.kinds.count
        /// A part beside the kinds' as a table: whole, or an entry by its key.
        func rest<V: Sendable & Equatable>(
            _ at: Int, _ path: KeyPath<World, RecordTable<V>> & Sendable,
            _ one: @escaping @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: V)
        ) -> (table: RecordTable<V>, part: SnapshotPart<[String: V]>) {
            let count = parts[beside + at].count
            let whole: @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> [String: V] = {
                r throws(SnapshotReader.Damaged) in
                var all: [String: V] = [:]
                all.reserveCapacity(count)
                for _ in 0..<count {
                    let (key, value) = try one(&r)
                    all[key] = value
                }
                guard all.count == count else { throw SnapshotReader.Damaged(at: r.offset) }
                return all
            }
            let read = part(beside + at, empty: [:], fromWorld: { $0[keyPath: path].dictionary }, whole)
            let keys = parts[beside + at].keys[0]
            return (
                RecordTable(
                    stored: StoredTable(
                        count: count, read: { read.value }, one: { read.entry($0, keys: keys, one) },
                        matches: { world in
                            read.walk { r throws(SnapshotReader.Damaged) in
                                try SnapshotTables.match(count: count, one, world[keyPath: path], &r)
                            }
                        })), read
            )
        }
        fieldWriters =
            rest(0, \.fieldWriters) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in (try r.text(), try Self.readSide(&r)) }
            .table
        tombstones =
            rest(1, \.tombstones) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in
                let record = try RecordSnapshot.read(&r)
                return (record.id, Tombstone(record: record, deletedBy: try Self.readSide(&r)))
            }.table
        let open = rest(2, \.conflicts) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in
            let kind = try r.word(in: RecordSnapshot.kinds)
            let record = try r.text()
            let field = try r.text()
            let kept = try Self.readSide(&r)
            var others: [Conflict.Side] = []
            for _ in 0..<(try r.count()) { others.append(try Self.readSide(&r)) }
            let conflict = Conflict(kind: kind, record: record, field: field, kept: kept, others: others, recordDeleted: try r.bool())
            return (conflict.key, conflict)
        }
        conflicts = open.table
        let conflicted = open.part
        conflictedRecords = RecordTable(
            stored: StoredTable(count: nil) {
                var counts: [String: Int] = [:]
                for c in conflicted.value.values { counts[c.record, default: 0] += 1 }
                return counts
            })
        measurementOrder =
            rest(3, \.measurementOrder) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in (try r.text(), try r.number()) }.table
        clusterIndex.clustersOfMember =
            rest(4, \.clusterIndex.clustersOfMember) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in
                let member = try r.text()
                var clusters: [String] = []
                for _ in 0..<(try r.count()) { clusters.append(try r.text()) }
                return (member, clusters)
            }.table
        nameIndex.table =
            rest(5, \.nameKeysTable) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in
                let key = try r.text()
                var ids: [String] = []
                for _ in 0..<(try r.count()) { ids.append(try r.text()) }
                return (key, ids)
            }.table
        nameIndex.trusted = TrustedOrders()
    }

    private static func write(_ side: Conflict.Side, to w: inout SnapshotWriter) {
        JSONValueSnapshot.write(side.value, to: &w)
        w.text(side.by)
        w.text(side.at)
        w.text(side.event)
    }

    private static func readSide(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Conflict.Side {
        let value = try JSONValueSnapshot.read(&r)
        return Conflict.Side(value: value, by: try r.text(), at: try r.text(), event: try r.text())
    }
}

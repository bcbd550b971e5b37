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

    package func writeSnapshot(to w: inout SnapshotWriter) throws(Unsound) {
        var counts: [Int] = []
        var parts: [SnapshotWriter] = []
        // Each kind is a part, read only when the world is first asked for it.
        func part<V>(_ table: RecordTable<V>, _ one: (String, V, inout SnapshotWriter) -> Void) {
            var section = SnapshotWriter(capacity: table.count * 128)
            for (id, v) in table.pairs { one(id, v, &section) }
            counts.append(table.count)
            parts.append(section)
        }
        func records<R>(_ table: RecordTable<R>, _ wrap: @escaping (R) -> Record) {
            part(table) { _, r, out in RecordSnapshot.write(wrap(r), to: &out) }
        }
        // A kind the per-cluster index groups goes as its groups: how many, then each group's
        // size and records, in the index's order, so that a read takes each as it is: nothing
        // sorted, regrouped or compared.
        func grouped<R>(_ table: RecordTable<R>, _ groups: RecordTable<[String]>, _ wrap: (R) -> Record) throws(Unsound) {
            var section = SnapshotWriter(capacity: table.count * 128)
            section.number(groups.count)
            var written = Set<String>()
            written.reserveCapacity(table.count)
            for ids in groups.values {
                let records = ids.compactMap { table[$0] }
                section.number(records.count)
                for (id, r) in zip(ids, records) {
                    guard written.insert(id).inserted else { throw Unsound() }
                    RecordSnapshot.write(wrap(r), to: &section)
                }
                guard records.count == ids.count else { throw Unsound() }
            }
            guard written.count == table.count else { throw Unsound() }
            counts.append(table.count)
            parts.append(section)
        }
        records(schools, Record.school)
        records(agencies, Record.agency)
        records(clusters, Record.cluster)
        try grouped(memberships, clusterIndex.members, Record.membership)
        try grouped(checkpoints, clusterIndex.checkpoints, Record.checkpoint)
        try grouped(goals, clusterIndex.goals, Record.goal)
        try grouped(measurements, clusterIndex.measurements, Record.measurement)
        try grouped(actions, clusterIndex.actions, Record.action)
        try grouped(agreements, clusterIndex.agreements, Record.agreement)
        try grouped(assessments, clusterIndex.assessments, Record.assessment)
        records(links, Record.link)
        // What the fold keeps beside the records, a part each.
        part(fieldWriters) { key, side, out in
            out.text(key)
            Self.write(side, to: &out)
        }
        part(tombstones) { _, t, out in
            RecordSnapshot.write(t.record, to: &out)
            Self.write(t.deletedBy, to: &out)
        }
        part(conflicts) { _, c, out in
            out.word(c.kind, in: RecordSnapshot.kinds)
            out.text(c.record)
            out.text(c.field)
            Self.write(c.kept, to: &out)
            out.number(c.others.count)
            for side in c.others { Self.write(side, to: &out) }
            out.bool(c.recordDeleted)
        }
        part(measurementOrder) { id, order, out in
            out.text(id)
            out.number(order)
        }
        // The counts go in the head, under its checksum: a changed one is damage at the start,
        // not a part found short when first asked for.
        // Even the revision is checksummed: a changed one would pass for a world that lists
        // built from the first look still fit (`AppState.takeWholeWorld`).
        var head = SnapshotWriter(capacity: 64)
        head.number(revision)
        head.number(measurementsRecorded)
        for n in counts { head.number(n) }
        w.section(head)
        for part in parts { w.section(part) }
    }

    /// The parts after the kinds': who last set each field, deleted records, open conflicts
    /// and the order measurements were recorded in.
    static let partsBeside = 4

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

    /// The world a snapshot holds, its parts read only when first asked for.
    ///
    /// Every part's checksum is checked here, so that a snapshot damaged on disk is never
    /// taken; the parts are decoded later, from `bytes`, which the world's tables keep.
    init(snapshot r: inout SnapshotReader, bytes: SnapshotBytes) throws(SnapshotReader.Damaged) {
        self.init()
        var head = try r.section()
        revision = try head.number()
        measurementsRecorded = try head.number()
        let counts = try Self.partCounts(&head)
        guard head.isAtEnd else { throw SnapshotReader.Damaged(at: r.offset) }
        var parts: [(count: Int, reader: SnapshotReader, sum: UInt64)] = []
        for count in counts {
            let (part, sum) = try r.uncheckedSection()
            // Each value takes a byte at least: no count of more can be true.
            guard count <= part.length else { throw SnapshotReader.Damaged(at: r.offset) }
            parts.append((count, part, sum))
        }
        let sound = Mutex<Bool>(true)
        nonisolated(unsafe) let shared = parts
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            if !shared[i].reader.checked(shared[i].sum) { sound.withLock { $0 = false } }
        }
        guard sound.withLock({ $0 }) else { throw SnapshotReader.Damaged(at: r.offset) }
        func part<D: Sendable>(
            _ i: Int, empty: D, _ decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> D
        ) -> SnapshotPart<D> {
            SnapshotPart(bytes, parts[i].reader, empty: empty, decode: decode)
        }
        func table<R: Identifiable<String> & Sendable>(_ kind: RecordKind, _ one: @escaping SnapshotTables.One<R>) -> RecordTable<R> {
            let i = RecordSnapshot.kinds.firstIndex(of: kind)!
            let read = part(i, empty: [:], SnapshotTables.records(kind, count: parts[i].count, one))
            return RecordTable(stored: StoredTable(count: parts[i].count) { read.value })
        }
        func grouped<R: Identifiable<String> & Sendable>(
            _ kind: RecordKind, _ group: WritableKeyPath<R, String> & Sendable, _ one: @escaping SnapshotTables.One<R>
        ) throws(SnapshotReader.Damaged) -> (RecordTable<R>, RecordTable<[String]>, SnapshotPart<SnapshotTables.Grouped<R>>) {
            let i = RecordSnapshot.kinds.firstIndex(of: kind)!
            var peek = parts[i].reader
            let groups = try peek.count()
            let read = part(
                i, empty: SnapshotTables.Grouped<R>(),
                SnapshotTables.grouped(
                    kind, count: parts[i].count, group: { $0[keyPath: group] }, setGroup: { $0[keyPath: group] = $1 }, one))
            return (
                RecordTable(stored: StoredTable(count: parts[i].count) { read.value.records }),
                RecordTable(stored: StoredTable(count: groups) { read.value.groups }), read
            )
        }
        func few<R: Sendable>(_ kind: RecordKind, _ take: @escaping @Sendable (Record) -> R?) -> SnapshotTables.One<R> {
            SnapshotTables.few(kind, take)
        }
        schools = table(.school, RecordSnapshot.school)
        agencies = table(.agency, RecordSnapshot.agency)
        clusters = table(.cluster, RecordSnapshot.cluster)
        let members: SnapshotPart<SnapshotTables.Grouped<Membership>>
        (memberships, clusterIndex.members, members) = try grouped(.membership, \.cluster, RecordSnapshot.membership)
        clusterIndex.clustersOfMember = RecordTable(
            stored: StoredTable(count: nil) {
                var of: [String: [String]] = [:]
                for m in members.value.records.values { of[m.memberId, default: []].append(m.cluster) }
                return of
            })
        (checkpoints, clusterIndex.checkpoints, _) = try grouped(.checkpoint, \.cluster, RecordSnapshot.checkpoint)
        (goals, clusterIndex.goals, _) = try grouped(.goal, \.cluster, few(.goal) { if case .goal(let x) = $0 { x } else { nil } })
        (measurements, clusterIndex.measurements, _) = try grouped(
            .measurement, \.goal, few(.measurement) { if case .measurement(let x) = $0 { x } else { nil } })
        (actions, clusterIndex.actions, _) = try grouped(
            .action, \.cluster, few(.action) { if case .action(let x) = $0 { x } else { nil } })
        (agreements, clusterIndex.agreements, _) = try grouped(
            .agreement, \.cluster, few(.agreement) { if case .agreement(let x) = $0 { x } else { nil } })
        (assessments, clusterIndex.assessments, _) = try grouped(
            .assessment, \.cluster, few(.assessment) { if case .assessment(let x) = $0 { x } else { nil } })
        links = table(.link, few(.link) { if case .link(let x) = $0 { x } else { nil } })
        let beside = RecordSnapshot.kinds.count
        func rest<V: Sendable>(_ at: Int, _ one: @escaping @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (String, V))
            -> SnapshotPart<[String: V]>
        {
            let count = parts[beside + at].count
            return part(beside + at, empty: [:]) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> [String: V] in
                var all: [String: V] = [:]
                all.reserveCapacity(count)
                for _ in 0..<count {
                    let (key, value) = try one(&r)
                    all[key] = value
                }
                guard all.count == count else { throw SnapshotReader.Damaged(at: r.offset) }
                return all
            }
        }
        let writers = rest(0) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in (try r.text(), try Self.readSide(&r)) }
        fieldWriters = RecordTable(stored: StoredTable(count: parts[beside].count) { writers.value })
        let graves = rest(1) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in
            let record = try RecordSnapshot.read(&r)
            return (record.id, Tombstone(record: record, deletedBy: try Self.readSide(&r)))
        }
        tombstones = RecordTable(stored: StoredTable(count: parts[beside + 1].count) { graves.value })
        let open = rest(2) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in
            let kind = try r.word(in: RecordSnapshot.kinds)
            let record = try r.text()
            let field = try r.text()
            let kept = try Self.readSide(&r)
            var others: [Conflict.Side] = []
            for _ in 0..<(try r.count()) { others.append(try Self.readSide(&r)) }
            let conflict = Conflict(kind: kind, record: record, field: field, kept: kept, others: others, recordDeleted: try r.bool())
            return (conflict.key, conflict)
        }
        conflicts = RecordTable(stored: StoredTable(count: parts[beside + 2].count) { open.value })
        conflictedRecords = RecordTable(
            stored: StoredTable(count: nil) {
                var counts: [String: Int] = [:]
                for c in open.value.values { counts[c.record, default: 0] += 1 }
                return counts
            })
        let order = rest(3) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) in (try r.text(), try r.number()) }
        measurementOrder = RecordTable(stored: StoredTable(count: parts[beside + 3].count) { order.value })
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

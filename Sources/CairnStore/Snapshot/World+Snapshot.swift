import CairnCore
import Foundation

/// The world written whole into a snapshot and read back: every record, and what the fold
/// keeps beside them to judge later edits (who last set each field, deleted records, open
/// conflicts) and the order measurements were recorded in, so that a world read back folds the journal's tail exactly as the full read would.
extension World {
    package func writeSnapshot(to w: inout SnapshotWriter) {
        // Even the revision is checksummed: a changed one would pass for a world that lists
        // built from the first look still fit (`AppState.takeWholeWorld`).
        var head = SnapshotWriter(capacity: 16)
        head.number(revision)
        w.section(head)
        // Each kind is a section with its length, so that a read can take them on both cores.
        func records<R>(_ table: [String: R], _ wrap: (R) -> Record) {
            var section = SnapshotWriter(capacity: table.count * 128)
            for r in table.values { RecordSnapshot.write(wrap(r), to: &section) }
            w.number(table.count)
            w.section(section)
        }
        records(schools, Record.school)
        records(agencies, Record.agency)
        records(clusters, Record.cluster)
        records(memberships, Record.membership)
        // Cluster by cluster, so that a read finds each cluster's checkpoints in one run.
        var section = SnapshotWriter(capacity: checkpoints.count * 128)
        for group in checkpointsByCluster.values {
            for c in group { RecordSnapshot.write(.checkpoint(c), to: &section) }
        }
        w.number(checkpoints.count)
        w.section(section)
        records(goals, Record.goal)
        records(measurements, Record.measurement)
        records(actions, Record.action)
        records(agreements, Record.agreement)
        records(assessments, Record.assessment)
        // What the fold keeps beside the records, as one more part.
        var rest = SnapshotWriter(capacity: fieldWriters.count * 64)
        rest.number(fieldWriters.count)
        for (key, side) in fieldWriters {
            rest.text(key)
            Self.write(side, to: &rest)
        }
        rest.number(tombstones.count)
        for t in tombstones.values {
            RecordSnapshot.write(t.record, to: &rest)
            Self.write(t.deletedBy, to: &rest)
        }
        rest.number(conflicts.count)
        for c in conflicts.values {
            rest.word(c.kind, in: RecordSnapshot.kinds)
            rest.text(c.record)
            rest.text(c.field)
            Self.write(c.kept, to: &rest)
            rest.number(c.others.count)
            for side in c.others { Self.write(side, to: &rest) }
            rest.bool(c.recordDeleted)
        }
        rest.number(measurementsRecorded)
        rest.number(measurementOrder.count)
        for (id, order) in measurementOrder {
            rest.text(id)
            rest.number(order)
        }
        w.section(rest)
    }

    package init(snapshot r: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        self.init()
        var head = try r.section()
        revision = try head.number()
        guard head.isAtEnd else { throw SnapshotReader.Damaged(at: r.offset) }
        var sections: [(count: Int, reader: SnapshotReader, sum: UInt64)] = []
        for _ in RecordSnapshot.kinds {
            let count = try r.count()
            let (part, sum) = try r.uncheckedSection()
            sections.append((count, part, sum))
        }
        let tables = SnapshotTables()
        nonisolated(unsafe) let shared = sections
        // Each part is checked on the core that reads it.
        DispatchQueue.concurrentPerform(iterations: sections.count) { k in
            var reader = shared[k].reader
            guard reader.checked(shared[k].sum) else { return tables.fail() }
            tables.read(RecordSnapshot.kinds[k], count: shared[k].count, from: &reader)
        }
        if tables.damaged { throw SnapshotReader.Damaged(at: r.offset) }
        schools = tables.schools
        agencies = tables.agencies
        clusters = tables.clusters
        memberships = tables.memberships
        checkpoints = tables.checkpoints
        goals = tables.goals
        measurements = tables.measurements
        actions = tables.actions
        agreements = tables.agreements
        assessments = tables.assessments
        var rest = try r.section()
        let writers = try rest.count()
        fieldWriters.reserveCapacity(writers)
        for _ in 0..<writers {
            let key = try rest.text()
            fieldWriters[key] = try Self.readSide(&rest)
        }
        for _ in 0..<(try rest.count()) {
            let record = try RecordSnapshot.read(&rest)
            tombstones[record.id] = Tombstone(record: record, deletedBy: try Self.readSide(&rest))
        }
        for _ in 0..<(try rest.count()) {
            let kind = try rest.word(in: RecordSnapshot.kinds)
            let record = try rest.text()
            let field = try rest.text()
            let kept = try Self.readSide(&rest)
            var others: [Conflict.Side] = []
            for _ in 0..<(try rest.count()) { others.append(try Self.readSide(&rest)) }
            let conflict = Conflict(
                kind: kind, record: record, field: field, kept: kept, others: others, recordDeleted: try rest.bool())
            conflicts[conflict.key] = conflict
            conflictedRecords[record, default: 0] += 1
        }
        measurementsRecorded = try rest.number()
        let orders = try rest.count()
        measurementOrder.reserveCapacity(orders)
        for _ in 0..<orders {
            let id = try rest.text()
            measurementOrder[id] = try rest.number()
        }
        guard rest.isAtEnd else { throw SnapshotReader.Damaged(at: rest.offset) }
        // The tables were set whole, not record by record: their index is built once, here.
        reindex(checkpointsByCluster: tables.checkpointsByCluster)
    }

    /// The clusters and health checks of a snapshot's world, every other kind left unread:
    /// with the snapshot's `FirstLook`, all that Home's first frame draws from. Not a world to
    /// fold into, query or write: it stands in only until the whole one is read.
    package static func firstLookWorld(snapshot r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> World {
        var world = World()
        var head = try r.section()
        world.revision = try head.number()
        guard head.isAtEnd else { throw SnapshotReader.Damaged(at: r.offset) }
        let tables = SnapshotTables()
        for kind in RecordSnapshot.kinds {
            let count = try r.count()
            var (part, sum) = try r.uncheckedSection()
            guard kind == .cluster || kind == .assessment else { continue }
            guard part.checked(sum) else { throw SnapshotReader.Damaged(at: r.offset) }
            tables.read(kind, count: count, from: &part)
        }
        if tables.damaged { throw SnapshotReader.Damaged(at: r.offset) }
        world.clusters = tables.clusters
        world.assessments = tables.assessments
        world.reindex()
        return world
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

/// The tables of a snapshot as each is read, on whichever core takes it: every kind writes
/// only its own table.
private final class SnapshotTables: @unchecked Sendable {
    var schools: [String: School] = [:]
    var agencies: [String: Agency] = [:]
    var clusters: [String: Cluster] = [:]
    var memberships: [String: Membership] = [:]
    var checkpoints: [String: Checkpoint] = [:]
    /// The checkpoints grouped by cluster as they are read (`World.reindex(checkpointsByCluster:)`).
    var checkpointsByCluster: [String: [Checkpoint]] = [:]
    var goals: [String: Goal] = [:]
    var measurements: [String: CairnCore.Measurement] = [:]
    var actions: [String: Action] = [:]
    var agreements: [String: Agreement] = [:]
    var assessments: [String: Assessment] = [:]
    private let lock = NSLock()
    private var failed = false
    var damaged: Bool { lock.withLock { failed } }
    func fail() { lock.withLock { failed = true } }

    func read(_ kind: RecordKind, count: Int, from r: inout SnapshotReader) {
        func fill<R: Identifiable<String>>(
            _ table: inout [String: R], _ one: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> R
        ) throws(SnapshotReader.Damaged) {
            table.reserveCapacity(count)
            for _ in 0..<count {
                guard try r.word(in: RecordSnapshot.kinds) == kind else { throw SnapshotReader.Damaged(at: r.offset) }
                let record = try one(&r)
                table[record.id] = consume record
            }
            guard r.isAtEnd else { throw SnapshotReader.Damaged(at: r.offset) }
        }
        /// One of the few kinds kept as fields, taken out of its `Record`.
        func few<R>(_ take: @escaping (Record) -> R?) -> (inout SnapshotReader) throws(SnapshotReader.Damaged) -> R {
            { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> R in
                let at = r.offset
                guard let x = take(try RecordSnapshot.byFields(kind, &r)) else { throw SnapshotReader.Damaged(at: at) }
                return x
            }
        }
        do {
            switch kind {
            case .school: try fill(&schools, RecordSnapshot.school)
            case .agency: try fill(&agencies, RecordSnapshot.agency)
            case .cluster: try fill(&clusters, RecordSnapshot.cluster)
            case .membership: try fill(&memberships, RecordSnapshot.membership)
            case .checkpoint:
                // Each run of one cluster's checkpoints (a snapshot writes them cluster by
                // cluster) goes to its group at once: one lookup a cluster, not one a checkpoint.
                var run: [Checkpoint] = []
                func close() {
                    guard let cluster = run.first?.cluster else { return }
                    checkpointsByCluster[cluster, default: []].append(contentsOf: run)
                    run.removeAll(keepingCapacity: true)
                }
                try fill(&checkpoints) { (r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Checkpoint in
                    let c = try RecordSnapshot.checkpoint(&r)
                    if let last = run.last, last.cluster != c.cluster { close() }
                    run.append(c)
                    return c
                }
                close()
            case .goal: try fill(&goals, few { if case .goal(let x) = $0 { x } else { nil } })
            case .measurement: try fill(&measurements, few { if case .measurement(let x) = $0 { x } else { nil } })
            case .action: try fill(&actions, few { if case .action(let x) = $0 { x } else { nil } })
            case .agreement: try fill(&agreements, few { if case .agreement(let x) = $0 { x } else { nil } })
            case .assessment: try fill(&assessments, few { if case .assessment(let x) = $0 { x } else { nil } })
            }
        } catch {
            lock.withLock { failed = true }
        }
    }
}

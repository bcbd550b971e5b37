import Foundation

/// The world written whole into a snapshot and read back: every record, and what the fold
/// keeps beside them to judge later edits (who last set each field, deleted records, open
/// conflicts), so that a world read back folds the journal's tail exactly as the full read would.
extension World {
    public func writeSnapshot(to w: inout SnapshotWriter) {
        w.number(revision)
        // Each kind is a section with its length, so that a read can take them on both cores.
        func records<R>(_ table: [String: R], _ wrap: (R) -> Record) {
            var section = SnapshotWriter(capacity: table.count * 128)
            for r in table.values { RecordSnapshot.write(wrap(r), to: &section) }
            w.number(table.count)
            w.number(section.bytes.count)
            w.raw(section.bytes)
        }
        records(schools, Record.school)
        records(agencies, Record.agency)
        records(clusters, Record.cluster)
        records(memberships, Record.membership)
        records(checkpoints, Record.checkpoint)
        records(goals, Record.goal)
        records(measurements, Record.measurement)
        records(actions, Record.action)
        records(agreements, Record.agreement)
        records(assessments, Record.assessment)
        w.number(fieldWriters.count)
        for (key, side) in fieldWriters {
            w.text(key)
            Self.write(side, to: &w)
        }
        w.number(tombstones.count)
        for t in tombstones.values {
            RecordSnapshot.write(t.record, to: &w)
            Self.write(t.deletedBy, to: &w)
        }
        w.number(conflicts.count)
        for c in conflicts.values {
            w.word(c.kind, in: RecordSnapshot.kinds)
            w.text(c.record)
            w.text(c.field)
            Self.write(c.kept, to: &w)
            w.number(c.others.count)
            for side in c.others { Self.write(side, to: &w) }
            w.bool(c.recordDeleted)
        }
    }

    public init(snapshot r: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        self.init()
        revision = try r.number()
        var sections: [(count: Int, reader: SnapshotReader)] = []
        for _ in RecordSnapshot.kinds {
            let count = try r.count()
            let length = try r.count()
            sections.append((count, r.section(length)))
            r.skip(length)
        }
        let tables = SnapshotTables()
        nonisolated(unsafe) let shared = sections
        DispatchQueue.concurrentPerform(iterations: sections.count) { k in
            var reader = shared[k].reader
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
        for _ in 0..<(try r.count()) {
            let key = try r.text()
            fieldWriters[key] = try Self.readSide(&r)
        }
        for _ in 0..<(try r.count()) {
            let record = try RecordSnapshot.read(&r)
            tombstones[record.id] = Tombstone(record: record, deletedBy: try Self.readSide(&r))
        }
        for _ in 0..<(try r.count()) {
            let kind = try r.word(in: RecordSnapshot.kinds)
            let record = try r.text()
            let field = try r.text()
            let kept = try Self.readSide(&r)
            var others: [Conflict.Side] = []
            for _ in 0..<(try r.count()) { others.append(try Self.readSide(&r)) }
            let conflict = Conflict(
                kind: kind, record: record, field: field, kept: kept, others: others, recordDeleted: try r.bool())
            conflicts[conflict.key] = conflict
            conflictedRecords[record, default: 0] += 1
        }
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
    var goals: [String: Goal] = [:]
    var measurements: [String: Measurement] = [:]
    var actions: [String: Action] = [:]
    var agreements: [String: Agreement] = [:]
    var assessments: [String: Assessment] = [:]
    private let lock = NSLock()
    private var failed = false
    var damaged: Bool { lock.withLock { failed } }

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
            case .checkpoint: try fill(&checkpoints, RecordSnapshot.checkpoint)
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

/// The world written whole into a snapshot and read back: every record, and what the fold
/// keeps beside them to judge later edits (who last set each field, deleted records, open
/// conflicts), so that a world read back folds the journal's tail exactly as the full read would.
extension World {
    public func writeSnapshot(to w: inout SnapshotWriter) {
        w.number(revision)
        func records<R>(_ table: [String: R], _ wrap: (R) -> Record) {
            w.number(table.count)
            for r in table.values { RecordSnapshot.write(wrap(r), to: &w) }
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
        for kind in RecordSnapshot.kinds {
            let n = try r.count()
            reserveCapacity([kind: n])
            for _ in 0..<n {
                let at = r.offset
                let record = try RecordSnapshot.read(&r)
                guard record.kind == kind else { throw SnapshotReader.Damaged(at: at) }
                put(record)
            }
        }
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

    /// Puts a record read from a snapshot in its table, without counting a revision.
    private mutating func put(_ record: Record) {
        switch record {
        case .school(let x): schools[x.id] = x
        case .agency(let x): agencies[x.id] = x
        case .cluster(let x): clusters[x.id] = x
        case .membership(let x): memberships[x.id] = x
        case .checkpoint(let x): checkpoints[x.id] = x
        case .goal(let x): goals[x.id] = x
        case .measurement(let x): measurements[x.id] = x
        case .action(let x): actions[x.id] = x
        case .agreement(let x): agreements[x.id] = x
        case .assessment(let x): assessments[x.id] = x
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

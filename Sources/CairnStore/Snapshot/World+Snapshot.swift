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
        // A kind the per-cluster index groups goes as its groups: how many, then each group's
        // size and records, in the index's order, so that a read takes each as it is: nothing
        // sorted, regrouped or compared. (A record the index lacked would leave the kind's
        // count unmet: the read refuses the snapshot.)
        func grouped<R>(_ table: [String: R], _ groups: [String: [String]], _ wrap: (R) -> Record) {
            var section = SnapshotWriter(capacity: table.count * 128)
            section.number(groups.count)
            for ids in groups.values {
                let records = ids.compactMap { table[$0] }
                section.number(records.count)
                for r in records { RecordSnapshot.write(wrap(r), to: &section) }
            }
            w.number(table.count)
            w.section(section)
        }
        records(schools, Record.school)
        records(agencies, Record.agency)
        records(clusters, Record.cluster)
        grouped(memberships, clusterIndex.members, Record.membership)
        grouped(checkpoints, clusterIndex.checkpoints, Record.checkpoint)
        grouped(goals, clusterIndex.goals, Record.goal)
        grouped(measurements, clusterIndex.measurements, Record.measurement)
        grouped(actions, clusterIndex.actions, Record.action)
        grouped(agreements, clusterIndex.agreements, Record.agreement)
        grouped(assessments, clusterIndex.assessments, Record.assessment)
        records(links, Record.link)
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
        // The largest parts first: a core takes the next part as it finishes one, and the
        // checkpoints taken after the schools, on one core, were the whole read's length.
        let largestFirst = sections.indices.sorted { sections[$0].reader.length > sections[$1].reader.length }
        // Each part is checked on the core that reads it.
        DispatchQueue.concurrentPerform(iterations: sections.count) { i in
            let k = largestFirst[i]
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
        links = tables.links
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
        // The tables were set whole, not record by record: their index is the groups as read.
        clusterIndex = tables.index
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

import CairnCore

/// The first look as a snapshot holds it: the counts, then each cluster's next open checkpoint;
/// the clusters and their health checks are the world's own tables, read alone.
extension FirstLook {
    /// Fills the clusters and health checks from the world's part of a snapshot, every other
    /// kind left unread.
    package mutating func readTables(snapshot r: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        _ = try r.section()  // the world's head: its revision
        let tables = SnapshotTables()
        for kind in RecordSnapshot.kinds {
            let count = try r.count()
            var (part, sum) = try r.uncheckedSection()
            guard kind == .cluster || kind == .assessment else { continue }
            guard part.checked(sum) else { throw SnapshotReader.Damaged(at: r.offset) }
            tables.read(kind, count: count, from: &part)
        }
        if tables.damaged { throw SnapshotReader.Damaged(at: r.offset) }
        clusters = tables.clusters
        assessments = tables.assessments
    }

    package func writeSnapshot(to w: inout SnapshotWriter) {
        for n in [schools, agencies, checkpoints, goals, conflicts] { w.number(n) }
        w.number(nextDue.count)
        for c in nextDue.values { RecordSnapshot.write(.checkpoint(c), to: &w) }
    }

    package init(snapshot r: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        self.init()
        func tally() throws(SnapshotReader.Damaged) -> Int {
            let n = try r.number()
            guard n >= 0 else { throw SnapshotReader.Damaged(at: r.offset) }
            return n
        }
        schools = try tally()
        agencies = try tally()
        checkpoints = try tally()
        goals = try tally()
        conflicts = try tally()
        let count = try r.count()
        nextDue.reserveCapacity(count)
        for _ in 0..<count {
            guard try r.word(in: RecordSnapshot.kinds) == .checkpoint else { throw SnapshotReader.Damaged(at: r.offset) }
            let c = try RecordSnapshot.checkpoint(&r)
            nextDue[c.cluster] = c
        }
    }
}

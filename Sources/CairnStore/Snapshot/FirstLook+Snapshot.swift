import CairnCore

/// The first look as a snapshot holds it: the counts, then each cluster's next open checkpoint.
extension FirstLook {
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

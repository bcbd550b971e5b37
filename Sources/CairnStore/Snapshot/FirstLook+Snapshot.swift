import CairnCore

/// The first look as a snapshot holds it: the counts, then each cluster's next open checkpoint;
/// the clusters and their health checks are the world's own tables, read alone.
extension FirstLook {
    /// Fills the clusters and health checks from the world's part of a snapshot, every other
    /// kind left unread.
    /// `readTables` of a world's snapshot written alone, with no seal (as the tests write one).
    package mutating func readTables(world bytes: [UInt8]) throws(SnapshotReader.Damaged) {
        try readTables(snapshot: SnapshotBytes(copying: bytes), at: 0, seal: 0)
    }

    mutating func readTables(snapshot bytes: SnapshotBytes, at start: Int, seal: UInt64) throws(SnapshotReader.Damaged) {
        var offset = start
        let layout = try SnapshotLayout(bytes, at: &offset, seal: seal)
        for (kind, part) in zip(RecordSnapshot.kinds, layout.parts) where kind == .cluster || kind == .assessment {
            let count = part.count
            guard let read = bytes.checked(part.body, seal: seal) else { throw SnapshotReader.Damaged(at: offset) }
            try withExtendedLifetime(read) { () throws(SnapshotReader.Damaged) in
                var part = SnapshotReader(read)
                if kind == .cluster {
                    clusters = try SnapshotTables.records(.cluster, count: count, RecordSnapshot.cluster)(&part)
                } else {
                    let one = SnapshotTables.few(.assessment) { if case .assessment(let x) = $0 { x } else { nil } }
                    assessments = try SnapshotTables.grouped(
                        .assessment, count: count, group: \.cluster, setGroup: { $0.cluster = $1 }, one)(&part).records
                }
                guard part.isAtEnd else { throw SnapshotReader.Damaged(at: part.offset) }
            }
        }
    }

    package func writeSnapshot(to w: inout SnapshotWriter) {
        for n in [schools, agencies, checkpoints, goals, conflicts] { w.number(n) }
        w.bool(groupings)
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
        groupings = try r.bool()
        let count = try r.count()
        nextDue.reserveCapacity(count)
        for _ in 0..<count {
            guard try r.word(in: RecordSnapshot.kinds) == .checkpoint else { throw SnapshotReader.Damaged(at: r.offset) }
            let c = try RecordSnapshot.checkpoint(&r)
            nextDue[c.cluster] = c
        }
    }
}

import CairnCore

/// The first look as a snapshot holds it: the counts, then each cluster's next open checkpoint;
/// the clusters and their health checks are the world's own tables, read alone.
extension FirstLook {
    /// Fills the clusters and health checks from the world's part of a snapshot, every other
    /// kind left unread.
    package mutating func readTables(snapshot r: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        var head = try r.section()  // the world's head: its revision and its parts' counts
        _ = try head.number()
        _ = try head.number()
        let counts = try World.partCounts(&head)
        for (i, (kind, count)) in zip(RecordSnapshot.kinds, counts).enumerated() {
            var (part, sum) = try r.uncheckedSection()
            for _ in 0..<World.keySections(i) { _ = try r.uncheckedSection() }
            guard count <= part.length else { throw SnapshotReader.Damaged(at: r.offset) }
            guard kind == .cluster || kind == .assessment else { continue }
            guard part.checked(sum) else { throw SnapshotReader.Damaged(at: r.offset) }
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

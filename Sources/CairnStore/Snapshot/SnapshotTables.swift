import CairnCore
import Foundation

/// The tables of a snapshot as each is read, on whichever core takes it: every kind writes
/// only its own table, and its own groups of the per-cluster index.
final class SnapshotTables: @unchecked Sendable {
    var schools: [String: School] = [:]
    var agencies: [String: Agency] = [:]
    var clusters: [String: Cluster] = [:]
    var memberships: [String: Membership] = [:]
    var checkpoints: [String: Checkpoint] = [:]
    var goals: [String: Goal] = [:]
    var measurements: [String: CairnCore.Measurement] = [:]
    var actions: [String: Action] = [:]
    var agreements: [String: Agreement] = [:]
    var assessments: [String: Assessment] = [:]
    var links: [String: Link] = [:]
    // A field each, so that the cores reading two kinds never write the same one.
    private var members: [String: [String]] = [:]
    private var clustersOfMember: [String: [String]] = [:]
    private var checkpointGroups: [String: [String]] = [:]
    private var goalGroups: [String: [String]] = [:]
    private var measurementGroups: [String: [String]] = [:]
    private var actionGroups: [String: [String]] = [:]
    private var agreementGroups: [String: [String]] = [:]
    private var assessmentGroups: [String: [String]] = [:]
    private let lock = NSLock()
    private var failed = false

    var damaged: Bool { lock.withLock { failed } }
    func fail() { lock.withLock { failed = true } }

    /// The per-cluster index of the tables read, once every part is.
    var index: ClusterIndex {
        var index = ClusterIndex()
        index.members = members
        index.clustersOfMember = clustersOfMember
        index.checkpoints = checkpointGroups
        index.goals = goalGroups
        index.measurements = measurementGroups
        index.actions = actionGroups
        index.agreements = agreementGroups
        index.assessments = assessmentGroups
        return index
    }

    /// Reads the `count` records of one kind's part (`World.writeSnapshot`) into its table.
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
        /// `fill` for a kind written as its groups: each group's ids kept as they come, and
        /// the group's id shared by its records (one string a cluster, not one a checkpoint).
        func fill<R: Identifiable<String>>(
            _ table: inout [String: R], groups: inout [String: [String]], by group: WritableKeyPath<R, String>,
            _ one: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> R
        ) throws(SnapshotReader.Damaged) {
            table.reserveCapacity(count)
            let n = try r.count()
            var read = 0
            var all: [String: [String]] = [:]
            all.reserveCapacity(n)
            for _ in 0..<n {
                let size = try r.count()
                guard size > 0 else { throw SnapshotReader.Damaged(at: r.offset) }
                var ids: [String] = []
                ids.reserveCapacity(size)
                var key = ""
                for i in 0..<size {
                    guard try r.word(in: RecordSnapshot.kinds) == kind else { throw SnapshotReader.Damaged(at: r.offset) }
                    var record = try one(&r)
                    if i == 0 {
                        key = record[keyPath: group]
                    } else {
                        // Written from an index the world keeps current: its groups are checked
                        // against the records in debug builds (the tests), taken as they are here.
                        assert(record[keyPath: group] == key, "a snapshot's group holds a record of another group")
                        record[keyPath: group] = key
                    }
                    ids.append(record.id)
                    table[record.id] = consume record
                }
                guard all.updateValue(ids, forKey: key) == nil else { throw SnapshotReader.Damaged(at: r.offset) }
                read += size
            }
            guard read == count, table.count == count, r.isAtEnd else { throw SnapshotReader.Damaged(at: r.offset) }
            groups = all
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
            case .membership:
                try fill(&memberships, groups: &members, by: \.cluster, RecordSnapshot.membership)
                var of: [String: [String]] = [:]
                of.reserveCapacity(memberships.count)
                for m in memberships.values { of[m.memberId, default: []].append(m.cluster) }
                clustersOfMember = of
            case .checkpoint: try fill(&checkpoints, groups: &checkpointGroups, by: \.cluster, RecordSnapshot.checkpoint)
            case .goal: try fill(&goals, groups: &goalGroups, by: \.cluster, few { if case .goal(let x) = $0 { x } else { nil } })
            case .measurement:
                try fill(&measurements, groups: &measurementGroups, by: \.goal, few { if case .measurement(let x) = $0 { x } else { nil } })
            case .action: try fill(&actions, groups: &actionGroups, by: \.cluster, few { if case .action(let x) = $0 { x } else { nil } })
            case .agreement:
                try fill(&agreements, groups: &agreementGroups, by: \.cluster, few { if case .agreement(let x) = $0 { x } else { nil } })
            case .assessment:
                try fill(&assessments, groups: &assessmentGroups, by: \.cluster, few { if case .assessment(let x) = $0 { x } else { nil } })
            case .link: try fill(&links, few { if case .link(let x) = $0 { x } else { nil } })
            }
        } catch {
            fail()
        }
    }
}

/// Each cluster's records, grouped: the per-cluster questions (its members, checkpoints, goals,
/// actions, health checks, a goal's measurements) read a short list instead of scanning the
/// world. An export or a region's report asks them of every cluster in turn: a scan of the
/// world for each would cost the clusters times the checkpoints.
///
/// A plain value the world keeps current through every change it takes (`World.apply`), and
/// copied with it: a copy that changes changes only its own, and nothing is built behind a
/// reader's back, so no reader ever waits on another.
struct ClusterIndex: Sendable, Equatable {
    /// In the order `members(of:)` gives (`World.inMemberOrder`).
    var members: [String: [Membership]] = [:]
    var checkpoints: [String: [Checkpoint]] = [:]
    /// In `World.goalOrder`.
    var goals: [String: [Goal]] = [:]
    /// In `World.actionOrder`.
    var actions: [String: [Action]] = [:]
    var agreements: [String: [Agreement]] = [:]
    /// Newest first.
    var assessments: [String: [Assessment]] = [:]
    /// By goal, in `World.isRecordedBefore`.
    var measurements: [String: [Measurement]] = [:]
    /// The clusters each school or agency takes part in, once for each membership.
    var clustersOfMember: [String: [String]] = [:]

    init() {}

    /// The index of a world whose records were set whole (its checkpoints grouped, when given).
    init(_ w: World, checkpoints grouped: [String: [Checkpoint]]? = nil) {
        members = w.membersByCluster()
        checkpoints = grouped ?? Dictionary(grouping: w.checkpoints.values, by: \.cluster)
        goals = Dictionary(grouping: w.goals.values, by: \.cluster).mapValues { $0.sorted(by: World.goalOrder) }
        actions = Dictionary(grouping: w.actions.values, by: \.cluster).mapValues { $0.sorted(by: World.actionOrder) }
        agreements = Dictionary(grouping: w.agreements.values, by: \.cluster)
        assessments = Dictionary(grouping: w.assessments.values, by: \.cluster).mapValues { $0.sorted(by: Self.newestFirst) }
        measurements = Dictionary(grouping: w.measurements.values, by: \.goal).mapValues { $0.sorted(by: w.isRecordedBefore) }
        for m in w.memberships.values { clustersOfMember[m.memberId, default: []].append(m.cluster) }
    }

    static func newestFirst(_ a: Assessment, _ b: Assessment) -> Bool { (a.date, a.id) > (b.date, b.id) }

    /// Derived from the records, which the world compares: two worlds are equal by their records.
    static func == (a: ClusterIndex, b: ClusterIndex) -> Bool { true }

    /// `old` taken out of its group and `new` put into its own: where `old` stood when the group
    /// is the same and the group has no order, else where `order` places it (last without one).
    static func regroup<R: Identifiable<String>>(
        _ groups: inout [String: [R]], old: (group: String, id: String)?, new: (group: String, record: R)?,
        order: ((R, R) -> Bool)? = nil
    ) {
        if order == nil, let old, let new, old.group == new.group,
            let i = groups[old.group]?.firstIndex(where: { $0.id == old.id })
        {
            groups[old.group]![i] = new.record
            return
        }
        if let old {
            groups[old.group]?.removeAll { $0.id == old.id }
            if groups[old.group]?.isEmpty == true { groups[old.group] = nil }
        }
        guard let new else { return }
        // Taken out while it changes, so that its buffer is never shared and copied.
        var list = groups.removeValue(forKey: new.group) ?? []
        let at = order.flatMap { before in list.firstIndex { before(new.record, $0) } } ?? list.count
        list.insert(new.record, at: at)
        groups[new.group] = list
    }
}

extension World {
    /// Builds the index anew from the records: for a world whose tables were set whole (a
    /// snapshot read), not record by record through `apply`.
    package mutating func reindex() {
        clusterIndex = ClusterIndex(self)
    }

    /// `reindex()` with each cluster's checkpoints already grouped (in any order within a
    /// cluster): a snapshot's reader groups them as it reads them, on the core that reads them,
    /// instead of hashing 100,000 cluster ids again here.
    package mutating func reindex(checkpointsByCluster: [String: [Checkpoint]]) {
        clusterIndex = ClusterIndex(self, checkpoints: checkpointsByCluster)
    }

    /// Each cluster's checkpoints: the order a snapshot writes them in, so that its reader finds
    /// them in runs.
    package var checkpointsByCluster: [String: [Checkpoint]] { clusterIndex.checkpoints }

    // Each of these keeps the index current once `new` has replaced `old` in its table (nil: a
    // record made, or deleted). Each reads the world before it writes the index.

    mutating func index(_ old: Checkpoint?, _ new: Checkpoint?) {
        ClusterIndex.regroup(&clusterIndex.checkpoints, old: old.map { ($0.cluster, $0.id) }, new: new.map { ($0.cluster, $0) })
    }

    mutating func index(_ old: Goal?, _ new: Goal?) {
        ClusterIndex.regroup(
            &clusterIndex.goals, old: old.map { ($0.cluster, $0.id) }, new: new.map { ($0.cluster, $0) }, order: World.goalOrder)
    }

    mutating func index(_ old: Action?, _ new: Action?) {
        ClusterIndex.regroup(
            &clusterIndex.actions, old: old.map { ($0.cluster, $0.id) }, new: new.map { ($0.cluster, $0) }, order: World.actionOrder)
    }

    mutating func index(_ old: Agreement?, _ new: Agreement?) {
        ClusterIndex.regroup(&clusterIndex.agreements, old: old.map { ($0.cluster, $0.id) }, new: new.map { ($0.cluster, $0) })
    }

    mutating func index(_ old: Assessment?, _ new: Assessment?) {
        ClusterIndex.regroup(
            &clusterIndex.assessments, old: old.map { ($0.cluster, $0.id) }, new: new.map { ($0.cluster, $0) },
            order: ClusterIndex.newestFirst)
    }

    /// After the measurement's place in the order of recording is noted (`noteRecorded`).
    mutating func index(_ old: Measurement?, _ new: Measurement?) {
        let recorded = measurementOrder
        ClusterIndex.regroup(
            &clusterIndex.measurements, old: old.map { ($0.goal, $0.id) }, new: new.map { ($0.goal, $0) },
            order: { World.isRecordedBefore($0, $1, order: recorded) })
    }

    mutating func index(_ old: Membership?, _ new: Membership?) {
        if let old {
            ClusterIndex.regroup(&clusterIndex.members, old: (old.cluster, old.id), new: nil)
            if let i = clusterIndex.clustersOfMember[old.memberId]?.firstIndex(of: old.cluster) {
                clusterIndex.clustersOfMember[old.memberId]!.remove(at: i)
                if clusterIndex.clustersOfMember[old.memberId]!.isEmpty { clusterIndex.clustersOfMember[old.memberId] = nil }
            }
        }
        if let new {
            // Its place among the others depends on every member's name: the group sorted anew.
            let members = inMemberOrder((clusterIndex.members[new.cluster] ?? []) + [new])
            clusterIndex.members[new.cluster] = members
            clusterIndex.clustersOfMember[new.memberId, default: []].append(new.cluster)
        }
    }

    /// After a school or agency was made, renamed or deleted: the members of its clusters are
    /// ordered by name.
    mutating func indexMemberRenamed(_ id: String) {
        guard let clusters = clusterIndex.clustersOfMember[id] else { return }
        for c in Set(clusters) {
            let members = inMemberOrder(clusterIndex.members[c] ?? [])
            clusterIndex.members[c] = members
        }
    }
}

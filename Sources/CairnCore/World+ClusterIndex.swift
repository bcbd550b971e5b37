/// Each cluster's records, grouped by id: the per-cluster questions (its members, checkpoints,
/// goals, actions, health checks, a goal's measurements) read a short list instead of scanning
/// the world. An export or a region's report asks them of every cluster in turn: a scan of the
/// world for each would cost the clusters times the checkpoints.
///
/// A plain value the world keeps current through every change it takes (`World.apply`), and
/// copied with it: a copy that changes changes only its own, and nothing is built behind a
/// reader's back, so no reader ever waits on another. It holds ids, not records: a copy of
/// every checkpoint would cost as much memory again as the checkpoints' table, and a put that
/// leaves a checkpoint in its cluster has nothing to change here.
package struct ClusterIndex: Sendable, Equatable {
    /// Membership ids, in the order `members(of:)` gives (`World.inMemberOrder`).
    package var members = RecordTable<[String]>()
    package var checkpoints = RecordTable<[String]>()
    /// In `World.goalOrder`.
    package var goals = RecordTable<[String]>()
    /// In `World.actionOrder`.
    package var actions = RecordTable<[String]>()
    package var agreements = RecordTable<[String]>()
    /// Newest first.
    package var assessments = RecordTable<[String]>()
    /// By goal, in `World.isRecordedBefore`.
    package var measurements = RecordTable<[String]>()
    /// The clusters each school or agency takes part in, once for each membership.
    package var clustersOfMember = RecordTable<[String]>()

    package init() {}

    /// The index of a world, built from its records.
    package init(_ w: World) {
        func ids<R: Identifiable<String>>(
            _ table: RecordTable<R>, by group: (R) -> String, order: ((R, R) -> Bool)? = nil
        ) -> RecordTable<[String]> {
            RecordTable(
                Dictionary(grouping: table.values, by: group).mapValues { list in (order.map { list.sorted(by: $0) } ?? list).map(\.id) })
        }
        members = RecordTable(Dictionary(grouping: w.memberships.values, by: \.cluster).mapValues { w.inMemberOrder($0).map(\.id) })
        checkpoints = ids(w.checkpoints, by: \.cluster)
        goals = ids(w.goals, by: \.cluster, order: World.goalOrder)
        actions = ids(w.actions, by: \.cluster, order: World.actionOrder)
        agreements = ids(w.agreements, by: \.cluster)
        assessments = ids(w.assessments, by: \.cluster, order: Self.newestFirst)
        measurements = ids(w.measurements, by: \.goal, order: w.isRecordedBefore)
        for m in w.memberships.values { clustersOfMember[m.memberId, default: []].append(m.cluster) }
    }

    static func newestFirst(_ a: Assessment, _ b: Assessment) -> Bool { (a.date, a.id) > (b.date, b.id) }

    /// Derived from the records, which the world compares: two worlds are equal by their records.
    package static func == (a: ClusterIndex, b: ClusterIndex) -> Bool { true }

    /// Whether both hold the same groups: those that keep an order in that order, the others
    /// as sets (their order is the dictionary's, and no question depends on it).
    package func holdsTheSameGroups(as other: ClusterIndex) -> Bool {
        func sets(_ g: RecordTable<[String]>) -> [String: Set<String>] { g.dictionary.mapValues { Set($0) } }
        func counted(_ g: RecordTable<[String]>) -> [String: [String]] { g.dictionary.mapValues { $0.sorted() } }
        return members == other.members && sets(checkpoints) == sets(other.checkpoints) && goals == other.goals
            && actions == other.actions && sets(agreements) == sets(other.agreements) && assessments == other.assessments
            && measurements == other.measurements && counted(clustersOfMember) == counted(other.clustersOfMember)
    }

    /// `old` taken out of its group and `new` put into its own: where `order` places it (last
    /// without one). Nothing moves when the group is the same and has no order.
    static func regroup(
        _ groups: inout RecordTable<[String]>, id: String, old: String?, new: String?, order: ((String, String) -> Bool)? = nil
    ) {
        if order == nil, old == new { return }
        if let old {
            groups[old]?.removeAll { $0 == id }
            if groups[old]?.isEmpty == true { groups[old] = nil }
        }
        guard let new else { return }
        // Taken out while it changes, so that its buffer is never shared and copied.
        var list = groups.removeValue(forKey: new) ?? []
        let at = order.flatMap { before in list.firstIndex { before(id, $0) } } ?? list.count
        list.insert(id, at: at)
        groups[new] = list
    }
}

extension World {
    /// The records of `table` the ids name, in their order.
    func records<R>(_ ids: [String]?, in table: RecordTable<R>) -> [R] {
        (ids ?? []).compactMap { table[$0] }
    }

    // Each of these keeps the index current once `new` has replaced `old` in its table (nil: a
    // record made, or deleted). Each reads the world before it writes the index.

    mutating func index(_ old: Checkpoint?, _ new: Checkpoint?) {
        guard let id = new?.id ?? old?.id else { return }
        ClusterIndex.regroup(&clusterIndex.checkpoints, id: id, old: old?.cluster, new: new?.cluster)
    }

    mutating func index(_ old: Goal?, _ new: Goal?) {
        guard let id = new?.id ?? old?.id else { return }
        let table = goals
        ClusterIndex.regroup(&clusterIndex.goals, id: id, old: old?.cluster, new: new?.cluster, order: Self.idOrder(table, World.goalOrder))
    }

    mutating func index(_ old: Action?, _ new: Action?) {
        guard let id = new?.id ?? old?.id else { return }
        let table = actions
        ClusterIndex.regroup(
            &clusterIndex.actions, id: id, old: old?.cluster, new: new?.cluster, order: Self.idOrder(table, World.actionOrder))
    }

    mutating func index(_ old: Agreement?, _ new: Agreement?) {
        guard let id = new?.id ?? old?.id else { return }
        ClusterIndex.regroup(&clusterIndex.agreements, id: id, old: old?.cluster, new: new?.cluster)
    }

    mutating func index(_ old: Assessment?, _ new: Assessment?) {
        guard let id = new?.id ?? old?.id else { return }
        let table = assessments
        ClusterIndex.regroup(
            &clusterIndex.assessments, id: id, old: old?.cluster, new: new?.cluster, order: Self.idOrder(table, ClusterIndex.newestFirst))
    }

    /// After the measurement's place in the order of recording is noted (`noteRecorded`).
    mutating func index(_ old: Measurement?, _ new: Measurement?) {
        guard let id = new?.id ?? old?.id else { return }
        let table = measurements
        let recorded = measurementOrder
        ClusterIndex.regroup(
            &clusterIndex.measurements, id: id, old: old?.goal, new: new?.goal,
            order: Self.idOrder(table) { World.isRecordedBefore($0, $1, order: recorded) })
    }

    /// An order of records as an order of their ids in `table`, which holds every id of a group.
    private static func idOrder<R>(_ table: RecordTable<R>, _ order: @escaping (R, R) -> Bool) -> (String, String) -> Bool {
        { a, b in
            guard let x = table[a], let y = table[b] else { return a < b }
            return order(x, y)
        }
    }

    mutating func index(_ old: Membership?, _ new: Membership?) {
        if let old {
            ClusterIndex.regroup(&clusterIndex.members, id: old.id, old: old.cluster, new: nil)
            if let i = clusterIndex.clustersOfMember[old.memberId]?.firstIndex(of: old.cluster) {
                clusterIndex.clustersOfMember[old.memberId]!.remove(at: i)
                if clusterIndex.clustersOfMember[old.memberId]!.isEmpty { clusterIndex.clustersOfMember[old.memberId] = nil }
            }
        }
        if let new {
            // Its place among the others depends on every member's name: the group sorted anew.
            let members = inMemberOrder(records(clusterIndex.members[new.cluster], in: memberships) + [new]).map(\.id)
            clusterIndex.members[new.cluster] = members
            clusterIndex.clustersOfMember[new.memberId, default: []].append(new.cluster)
        }
    }

    /// After a school or agency was made, renamed or deleted: the members of its clusters are
    /// ordered by name.
    mutating func indexMemberRenamed(_ id: String) {
        guard let clusters = clusterIndex.clustersOfMember[id] else { return }
        for c in Set(clusters) {
            let members = inMemberOrder(records(clusterIndex.members[c], in: memberships)).map(\.id)
            clusterIndex.members[c] = members
        }
    }
}

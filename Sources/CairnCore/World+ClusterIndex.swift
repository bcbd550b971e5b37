import Synchronization

/// Each cluster's records, grouped once: the per-cluster questions (its members, checkpoints,
/// goals, actions, health checks, a goal's measurements) read a short list instead of scanning
/// the world. An export or a region's report asks them of every cluster in turn: a scan of
/// the world for each would cost the clusters times the checkpoints.
struct ClusterIndex: Sendable {
    var members: [String: [Membership]] = [:]
    var checkpoints: [String: [Checkpoint]] = [:]
    var goals: [String: [Goal]] = [:]
    var actions: [String: [Action]] = [:]
    var agreements: [String: [Agreement]] = [:]
    var assessments: [String: [Assessment]] = [:]
    var measurements: [String: [Measurement]] = [:]
    /// The clusters each school or agency takes part in.
    var clustersOfMember: [String: [String]] = [:]

    init(_ w: World) {
        members = w.membersByCluster()
        checkpoints = Dictionary(grouping: w.checkpoints.values, by: \.cluster)
        goals = Dictionary(grouping: w.goals.values, by: \.cluster).mapValues { $0.sorted(by: World.goalOrder) }
        actions = Dictionary(grouping: w.actions.values, by: \.cluster).mapValues { $0.sorted(by: World.actionOrder) }
        agreements = Dictionary(grouping: w.agreements.values, by: \.cluster)
        assessments = Dictionary(grouping: w.assessments.values, by: \.cluster).mapValues {
            $0.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        }
        measurements = Dictionary(grouping: w.measurements.values, by: \.goal).mapValues { $0.sorted(by: w.isRecordedBefore) }
        for m in w.memberships.values { clustersOfMember[m.memberId, default: []].append(m.cluster) }
    }
}

/// Where a world keeps its index once built. Any change to the world lets go of it (see
/// `World.revision`), so a copy that changes never reads an index of its former self.
final class ClusterIndexBox: Sendable, Equatable {
    private let built = Atomic<Bool>(false)
    private let slot = Mutex<ClusterIndex?>(nil)

    var isBuilt: Bool { built.load(ordering: .acquiring) }

    func index(of world: World) -> ClusterIndex {
        slot.withLock { slot in
            if let slot { return slot }
            let made = ClusterIndex(world)
            slot = made
            built.store(true, ordering: .releasing)
            return made
        }
    }

    /// A cache: two worlds are equal by their records, whatever either has worked out.
    static func == (a: ClusterIndexBox, b: ClusterIndexBox) -> Bool { true }
}

extension World {
    var clusterIndex: ClusterIndex { indexBox.index(of: self) }

    /// Lets go of the index on every change: of a built one, and of a box shared with a copy
    /// of this world (which could build it later, from its own records, for both).
    mutating func forgetIndex() {
        if !isKnownUniquelyReferenced(&indexBox) || indexBox.isBuilt { indexBox = ClusterIndexBox() }
    }
}

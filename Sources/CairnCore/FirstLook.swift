/// Everything Home's Clusters tab and tab bar show, and nothing else: the clusters and their
/// health checks, how many records of each kind there are, each cluster's open checkpoint due
/// first, and how many conflicts are open. Home draws from this value alone, whether a
/// snapshot gave it (a start draws Home from a few thousand records before it has decoded the
/// hundred thousands) or the whole world did (`World.firstLook`): one type, one way of drawing,
/// so the first frame is the frame the world gives.
public struct FirstLook: Sendable, Equatable {
    public var clusters: [String: Cluster] = [:] {
        didSet { clusterOrder.namesEachOnce = false }
    }
    public var assessments: [String: Assessment] = [:]
    public var schools = 0
    public var agencies = 0
    public var checkpoints = 0
    public var goals = 0
    public var conflicts = 0
    /// Each cluster's open checkpoint due first (`World.nextDueByCluster`).
    public var nextDue: [String: Checkpoint] = [:]
    /// Whether some cluster is now a member of another (`World.hasGroupings`): Home then
    /// offers the tree.
    public var groupings = false
    /// The clusters in the name order of the alphabet that wrote the snapshot, when one did:
    /// a first frame in that alphabet lists them without sorting them.
    package var clusterOrder = ClusterOrder()

    public init() {}

    /// The clusters as `alphabet`'s readers look them up (`NameOrder.shown`, ties by id): the
    /// order kept when it is this alphabet's and names each cluster once, else sorted.
    public func clustersShown(in alphabet: Alphabet = .session) -> [Cluster] {
        clusterIDsShown(in: alphabet).compactMap { clusters[$0] }
    }

    /// The ids of `clustersShown`, in its order: no cluster copied, for a list that makes only
    /// the rows it shows.
    public func clusterIDsShown(in alphabet: Alphabet = .session) -> [String] {
        if let order = clusterOrder.ids, clusterOrder.tag == alphabet.tag, clusterOrder.namesEachOnce || Self.namesEachOnce(order, clusters)
        {
            return order
        }
        return NameOrder.shown(clusters.values, by: \.name, id: \.id, in: alphabet).map(\.id)
    }

    /// Checks the kept order against the clusters now, so that the first frame (drawn on
    /// another thread's heels) finds it checked: the snapshot's reader calls it as it reads.
    package mutating func checkClusterOrder() {
        clusterOrder.namesEachOnce = clusterOrder.ids.map { Self.namesEachOnce($0, clusters) } ?? false
    }

    /// Whether `order` names each cluster once, and nothing else.
    private static func namesEachOnce(_ order: [String], _ clusters: [String: Cluster]) -> Bool {
        guard order.count == clusters.count else { return false }
        var seen = Set<String>(minimumCapacity: order.count)
        return order.allSatisfy { clusters.index(forKey: $0) != nil && seen.insert($0).inserted }
    }

    /// `World.isEmpty`, for the world this was taken from.
    public var isEmpty: Bool { schools == 0 && agencies == 0 && clusters.isEmpty && checkpoints == 0 && goals == 0 }

    /// Each cluster's health, as `World.healthByCluster` gives it.
    public func healthByCluster(on today: Day) -> [String: ClusterHealth] {
        ClusterHealth.byCluster(clusters, assessments: assessments, on: today)
    }
}

/// The clusters' ids in one alphabet's name order (`FirstLook.clustersShown`): a shortcut, not
/// what the look shows, so two looks are alike whatever order they keep.
package struct ClusterOrder: Sendable, Equatable {
    package var tag = ""
    package var ids: [String]? {
        didSet { namesEachOnce = false }
    }
    /// Whether `ids` was found to name each of the look's clusters once (`checkClusterOrder`);
    /// false again once the clusters change.
    package var namesEachOnce = false

    package init(tag: String = "", ids: [String]? = nil) {
        self.tag = tag
        self.ids = ids
    }

    package static func == (a: ClusterOrder, b: ClusterOrder) -> Bool { true }
}

/// The first look a snapshot held, kept with the world read from it; equal whatever it holds,
/// since two worlds are equal by their records.
package struct LookAtSnapshot: Sendable, Equatable {
    package var look: FirstLook?
    /// How many schools and agencies each cluster has now (`World.currentMemberCounts`).
    package var memberCounts: [String: World.MemberCount]?

    package init(_ look: FirstLook? = nil, memberCounts: [String: World.MemberCount]? = nil) {
        self.look = look
        self.memberCounts = memberCounts
    }

    package static func == (a: LookAtSnapshot, b: LookAtSnapshot) -> Bool { true }
}

extension World {
    public var firstLook: FirstLook {
        var look = FirstLook()
        look.clusters = clusters.dictionary
        look.assessments = assessments.dictionary
        look.schools = schools.count
        look.agencies = agencies.count
        look.checkpoints = checkpoints.count
        look.goals = goals.count
        look.conflicts = conflicts.count
        look.nextDue = nextDueByCluster()
        look.groupings = hasGroupings
        return look
    }

    /// `firstLook` from every record, whatever the snapshot held: what a new snapshot keeps,
    /// so that a look forged into one does not live on in the next.
    package var firstLookInFull: FirstLook {
        var look = firstLook
        look.nextDue = nextDueByClusterScanning()
        look.groupings = hasGroupingsScanning
        return look
    }

    /// Each cluster's open checkpoint due first (ties: by title, then id): Home's "Next due"
    /// column. Read from the snapshot's first look, and anew only for the clusters whose
    /// checkpoints changed since; without one, in one pass over the checkpoints.
    public func nextDueByCluster() -> [String: Checkpoint] {
        guard var next = lookAtSnapshot.look?.nextDue, let changes = checkpoints.changesSinceStored else {
            return Self.nextDue(in: checkpoints.values)
        }
        var changed: Set<String> = []
        for (id, stored) in changes {
            if let stored { changed.insert(stored.cluster) }
            if let now = checkpoints[id] { changed.insert(now.cluster) }
        }
        for cluster in changed {
            next[cluster] = Self.nextDue(in: (clusterIndex.checkpoints[cluster] ?? []).lazy.compactMap { checkpoints[$0] })[cluster]
        }
        return next
    }

    /// `nextDueByCluster` in one pass over every checkpoint, whatever the snapshot held.
    package func nextDueByClusterScanning() -> [String: Checkpoint] { Self.nextDue(in: checkpoints.values) }

    private static func nextDue(in checkpoints: some Sequence<Checkpoint>) -> [String: Checkpoint] {
        var next: [String: Checkpoint] = [:]
        for c in checkpoints where !c.isDone {
            if let n = next[c.cluster], (n.due, n.title, n.id) <= (c.due, c.title, c.id) { continue }
            next[c.cluster] = c
        }
        return next
    }

    /// Whether some cluster is now a member of another. Read from the snapshot's first look
    /// unless a membership changed since could decide otherwise; else from every membership.
    public var hasGroupings: Bool {
        func grouping(_ m: Membership?) -> Bool { m.map { $0.memberType == .cluster && $0.isCurrent } ?? false }
        guard let held = lookAtSnapshot.look?.groupings, let changes = memberships.changesSinceStored else {
            return hasGroupingsScanning
        }
        if changes.contains(where: { grouping(memberships[$0.id]) }) { return true }
        // None made since; one the snapshot held may have ended.
        if !held || !changes.contains(where: { grouping($0.stored) }) { return held }
        return hasGroupingsScanning
    }

    /// `hasGroupings` from every membership, whatever the snapshot held.
    package var hasGroupingsScanning: Bool { memberships.values.contains { $0.memberType == .cluster && $0.isCurrent } }
}

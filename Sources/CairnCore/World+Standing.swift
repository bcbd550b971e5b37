/// How a cluster stands on a day, at a glance: its health, its open checkpoint due first and
/// how many are past due. What Home's tree of groupings and a grouping's Members tab show of
/// each cluster, and what a grouping rolls up over the clusters within it.
public struct ClusterStanding: Sendable, Equatable {
    public var health: ClusterHealth
    /// Its open checkpoint due first (ties as `World.nextDueByCluster` breaks them).
    public var nextDue: Checkpoint?
    /// Its open checkpoints due before the day asked about.
    public var overdue: Int

    public init(health: ClusterHealth = ClusterHealth(), nextDue: Checkpoint? = nil, overdue: Int = 0) {
        self.health = health
        self.nextDue = nextDue
        self.overdue = overdue
    }

    /// Whether `self` needs help before `other`: the weaker health first (`ClusterHealth.sortWeight`,
    /// so funding about to end counts), then more overdue checkpoints.
    public func isWeaker(than other: ClusterStanding) -> Bool {
        let (a, b) = (health.sortWeight, other.health.sortWeight)
        return a != b ? a < b : overdue > other.overdue
    }

    /// Whether `a` is due before `b`, as the next due of several clusters is chosen.
    public static func isDueBefore(_ a: Checkpoint, _ b: Checkpoint) -> Bool {
        (a.due, a.title, a.id) < (b.due, b.title, b.id)
    }
}

extension World {
    /// How `clusterID` stands on `today`.
    ///
    /// - Complexity: O(the cluster's checkpoints and health checks), read through the index by
    ///   cluster: asked of every cluster of a national store, each checkpoint is read once.
    public func standing(of clusterID: String, on today: Day) -> ClusterStanding {
        var s = ClusterStanding(health: health(of: clusterID, on: today))
        for c in records(clusterIndex.checkpoints[clusterID], in: checkpoints) where !c.isDone {
            if c.isOverdue(on: today) { s.overdue += 1 }
            if let n = s.nextDue, !ClusterStanding.isDueBefore(c, n) { continue }
            s.nextDue = c
        }
        return s
    }
}

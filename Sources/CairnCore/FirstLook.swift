/// Everything Home's Clusters tab and tab bar show, and nothing else: the clusters and their
/// health checks, how many records of each kind there are, each cluster's open checkpoint due
/// first, and how many conflicts are open. Home draws from this value alone, whether a
/// snapshot gave it (a start draws Home from a few thousand records before it has decoded the
/// hundred thousands) or the whole world did (`World.firstLook`): one type, one way of drawing,
/// so the first frame is the frame the world gives.
public struct FirstLook: Sendable, Equatable {
    public var clusters: [String: Cluster] = [:]
    public var assessments: [String: Assessment] = [:]
    public var schools = 0
    public var agencies = 0
    public var checkpoints = 0
    public var goals = 0
    public var conflicts = 0
    /// Each cluster's open checkpoint due first (`World.nextDueByCluster`).
    public var nextDue: [String: Checkpoint] = [:]

    public init() {}

    /// `World.isEmpty`, for the world this was taken from.
    public var isEmpty: Bool { schools == 0 && agencies == 0 && clusters.isEmpty && checkpoints == 0 && goals == 0 }

    /// Each cluster's health, as `World.healthByCluster` gives it.
    public func healthByCluster(on today: Day) -> [String: ClusterHealth] {
        ClusterHealth.byCluster(clusters, assessments: assessments, on: today)
    }
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
        return look
    }

    /// Each cluster's open checkpoint due first (ties: by title, then id), in one pass over
    /// the checkpoints: Home's "Next due" column.
    public func nextDueByCluster() -> [String: Checkpoint] {
        var next: [String: Checkpoint] = [:]
        for c in checkpoints.values where !c.isDone {
            if let n = next[c.cluster], (n.due, n.title, n.id) <= (c.due, c.title, c.id) { continue }
            next[c.cluster] = c
        }
        return next
    }
}

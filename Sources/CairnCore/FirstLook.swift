/// What Home's first frame needs besides the clusters and their health checks: how many records
/// of each kind there are, each cluster's open checkpoint due first, and how many conflicts are
/// open. A snapshot keeps it beside the world it was taken from, so that a start can draw Home
/// from a few thousand records before it has decoded the hundred thousands (see
/// `World.firstLookWorld`); Home draws from the world itself once the world is whole.
public struct FirstLook: Sendable, Equatable {
    public var schools = 0
    public var agencies = 0
    public var checkpoints = 0
    public var goals = 0
    public var conflicts = 0
    /// Each cluster's open checkpoint due first (`World.nextDueByCluster`).
    public var nextDue: [String: Checkpoint] = [:]

    public init() {}

    /// `World.isEmpty`, for the world this was taken from.
    public func isEmpty(clusters: Int) -> Bool { schools == 0 && agencies == 0 && clusters == 0 && checkpoints == 0 && goals == 0 }
}

extension World {
    public var firstLook: FirstLook {
        var look = FirstLook()
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

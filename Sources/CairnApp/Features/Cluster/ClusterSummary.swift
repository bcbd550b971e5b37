import CairnCore

/// What a cluster's header and tab bar show, worked out once per change of the world rather
/// than on every keystroke: on a national store each fact scans up to 100,000 checkpoints.
public struct ClusterSummary: Sendable, Equatable {
    var source: String
    var lead: String?
    var schools = 0
    var agencies = 0
    /// Clusters that are members of this one, when it groups clusters.
    var memberClusters = 0
    var gaps = 0
    var checkpoints = 0
    var next: Checkpoint?
    var health: ClusterHealth
    var coverage: Coverage

    /// - Parameter source: what it is built from (`AppEnvironment.listSource`), to know when to build it again.
    init(_ w: World, cluster id: String, today: Day, source: String = "") {
        self.source = source
        lead = w.lead(of: id).map { w.memberName($0) }
        // The cluster's own records through the world's index by cluster: a scan of every
        // membership and checkpoint of a national store at each change froze the open screen.
        for m in w.members(of: id) {
            switch m.memberType {
            case .school: schools += 1
            case .agency: agencies += 1
            case .cluster: memberClusters += 1
            }
        }
        gaps = w.gaps(in: id, on: today).count
        checkpoints = w.checkpointCount(of: id)
        next = w.nextDue(in: id)
        health = w.health(of: id, on: today)
        coverage = w.coverage(of: id)
    }

    /// The count a tab's title shows, where its own list does not show it at once.
    func count(_ tab: ClusterTab) -> Int? {
        switch tab {
        case .members: return schools + agencies + memberClusters
        case .checkpoints: return checkpoints
        case .gaps: return gaps
        default: return nil
        }
    }
}

import CairnWords

/// Groupings of clusters: a collaborative, a trust or a network whose members are clusters
/// (and schools and agencies), which may itself be a member of another. The memberships of
/// clusters make a graph without cycles: a grouping never contains itself.
extension World {
    /// The clusters that are members of `clusterID`.
    public func memberClusters(of clusterID: String) -> [Cluster] {
        members(of: clusterID).compactMap { $0.memberType == .cluster ? clusters[$0.memberId] : nil }
    }

    /// The groupings `clusterID` is a member of.
    public func groupings(of clusterID: String) -> [Cluster] {
        clusters(withMember: clusterID)
    }

    /// Why `member` cannot join `grouping`, naming the cycle it would close ("“A” is already
    /// within “B”: A › B"), or nil when it can.
    public func cycle(joining member: String, to grouping: String) -> String? {
        if member == grouping { return Words.say("a grouping cannot be a member of itself") }
        // A path from `member` down to `grouping` closes a cycle once `member` is put above it.
        guard let path = path(from: member, down: grouping) else { return nil }
        let names = path.map { clusters[$0]?.name ?? $0 }
        return Words.say(
            "“{member}” is already within “{grouping}” ({path}): joining would make a circle",
            ["member": names.last!, "grouping": names.first!, "path": names.joined(separator: " › ")])
    }

    /// The clusters from `top` down through member clusters to `target`, both included, or
    /// nil when `target` is not within `top`.
    func path(from top: String, down target: String) -> [String]? {
        var seen: Set<String> = [top]
        var queue: [[String]] = [[top]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            for m in members(of: path.last!) where m.memberType == .cluster {
                if m.memberId == target { return path + [target] }
                if seen.insert(m.memberId).inserted { queue.append(path + [m.memberId]) }
            }
        }
        return nil
    }

    /// The clusters that are members of no grouping: the tops of the graph.
    public func topGroupings() -> [Cluster] {
        let within = Set(memberships.values.filter { $0.memberType == .cluster && $0.isCurrent }.map(\.memberId))
        return NameOrder.sorted(clusters.values.filter { !within.contains($0.id) }, by: \.name, id: \.id)
    }

    /// Every grouping `clusterID` is within, however far up: the clusters that cannot join it.
    public func groupingsAbove(_ clusterID: String) -> Set<String> {
        var above: Set<String> = []
        var queue = [clusterID]
        while let next = queue.popLast() {
            for g in groupings(of: next) where above.insert(g.id).inserted { queue.append(g.id) }
        }
        return above
    }

    /// One grouping and what is within it, as `cairn tree` prints it.
    public struct GroupingNode: Sendable, Equatable {
        public var cluster: Cluster
        public var clusters: [GroupingNode]
        /// Its schools and agencies.
        public var members: [Membership]
        /// A member cluster that is also above it: merged copies can close a circle the rule
        /// book refused on each; it is named, not walked again.
        public var circle: Bool
    }

    /// The grouping graph from its tops down, every cluster in it: a cluster in no grouping is
    /// a top, and so is the first of a circle that merged copies made (which has no top).
    public func groupingForest() -> [GroupingNode] {
        var shown: Set<String> = []
        func node(_ c: Cluster, path: Set<String>) -> GroupingNode {
            shown.insert(c.id)
            let members = members(of: c.id)
            let inner = members.compactMap { m -> GroupingNode? in
                guard m.memberType == .cluster, let child = clusters[m.memberId] else { return nil }
                if path.contains(child.id) { return GroupingNode(cluster: child, clusters: [], members: [], circle: true) }
                return node(child, path: path.union([child.id]))
            }
            return GroupingNode(cluster: c, clusters: inner, members: members.filter { $0.memberType != .cluster }, circle: false)
        }
        var forest = topGroupings().map { node($0, path: [$0.id]) }
        for c in NameOrder.sorted(clusters.values, by: \.name, id: \.id) where !shown.contains(c.id) {
            forest.append(node(c, path: [c.id]))
        }
        return forest
    }
}

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
        if member == grouping { return "a grouping cannot be a member of itself" }
        // A path from `member` down to `grouping` closes a cycle once `member` is put above it.
        guard let path = path(from: member, down: grouping) else { return nil }
        let names = path.map { clusters[$0]?.name ?? $0 }
        return "“\(names.last!)” is already within “\(names.first!)” (\(names.joined(separator: " › "))): joining would make a circle"
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
}

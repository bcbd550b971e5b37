import CairnWords

/// Exclusive kinds of grouping (`ClusterKind.isExclusive`): a school in an agrupamento, a
/// federation or a trust is in no second one of that kind at the same time. The doors ask
/// before a school moves (naming the grouping it is in); the rule book refuses a typed join
/// that would leave it in two, so no door can do it quietly.
extension World {
    /// The current membership that keeps a school from joining `clusterID` as well: its place
    /// in another grouping of the same exclusive kind. Nil when it may join (an agency, a
    /// cluster, a kind that overlaps freely, or no such place).
    public func exclusiveMembership(of memberID: String, type: MemberType, joining clusterID: String) -> Membership? {
        guard type == .school, let joining = clusters[clusterID] else { return nil }
        return exclusiveMembership(of: memberID, type: type, joining: clusterID, as: joining.kind)
    }

    /// As above, with the grouping taken to be of `kind`: what it would be after an edit.
    private func exclusiveMembership(of memberID: String, type: MemberType, joining clusterID: String, as kind: ClusterKind)
        -> Membership?
    {
        guard type == .school, kind.isExclusive else { return nil }
        for other in clusterIndex.clustersOfMember[memberID] ?? [] where other != clusterID && clusters[other]?.kind == kind {
            if let m = records(clusterIndex.members[other], in: memberships).first(where: { $0.memberId == memberID && $0.isCurrent }) {
                return m
            }
        }
        return nil
    }

    /// “Escola Básica de Óbidos is already in cluster “Agrupamento de Óbidos” (since
    /// 2024-09-01)”: the place a school would have to leave, named.
    public func alreadyIn(_ first: Membership) -> String {
        let grouping = clusters[first.cluster]
        let kind = grouping?.kind.label ?? ClusterKind.cluster.label
        let values = ["name": memberName(first), "kind": kind, "grouping": grouping?.name ?? first.cluster]
        guard let since = first.from else { return Words.say("{name} is already in {kind} “{grouping}”", values) }
        return Words.say("{name} is already in {kind} “{grouping}” (since {day})", values.merging(["day": since.description]) { a, _ in a })
    }

    /// Why a typed membership is refused by its kind's exclusivity, or nil. Only a membership
    /// that becomes current is asked (a new one, or one taken up again): editing the role of a
    /// place that came with a register as it was is not blocked by it.
    func exclusiveIssue(_ m: Membership, stored: Membership?) -> FieldIssue? {
        guard m.isCurrent, stored?.isCurrent != true || stored?.cluster != m.cluster || stored?.memberId != m.memberId,
            let first = exclusiveMembership(of: m.memberId, type: m.memberType, joining: m.cluster)
        else { return nil }
        let kind = clusters[m.cluster]?.kind.label ?? ClusterKind.cluster.label
        return FieldIssue(
            "member",
            Words.say(
                "{already}, and a school is in one {kind} at a time: it leaves that one first, or moves (leaving it and joining in one step)",
                ["already": alreadyIn(first), "kind": kind]))
    }

    /// Why a grouping's new kind is refused: an exclusive kind it did not have before, while
    /// one of its schools is currently in another grouping of that kind. Its first such school
    /// is named, with the grouping it is in; nil when the kind may change.
    func exclusiveKindIssue(_ c: Cluster, stored: Cluster?) -> FieldIssue? {
        guard let stored, stored.kind != c.kind, c.kind.isExclusive else { return nil }
        for m in members(of: c.id) where m.memberType == .school {
            guard let first = exclusiveMembership(of: m.memberId, type: .school, joining: c.id, as: c.kind) else { continue }
            return FieldIssue(
                "kind",
                Words.say(
                    "{already}, and a school is in one {kind} at a time: it leaves one of the two first, or “{name}” stays a {was}",
                    ["already": alreadyIn(first), "kind": c.kind.label, "name": c.name, "was": stored.kind.label]))
        }
        return nil
    }
}

import CairnWords

/// Several schools, agencies or clusters joining one cluster at once (rows marked on a list):
/// who joins, who is a member already, who is in another grouping of this exclusive kind and
/// joins only by moving, and who cannot join at all. Each is judged as `cairn join` judges one,
/// so that the batch and the single join never disagree; the rule book judges the commit again.
public struct JoinPlan: Sendable, Equatable {
    /// One record that joins, and what it is.
    public struct Joiner: Sendable, Equatable {
        public var id: String
        public var type: MemberType
    }

    /// One record that cannot join, and why ("“A” is already within “B” …").
    public struct Refusal: Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public var cluster: String
    /// Those that join as they are, in the order given.
    public var joining: [Joiner] = []
    /// The names of those already current members: left as they are.
    public var already: [String] = []
    /// Schools in another grouping of this exclusive kind (an agrupamento, a federation, a
    /// trust): they join only by leaving that one, which a person is asked about first.
    public var elsewhere: [Membership] = []
    public var refused: [Refusal] = []
}

extension World {
    /// How `ids` (schools, agencies or clusters, any mix) would join `clusterID`.
    public func joinPlan(_ ids: [String], to clusterID: String) -> JoinPlan {
        var plan = JoinPlan(cluster: clusterID)
        let current = Dictionary(members(of: clusterID).map { ($0.memberId, $0) }, uniquingKeysWith: { a, _ in a })
        for id in ids {
            let type: MemberType
            let name: String
            if let s = schools[id] {
                (type, name) = (.school, s.name)
            } else if let a = agencies[id] {
                (type, name) = (.agency, a.name)
            } else if let c = clusters[id] {
                (type, name) = (.cluster, c.name)
            } else {
                continue  // deleted meanwhile: nothing to join
            }
            if current[id] != nil {
                plan.already.append(name)
            } else if type == .cluster, let circle = cycle(joining: id, to: clusterID) {
                plan.refused.append(JoinPlan.Refusal(name: name, reason: circle))
            } else if let first = exclusiveMembership(of: id, type: type, joining: clusterID) {
                plan.elsewhere.append(first)
            } else {
                plan.joining.append(JoinPlan.Joiner(id: id, type: type))
            }
        }
        return plan
    }
}

extension JoinPlan {
    /// Nothing to join: every one is a member already, or cannot join.
    public var isEmpty: Bool { joining.isEmpty && elsewhere.isEmpty }

    /// One commit that joins them all (one `u` undoes it); with `moving`, those elsewhere leave
    /// their grouping today and join too, else they stay out. `newID` makes each membership's id.
    public func operation(in world: World, moving: Bool, newID: () -> String) -> DomainOperation {
        var operations: [DomainOperation] = []
        var joined = joining
        if moving {
            for first in elsewhere {
                operations.append(.leave(membership: first.id, on: nil))
                joined.append(Joiner(id: first.memberId, type: first.memberType))
            }
        }
        for j in joined {
            operations.append(.add(.membership(Membership(id: newID(), cluster: cluster, memberType: j.type, memberId: j.id))))
        }
        return .all(operations, summary: summary(in: world, moving: moving))
    }

    /// "Joined 5 schools to “Portree Learning Community”", "Joined 2 schools and 1 agency to
    /// “X” (1 moved from another cluster)": what `operation` does, said whatever their number.
    public func summary(in world: World, moving: Bool) -> String {
        let types = joining.map(\.type) + (moving ? elsewhere.map(\.memberType) : [])
        let kind = world.clusters[cluster]?.kind.label ?? ClusterKind.cluster.label
        let values = ["who": Self.phrase(types), "cluster": world.clusters[cluster]?.name ?? cluster, "kind": kind]
        guard moving, !elsewhere.isEmpty else { return Words.say("Joined {who} to “{cluster}”", values) }
        return Words.count(
            "Joined {who} to “{cluster}” ({count} moved from another {kind})",
            "Joined {who} to “{cluster}” ({count} moved from another {kind})",
            elsewhere.count, values)
    }

    /// "5 schools", "2 schools and 1 agency", "1 school, 2 agencies and 1 cluster".
    public static func phrase(_ types: [MemberType]) -> String {
        let schools = types.filter { $0 == .school }.count
        let agencies = types.filter { $0 == .agency }.count
        let clusters = types.filter { $0 == .cluster }.count
        let parts = [
            schools > 0 ? Words.count("{count} school", "{count} schools", schools) : nil,
            agencies > 0 ? Words.count("{count} agency", "{count} agencies", agencies) : nil,
            clusters > 0 ? Words.count("{count} cluster", "{count} clusters", clusters) : nil,
        ].compactMap { $0 }
        guard let last = parts.last else { return Words.say("nothing") }
        return parts.count > 1 ? Words.say("{list} and {last}", ["list": parts.dropLast().joined(separator: ", "), "last": last]) : last
    }

    /// What was left out, said after the summary: "2 already members (A, B); C cannot join: …".
    public var leftOut: String {
        var notes: [String] = []
        if !already.isEmpty {
            notes.append(
                Words.count(
                    "{count} already a member ({names})", "{count} already members ({names})", already.count, ["names": Self.names(already)]
                ))
        }
        notes += refused.map { Words.say("{name} cannot join: {reason}", ["name": $0.name, "reason": $0.reason]) }
        return notes.joined(separator: "; ")
    }

    /// The first three names and how many more.
    public static func names(_ all: [String]) -> String {
        all.count <= 3
            ? all.joined(separator: ", ")
            : Words.count(
                "{names} and {count} more", "{names} and {count} more", all.count - 3, ["names": all.prefix(3).joined(separator: ", ")])
    }
}

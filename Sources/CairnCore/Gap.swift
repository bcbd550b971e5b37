/// Something the local stakeholder cooperation framework says a cluster must have, and it lacks.
public struct Gap: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case noLead = "no-lead"
        case noAgreement = "no-agreement"
        case goalIncomplete = "goal-incomplete"
        case goalWithoutAction = "goal-without-action"
        case actionWithoutResponsible = "action-without-responsible"
        case memberWithoutAction = "member-without-action"
        case overdueCheckpoint = "overdue-checkpoint"
        /// The pupils' path runs through a phase no school of the cluster teaches.
        case phaseWithoutSchool = "phase-without-school"
        /// A school whose pupils go on within the cluster's phases feeds no school of it.
        case feedsNoOne = "feeds-no-one"
        /// A school of the cluster feeds one outside it: its pupils' path leaves the cluster.
        case pathLeaves = "path-leaves-cluster"
    }

    public var kind: Kind
    public var cluster: String
    /// The record to go to in order to fix it (nil for gaps of the cluster itself).
    public var record: RecordKind?
    public var recordID: String?
    public var message: String

    public init(_ kind: Kind, cluster: String, record: RecordKind? = nil, id: String? = nil, _ message: String) {
        self.kind = kind
        self.cluster = cluster
        self.record = record
        self.recordID = id
        self.message = message
    }
}

extension World {
    /// What a cluster's plan lacks, most basic first: its lead and agreement, then its goals,
    /// actions, members' engagements and overdue checkpoints.
    ///
    /// - Complexity: O(records of the cluster) after one pass over memberships, goals, actions
    ///   and checkpoints.
    public func gaps(in clusterID: String, on today: Day) -> [Gap] {
        guard clusters[clusterID] != nil else { return [] }
        let parts = ClusterParts(
            hasLead: lead(of: clusterID) != nil, hasAgreement: agreement(of: clusterID) != nil, members: members(of: clusterID),
            goals: goals(of: clusterID), actions: actions(of: clusterID), checkpoints: checkpoints(of: clusterID, on: today))
        return gaps(clusterID, parts, on: today) + journeyGaps(clusterID, learningJourney(of: clusterID))
    }

    /// Every cluster's gaps, the records grouped by cluster once: asked cluster by cluster
    /// (`cairn gaps`, a region's report), each of a national store's clusters scanned every
    /// goal, action and checkpoint.
    public func gapsByCluster(on today: Day) -> [String: [Gap]] {
        let members = membersByCluster()
        let goalsBy = Dictionary(grouping: goals.values, by: \.cluster)
        let actionsBy = Dictionary(grouping: actions.values, by: \.cluster)
        let checkpointsBy = Dictionary(grouping: checkpoints.values, by: \.cluster)
        let agreed = Set(agreements.values.map(\.cluster))
        // Feeds read once, not once a cluster: most stores have none.
        let feedsFrom = Dictionary(grouping: links.values.filter { $0.relation == .feeds }, by: \.from)
        var out: [String: [Gap]] = [:]
        for id in clusters.keys {
            let own = members[id] ?? []
            let parts = ClusterParts(
                hasLead: own.contains { $0.lead }, hasAgreement: agreed.contains(id), members: own,
                goals: (goalsBy[id] ?? []).sorted(by: World.goalOrder), actions: (actionsBy[id] ?? []).sorted(by: World.actionOrder),
                checkpoints: Checkpoint.inUrgencyOrder(checkpointsBy[id] ?? [], on: today))
            let schools = own.compactMap { $0.memberType == .school ? self.schools[$0.memberId] : nil }
            let journey = learningJourney(schools: schools, feeds: { feedsFrom[$0] ?? [] })
            out[id] = gaps(id, parts, on: today) + journeyGaps(id, journey)
        }
        return out
    }

    /// One cluster's records as the gap rules read them, each list in the order lists show it.
    struct ClusterParts {
        var hasLead: Bool
        var hasAgreement: Bool
        var members: [Membership]
        var goals: [Goal]
        var actions: [Action]
        var checkpoints: [Checkpoint]
    }

    func gaps(_ clusterID: String, _ parts: ClusterParts, on today: Day) -> [Gap] {
        var gaps: [Gap] = []
        if !parts.hasLead {
            gaps.append(Gap(.noLead, cluster: clusterID, "no member leads and convenes the cluster"))
        }
        if !parts.hasAgreement {
            gaps.append(
                Gap(
                    .noAgreement, cluster: clusterID,
                    "no monitoring agreement: how often all meet, how they report, how the plan is evaluated"))
        }
        let actions = parts.actions
        let members = Set(parts.members.map(\.id))
        for g in parts.goals {
            var missing: [String] = []
            if g.indicator.isEmpty { missing.append("an indicator") }
            if g.target == nil { missing.append("a target") }
            if g.deadline == nil { missing.append("a deadline") }
            if !missing.isEmpty {
                let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
                gaps.append(Gap(.goalIncomplete, cluster: clusterID, record: .goal, id: g.id, "goal “\(g.statement)” lacks \(list)"))
            }
            if !actions.contains(where: { $0.goal == g.id && $0.status != .discontinued }) {
                gaps.append(Gap(.goalWithoutAction, cluster: clusterID, record: .goal, id: g.id, "no action serves goal “\(g.statement)”"))
            }
        }
        for a in actions where a.responsible.map({ !members.contains($0) }) ?? true {
            gaps.append(
                Gap(
                    .actionWithoutResponsible, cluster: clusterID, record: .action, id: a.id,
                    "action “\(a.description)” has no responsible member"))
        }
        let engaged = Set(actions.compactMap(\.responsible))
        for m in parts.members where !m.responsibilities.isEmpty && !engaged.contains(m.id) {
            gaps.append(
                Gap(
                    .memberWithoutAction, cluster: clusterID, record: .membership, id: m.id,
                    "\(memberName(m)) has responsibilities but no action"))
        }
        for c in parts.checkpoints where c.isOverdue(on: today) {
            gaps.append(
                Gap(.overdueCheckpoint, cluster: clusterID, record: .checkpoint, id: c.id, "checkpoint “\(c.title)” was due \(c.due)"))
        }
        return gaps
    }

    /// Where a cluster's learning journey breaks: a phase with no school, a school that feeds
    /// no one in the cluster, a feed that leaves it.
    func journeyGaps(_ clusterID: String, _ j: LearningJourney) -> [Gap] {
        var gaps: [Gap] = []
        for stage in j.stages where stage.isMissing {
            gaps.append(
                Gap(
                    .phaseWithoutSchool, cluster: clusterID,
                    "no school of the cluster teaches \(stage.phase.label): the pupils' path breaks there"))
        }
        for s in j.feedingNoOne {
            gaps.append(Gap(.feedsNoOne, cluster: clusterID, record: .school, id: s.id, "“\(s.name)” feeds no school of the cluster"))
        }
        for l in j.leaving {
            let from = schools[l.from]?.name ?? l.from
            let to = schools[l.to]?.name ?? l.to
            gaps.append(Gap(.pathLeaves, cluster: clusterID, record: .school, id: l.from, "“\(from)” feeds “\(to)”, outside the cluster"))
        }
        return gaps
    }
}

import CairnWords

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
            gaps.append(Gap(.noLead, cluster: clusterID, Words.say("no member leads and convenes the cluster")))
        }
        if !parts.hasAgreement {
            gaps.append(
                Gap(
                    .noAgreement, cluster: clusterID,
                    Words.say("no monitoring agreement: how often all meet, how they report, how the plan is evaluated")))
        }
        let actions = parts.actions
        let members = Set(parts.members.map(\.id))
        for g in parts.goals {
            if let lacks = Self.lacking(indicator: g.indicator.isEmpty, target: g.target == nil, deadline: g.deadline == nil, g.statement) {
                gaps.append(Gap(.goalIncomplete, cluster: clusterID, record: .goal, id: g.id, lacks))
            }
            if !actions.contains(where: { $0.goal == g.id && $0.status != .discontinued }) {
                gaps.append(
                    Gap(
                        .goalWithoutAction, cluster: clusterID, record: .goal, id: g.id,
                        Words.say("no action serves goal “{goal}”", ["goal": g.statement])))
            }
        }
        for a in actions where a.responsible.map({ !members.contains($0) }) ?? true {
            gaps.append(
                Gap(
                    .actionWithoutResponsible, cluster: clusterID, record: .action, id: a.id,
                    Words.say("action “{action}” has no responsible member", ["action": a.description])))
        }
        let engaged = Set(actions.compactMap(\.responsible))
        for m in parts.members where !m.responsibilities.isEmpty && !engaged.contains(m.id) {
            gaps.append(
                Gap(
                    .memberWithoutAction, cluster: clusterID, record: .membership, id: m.id,
                    Words.say("{name} has responsibilities but no action", ["name": memberName(m)])))
        }
        for c in parts.checkpoints where c.isOverdue(on: today) {
            gaps.append(
                Gap(
                    .overdueCheckpoint, cluster: clusterID, record: .checkpoint, id: c.id,
                    Words.say("checkpoint “{title}” was due {day}", ["title": c.title, "day": c.due.description])))
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
                    Words.say("no school of the cluster teaches {phase}: the pupils' path breaks there", ["phase": stage.phase.label])))
        }
        for s in j.feedingNoOne {
            gaps.append(
                Gap(
                    .feedsNoOne, cluster: clusterID, record: .school, id: s.id,
                    Words.say("“{school}” feeds no school of the cluster", ["school": s.name])))
        }
        for l in j.leaving {
            let from = schools[l.from]?.name ?? l.from
            let to = schools[l.to]?.name ?? l.to
            gaps.append(
                Gap(
                    .pathLeaves, cluster: clusterID, record: .school, id: l.from,
                    Words.say("“{from}” feeds “{to}”, outside the cluster", ["from": from, "to": to])))
        }
        return gaps
    }
}

extension World {
    /// "goal “…” lacks a target and a deadline": one whole sentence for each set of what is
    /// missing, so that each language says its own list; nil when nothing is.
    static func lacking(indicator: Bool, target: Bool, deadline: Bool, _ goal: String) -> String? {
        let g = ["goal": goal]
        switch (indicator, target, deadline) {
        case (false, false, false): return nil
        case (true, false, false): return Words.say("goal “{goal}” lacks an indicator", g)
        case (false, true, false): return Words.say("goal “{goal}” lacks a target", g)
        case (false, false, true): return Words.say("goal “{goal}” lacks a deadline", g)
        case (true, true, false): return Words.say("goal “{goal}” lacks an indicator and a target", g)
        case (true, false, true): return Words.say("goal “{goal}” lacks an indicator and a deadline", g)
        case (false, true, true): return Words.say("goal “{goal}” lacks a target and a deadline", g)
        case (true, true, true): return Words.say("goal “{goal}” lacks an indicator, a target and a deadline", g)
        }
    }
}

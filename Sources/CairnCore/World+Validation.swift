/// The rules a record must keep before it is stored, checked against the rest of the world.
extension World {
    public func validate(_ school: School, checkingOfficialId: Bool = true, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if school.name.isEmpty { issues.append(FieldIssue("name", "a name is required")) }
        if checkingOfficialId, let official = school.officialId,
            let other = keys.map({ $0.school(withOfficialId: official, in: self) })
                ?? schools.values.first(where: { $0.officialId == official && $0.id != school.id }),
            other.id != school.id
        {
            issues.append(FieldIssue("officialId", "official id \(official) is already used by \(other.name)"))
        }
        if !school.email.isEmpty, !Text.isPlausibleEmail(school.email) {
            issues.append(FieldIssue("email", "“\(school.email)” does not look like an e-mail address"))
        }
        return issues
    }

    public func validate(_ agency: Agency) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if agency.name.isEmpty { issues.append(FieldIssue("name", "a name is required")) }
        if !agency.email.isEmpty, !Text.isPlausibleEmail(agency.email) {
            issues.append(FieldIssue("email", "“\(agency.email)” does not look like an e-mail address"))
        }
        return issues
    }

    public func validate(_ cluster: Cluster, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if cluster.name.isEmpty { issues.append(FieldIssue("name", "a name is required")) }
        if let official = cluster.officialId,
            let other = keys.map({ $0.cluster(withOfficialId: official, in: self) })
                ?? clusters.values.first(where: { $0.officialId == official && $0.id != cluster.id }),
            other.id != cluster.id
        {
            issues.append(FieldIssue("officialId", "official id \(official) is already used by \(other.name)"))
        }
        if let start = cluster.startedOn, let end = cluster.fundingEndsOn, end < start {
            issues.append(FieldIssue("fundingEndsOn", "funding cannot end (\(end)) before the cluster started (\(start))"))
        }
        return issues
    }

    public func validate(_ m: Membership, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[m.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        if record(m.memberType.kind, id: m.memberId) == nil {
            issues.append(FieldIssue("member", "the \(m.memberType.rawValue) no longer exists"))
        } else if m.memberType == .cluster, let cycle = cycle(joining: m.memberId, to: m.cluster) {
            issues.append(FieldIssue("member", cycle))
        }
        if let twin = keys.map({ $0.membership(of: m.memberId, in: m.cluster, world: self) })
            ?? memberships.values.first(where: { $0.cluster == m.cluster && $0.memberId == m.memberId && $0.id != m.id && $0.isCurrent }),
            twin.id != m.id
        {
            issues.append(FieldIssue("member", "\(memberName(twin)) is already a member of this cluster"))
        }
        if let from = m.from, let to = m.to, to < from {
            issues.append(FieldIssue("to", "a member cannot leave (\(to)) before it joined (\(from))"))
        }
        if m.lead, m.isCurrent, let lead = keys.map({ $0.lead(of: m.cluster, in: self) }) ?? lead(of: m.cluster), lead.id != m.id {
            issues.append(FieldIssue("lead", "\(memberName(lead)) already leads this cluster: a cluster has one lead"))
        }
        return issues
    }

    public func validate(_ c: Checkpoint) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if c.title.isEmpty { issues.append(FieldIssue("title", "a title is required")) }
        // Who ticked it and when go together: a tick with one and not the other says nothing sure.
        if (c.doneBy == nil) != (c.doneOn == nil) {
            issues.append(FieldIssue("doneOn", "“\(c.title)” says it was ticked but not both by whom and on which day"))
        }
        if clusters[c.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        if let concerns = c.concerns, memberships[concerns] == nil {
            issues.append(FieldIssue("concerns", "that member is no longer in the cluster", isGap: true))
        }
        if let goal = c.goal, goals[goal]?.cluster != c.cluster {
            issues.append(FieldIssue("goal", "that goal is not one of this cluster's"))
        }
        return issues
    }

    public func validate(_ g: Goal) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if g.statement.isEmpty { issues.append(FieldIssue("statement", "a statement of the goal is required")) }
        if clusters[g.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        if g.baseline != nil, g.target != nil, g.baseline == g.target {
            issues.append(FieldIssue("target", "the target equals the baseline: there is no way to go"))
        }
        if let b = g.baseline, let t = g.target, (g.direction == .increase && t < b) || (g.direction == .decrease && t > b) {
            issues.append(
                FieldIssue(
                    "direction",
                    "a target of \(Self.number(t)) from a baseline of \(Self.number(b)) is a \(t < b ? "decrease" : "increase"), not an \(g.direction.rawValue)"
                ))
        }
        if let start = g.baselineDate, let deadline = g.deadline, deadline <= start {
            issues.append(FieldIssue("deadline", "the deadline (\(deadline)) must come after the baseline date (\(start))"))
        }
        issues += memberIssue(g.owner, cluster: g.cluster, field: "owner")
        issues += contributionIssue(g)
        return issues
    }

    /// A goal contributes only to a goal of a grouping its cluster is within: the collaborative's
    /// plan, not a neighbour's.
    private func contributionIssue(_ g: Goal) -> [FieldIssue] {
        guard let target = g.contributesTo else { return [] }
        if target == g.id { return [FieldIssue("contributesTo", "a goal cannot contribute to itself")] }
        guard let aim = goals[target] else { return [FieldIssue("contributesTo", "the goal it contributes to no longer exists")] }
        if groupingsAbove(g.cluster).contains(aim.cluster) { return [] }
        let grouping = clusters[aim.cluster]?.name ?? aim.cluster
        let own = clusters[g.cluster]?.name ?? g.cluster
        return [
            FieldIssue(
                "contributesTo", "“\(aim.statement)” is a goal of “\(grouping)”, which “\(own)” is not within", isGap: true)
        ]
    }

    public func validate(_ m: Measurement) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if goals[m.goal] == nil { issues.append(FieldIssue("goal", "the goal no longer exists")) }
        if !m.value.isFinite { issues.append(FieldIssue("value", "the value must be a number")) }
        return issues
    }

    public func validate(_ a: Action) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if a.description.isEmpty { issues.append(FieldIssue("description", "a description is required")) }
        if clusters[a.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        if let goal = a.goal, goals[goal]?.cluster != a.cluster {
            issues.append(FieldIssue("goal", "that goal is not one of this cluster's"))
        }
        if a.responsible == nil {
            issues.append(FieldIssue("responsible", "a responsible member is required", isGap: true))
        } else {
            issues += memberIssue(a.responsible, cluster: a.cluster, field: "responsible")
        }
        if let start = a.start, let due = a.due, due < start {
            issues.append(FieldIssue("due", "the due date (\(due)) comes before the start (\(start))"))
        }
        return issues
    }

    public func validate(_ a: Agreement, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[a.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        if !(1...52).contains(a.meetingsPerYear) {
            issues.append(FieldIssue("meetingsPerYear", "meetings a year must be a whole number from 1 to 52"))
        }
        if a.periodEnd <= a.periodStart {
            issues.append(FieldIssue("periodEnd", "the period must end (\(a.periodEnd)) after it starts (\(a.periodStart))"))
        }
        if let other = keys.map({ $0.agreement(of: a.cluster, in: self) }) ?? agreement(of: a.cluster), other.id != a.id {
            issues.append(FieldIssue("cluster", "the cluster already has an agreement (\(other.id)): edit that one"))
        }
        return issues
    }

    public func validate(_ a: Assessment) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[a.cluster] == nil { issues.append(FieldIssue("cluster", "the cluster no longer exists")) }
        for (key, value) in a.ratings.sorted(by: { $0.key < $1.key }) {
            if HealthItem(rawValue: key) == nil { issues.append(FieldIssue(key, "“\(key)” is not a condition or challenge")) }
            if !(1...4).contains(value) { issues.append(FieldIssue(key, "a rating is from 1 (fragile) to 4 (solid)")) }
        }
        if a.ratings.isEmpty { issues.append(FieldIssue("leadership", "rate at least one condition or challenge")) }
        return issues
    }

    private func memberIssue(_ membership: String?, cluster: String, field: String) -> [FieldIssue] {
        guard let membership else { return [] }
        if memberships[membership]?.cluster == cluster { return [] }
        return [FieldIssue(field, "that member is not in this cluster", isGap: true)]
    }

    /// A number as people write it: no ".0" on whole numbers.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Normalises and validates any record, as the store does before a put.
    ///
    /// - Parameter keys: an index of the unique keys, for checking many records in a row; without
    ///   it each check scans the world.
    public func validate(_ record: Record, keys: UniqueKeys? = nil) -> (Record, [FieldIssue]) {
        func check<T>(_ r: T, _ normalize: (T) -> () -> T, _ rules: (T) -> [FieldIssue], _ wrap: (T) -> Record) -> (Record, [FieldIssue]) {
            let n = normalize(r)()
            return (wrap(n), rules(n))
        }
        // Every record needs an id that says its kind: a restore or a foreign line without one
        // would make a record nothing can point at.
        let idIssue =
            RecordID.isValid(record.id, for: record.kind)
            ? [] : [FieldIssue("id", "“\(record.id)” is not an id of a \(record.kind.rawValue)")]
        let (normalized, issues) = validateFields(record, keys: keys)
        return (normalized, idIssue + issues)
    }

    private func validateFields(_ record: Record, keys: UniqueKeys?) -> (Record, [FieldIssue]) {
        func check<T>(_ r: T, _ normalize: (T) -> () -> T, _ rules: (T) -> [FieldIssue], _ wrap: (T) -> Record) -> (Record, [FieldIssue]) {
            let n = normalize(r)()
            return (wrap(n), rules(n))
        }
        switch record {
        case .school(let r): return check(r, School.normalized, { validate($0, keys: keys) }, Record.school)
        case .agency(let r): return check(r, Agency.normalized, validate, Record.agency)
        case .cluster(let r): return check(r, Cluster.normalized, { validate($0, keys: keys) }, Record.cluster)
        case .membership(let r): return check(r, Membership.normalized, { validate($0, keys: keys) }, Record.membership)
        case .checkpoint(let r): return check(r, Checkpoint.normalized, validate, Record.checkpoint)
        case .goal(let r): return check(r, Goal.normalized, validate, Record.goal)
        case .measurement(let r): return check(r, Measurement.normalized, validate, Record.measurement)
        case .action(let r): return check(r, Action.normalized, validate, Record.action)
        case .agreement(let r): return check(r, Agreement.normalized, { validate($0, keys: keys) }, Record.agreement)
        case .assessment(let r): return check(r, Assessment.normalized, validate, Record.assessment)
        case .link(let r): return check(r, Link.normalized, { validate($0, keys: keys) }, Record.link)
        }
    }
}

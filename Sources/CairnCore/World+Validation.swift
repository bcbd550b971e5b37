import CairnWords

/// The rules a record must keep before it is stored, checked against the rest of the world.
extension World {
    public func validate(_ school: School, checkingOfficialId: Bool = true, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if school.name.isEmpty { issues.append(FieldIssue("name", Words.say("a name is required"))) }
        if checkingOfficialId, let official = school.officialId,
            let other = keys.map({ $0.school(withOfficialId: official, in: self) })
                ?? candidates(Self.officialKey(school: official), in: schools, keyed: { $0.officialId.map(Self.officialKey(school:)) })
                .first(where: { $0.officialId == official && $0.id != school.id }),
            other.id != school.id
        {
            issues.append(
                FieldIssue("officialId", Words.say("official id {id} is already used by {name}", ["id": official, "name": other.name])))
        }
        if !school.email.isEmpty, !Text.isPlausibleEmail(school.email) {
            issues.append(FieldIssue("email", Words.say("“{email}” does not look like an e-mail address", ["email": school.email])))
        }
        return issues
    }

    public func validate(_ agency: Agency) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if agency.name.isEmpty { issues.append(FieldIssue("name", Words.say("a name is required"))) }
        if !agency.email.isEmpty, !Text.isPlausibleEmail(agency.email) {
            issues.append(FieldIssue("email", Words.say("“{email}” does not look like an e-mail address", ["email": agency.email])))
        }
        return issues
    }

    public func validate(_ cluster: Cluster, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if cluster.name.isEmpty { issues.append(FieldIssue("name", Words.say("a name is required"))) }
        if let official = cluster.officialId,
            let other = keys.map({ $0.cluster(withOfficialId: official, in: self) })
                ?? candidates(Self.officialKey(cluster: official), in: clusters, keyed: { $0.officialId.map(Self.officialKey(cluster:)) })
                .first(where: { $0.officialId == official && $0.id != cluster.id }),
            other.id != cluster.id
        {
            issues.append(
                FieldIssue("officialId", Words.say("official id {id} is already used by {name}", ["id": official, "name": other.name])))
        }
        if let start = cluster.startedOn, let end = cluster.fundingEndsOn, end < start {
            issues.append(
                FieldIssue(
                    "fundingEndsOn",
                    Words.say(
                        "funding cannot end ({end}) before the cluster started ({start})",
                        ["end": end.description, "start": start.description])))
        }
        return issues
    }

    public func validate(_ m: Membership, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[m.cluster] == nil { issues.append(FieldIssue("cluster", Words.say("the cluster no longer exists"))) }
        if record(m.memberType.kind, id: m.memberId) == nil {
            issues.append(FieldIssue("member", World.noLonger(m.memberType)))
        } else if m.memberType == .cluster, let cycle = cycle(joining: m.memberId, to: m.cluster) {
            issues.append(FieldIssue("member", cycle))
        }
        if let twin = keys.map({ $0.membership(of: m.memberId, in: m.cluster, world: self) })
            ?? memberships.values.first(where: { $0.cluster == m.cluster && $0.memberId == m.memberId && $0.id != m.id && $0.isCurrent }),
            twin.id != m.id
        {
            issues.append(FieldIssue("member", Words.say("{name} is already a member of this cluster", ["name": memberName(twin)])))
        }
        if let from = m.from, let to = m.to, to < from {
            issues.append(
                FieldIssue(
                    "to",
                    Words.say("a member cannot leave ({to}) before it joined ({from})", ["to": to.description, "from": from.description])))
        }
        if m.lead, m.isCurrent, let lead = keys.map({ $0.lead(of: m.cluster, in: self) }) ?? lead(of: m.cluster), lead.id != m.id {
            issues.append(
                FieldIssue("lead", Words.say("{name} already leads this cluster: a cluster has one lead", ["name": memberName(lead)])))
        }
        return issues
    }

    public func validate(_ c: Checkpoint) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if c.title.isEmpty { issues.append(FieldIssue("title", Words.say("a title is required"))) }
        // Who ticked it and when go together: a tick with one and not the other says nothing sure.
        if (c.doneBy == nil) != (c.doneOn == nil) {
            issues.append(
                FieldIssue("doneOn", Words.say("“{title}” says it was ticked but not both by whom and on which day", ["title": c.title])))
        }
        if clusters[c.cluster] == nil { issues.append(FieldIssue("cluster", Words.say("the cluster no longer exists"))) }
        if let concerns = c.concerns, memberships[concerns] == nil {
            issues.append(FieldIssue("concerns", Words.say("that member is no longer in the cluster"), isGap: true))
        }
        if let goal = c.goal, goals[goal]?.cluster != c.cluster {
            issues.append(FieldIssue("goal", Words.say("that goal is not one of this cluster's")))
        }
        return issues
    }

    public func validate(_ g: Goal) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if g.statement.isEmpty { issues.append(FieldIssue("statement", Words.say("a statement of the goal is required"))) }
        if clusters[g.cluster] == nil { issues.append(FieldIssue("cluster", Words.say("the cluster no longer exists"))) }
        if g.baseline != nil, g.target != nil, g.baseline == g.target {
            issues.append(FieldIssue("target", Words.say("the target equals the baseline: there is no way to go")))
        }
        if let b = g.baseline, let t = g.target, (g.direction == .increase && t < b) || (g.direction == .decrease && t > b) {
            issues.append(
                FieldIssue(
                    "direction",
                    t < b
                        ? Words.say(
                            "a target of {target} from a baseline of {baseline} is a decrease, not an increase",
                            ["target": Self.number(t), "baseline": Self.number(b)])
                        : Words.say(
                            "a target of {target} from a baseline of {baseline} is an increase, not a decrease",
                            ["target": Self.number(t), "baseline": Self.number(b)])
                ))
        }
        if let start = g.baselineDate, let deadline = g.deadline, deadline <= start {
            issues.append(
                FieldIssue(
                    "deadline",
                    Words.say(
                        "the deadline ({deadline}) must come after the baseline date ({start})",
                        ["deadline": deadline.description, "start": start.description])))
        }
        issues += memberIssue(g.owner, cluster: g.cluster, field: "owner")
        issues += contributionIssue(g)
        return issues
    }

    /// A goal contributes only to a goal of a grouping its cluster is within: the collaborative's
    /// plan, not a neighbour's.
    private func contributionIssue(_ g: Goal) -> [FieldIssue] {
        guard let target = g.contributesTo else { return [] }
        if target == g.id { return [FieldIssue("contributesTo", Words.say("a goal cannot contribute to itself"))] }
        guard let aim = goals[target] else {
            return [FieldIssue("contributesTo", Words.say("the goal it contributes to no longer exists"))]
        }
        if groupingsAbove(g.cluster).contains(aim.cluster) { return [] }
        let grouping = clusters[aim.cluster]?.name ?? aim.cluster
        let own = clusters[g.cluster]?.name ?? g.cluster
        return [
            FieldIssue(
                "contributesTo",
                Words.say(
                    "“{goal}” is a goal of “{grouping}”, which “{cluster}” is not within",
                    ["goal": aim.statement, "grouping": grouping, "cluster": own]), isGap: true)
        ]
    }

    public func validate(_ m: Measurement) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if goals[m.goal] == nil { issues.append(FieldIssue("goal", Words.say("the goal no longer exists"))) }
        if !m.value.isFinite { issues.append(FieldIssue("value", Words.say("the value must be a number"))) }
        return issues
    }

    public func validate(_ a: Action) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if a.description.isEmpty { issues.append(FieldIssue("description", Words.say("a description is required"))) }
        if clusters[a.cluster] == nil { issues.append(FieldIssue("cluster", Words.say("the cluster no longer exists"))) }
        if let goal = a.goal, goals[goal]?.cluster != a.cluster {
            issues.append(FieldIssue("goal", Words.say("that goal is not one of this cluster's")))
        }
        if a.responsible == nil {
            issues.append(FieldIssue("responsible", Words.say("a responsible member is required"), isGap: true))
        } else {
            issues += memberIssue(a.responsible, cluster: a.cluster, field: "responsible")
        }
        if let start = a.start, let due = a.due, due < start {
            issues.append(
                FieldIssue(
                    "due",
                    Words.say(
                        "the due date ({due}) comes before the start ({start})", ["due": due.description, "start": start.description])))
        }
        return issues
    }

    public func validate(_ a: Agreement, keys: UniqueKeys? = nil) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[a.cluster] == nil { issues.append(FieldIssue("cluster", Words.say("the cluster no longer exists"))) }
        if !(1...52).contains(a.meetingsPerYear) {
            issues.append(FieldIssue("meetingsPerYear", Words.say("meetings a year must be a whole number from 1 to 52")))
        }
        if a.periodEnd <= a.periodStart {
            issues.append(
                FieldIssue(
                    "periodEnd",
                    Words.say(
                        "the period must end ({end}) after it starts ({start})",
                        ["end": a.periodEnd.description, "start": a.periodStart.description])))
        }
        if let other = keys.map({ $0.agreement(of: a.cluster, in: self) }) ?? agreement(of: a.cluster), other.id != a.id {
            issues.append(FieldIssue("cluster", Words.say("the cluster already has an agreement ({id}): edit that one", ["id": other.id])))
        }
        return issues
    }

    public func validate(_ a: Assessment) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if clusters[a.cluster] == nil { issues.append(FieldIssue("cluster", Words.say("the cluster no longer exists"))) }
        for (key, value) in a.ratings.sorted(by: { $0.key < $1.key }) {
            if HealthItem(rawValue: key) == nil {
                issues.append(FieldIssue(key, Words.say("“{key}” is not a condition or challenge", ["key": key])))
            }
            if !(1...4).contains(value) { issues.append(FieldIssue(key, Words.say("a rating is from 1 (fragile) to 4 (solid)"))) }
        }
        if a.ratings.isEmpty { issues.append(FieldIssue("leadership", Words.say("rate at least one condition or challenge"))) }
        return issues
    }

    private func memberIssue(_ membership: String?, cluster: String, field: String) -> [FieldIssue] {
        guard let membership else { return [] }
        if memberships[membership]?.cluster == cluster { return [] }
        return [FieldIssue(field, Words.say("that member is not in this cluster"), isGap: true)]
    }

    /// A number as people write it: no ".0" on whole numbers.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A value with its goal's unit: a sign (`%`, `‰`) sits against the number, a word after a
    /// space (`12 pupils`, `6 per 100 pupils`).
    public static func amount(_ value: Double, unit: String) -> String {
        guard let first = unit.first else { return number(value) }
        return first.isLetter || first.isNumber ? number(value) + " " + unit : number(value) + unit
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
            ? [] : [FieldIssue("id", Words.say("“{id}” is not an id of a {kind}", ["id": record.id, "kind": record.kind.rawValue]))]
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

extension World {
    /// "the school no longer exists": a member's record gone, in a whole sentence for each type.
    static func noLonger(_ type: MemberType) -> String {
        switch type {
        case .school: return Words.say("the school no longer exists")
        case .agency: return Words.say("the agency no longer exists")
        case .cluster: return Words.say("the cluster no longer exists")
        }
    }
}

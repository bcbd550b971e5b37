import CairnCore
import CairnWords
import Foundation

/// The example clusters shipped in `Resources/examples`: real kinds of collaboration from
/// DOMAIN.md, with dates written relative to today (`-30d`, `+2m`) so that some checkpoints
/// are always overdue, some due soon, some done.
public enum Examples {
    /// The changes that add every example cluster not already in `world` (matched by name).
    public static func changes(for world: World, today: Day, user: String) throws -> [Change] {
        var changes: [Change] = []
        // Each example sees the ones before it: a collaborative's member clusters, a school
        // another example's school feeds.
        var sofar = world
        for file in try files() {
            let example = try JSONDecoder().decode(ExampleCluster.self, from: Data(contentsOf: file))
            if world.clusters.values.contains(where: { $0.name == Text.clean(example.cluster.name) }) { continue }
            let made = try example.changes(today: today, world: sofar)
            sofar.apply(made)
            changes += made
            changes = try example.contributing(changes, in: sofar)
        }
        return changes
    }

    static func files() throws -> [URL] {
        guard let dir = Bundle.module.url(forResource: "examples", withExtension: nil) else {
            throw StoreError(Words.say("the examples are missing from this build (Resources/examples)", context: "store"))
        }
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// One example file: a cluster, its members (new schools and agencies), its checkpoints.
struct ExampleCluster: Decodable {
    struct ClusterPart: Decodable {
        var name: String
        var officialId: String?
        var kind: ClusterKind
        var formality: Formality?
        var level: GroupingLevel?
        var region: String?
        var purpose: String?
        var leadershipModel: String?
        var startedOn: String?
        var fundingSource: String?
        var fundingEndsOn: String?
    }
    struct MemberPart: Decodable {
        /// A school or an agency by its fields, keyed as a record's JSON is.
        var school: [String: JSONValue]?
        var agency: [String: JSONValue]?
        /// A cluster of an earlier example, by name: a grouping's member.
        var cluster: String?
        var role: String?
        var responsibilities: String?
        var lead: Bool?
        /// A member that left after taking on actions: the journal shows it removed, and its
        /// actions are left with no one responsible (a gap the examples mean to show).
        var left: Bool?
    }
    struct Done: Decodable {
        var on: String
        var by: String
        var evidence: String
    }
    struct CheckpointPart: Decodable {
        var title: String
        var due: String
        var done: Done?
        /// The statement of a goal whose measurement this checkpoint asks for.
        var goal: String?
        /// A meeting the monitoring agreement's rhythm set: the plan lists it under the agreement.
        var meeting: Bool?
    }

    struct MeasurementPart: Decodable {
        var value: Double
        var date: String
        var by: String
        var source: String?
    }
    struct GoalPart: Decodable {
        var statement: String
        var indicator: String
        var unit: String?
        var baseline: Double?
        var baselineDate: String?
        var target: Double?
        var deadline: String?
        var priority: Priority?
        var direction: Direction
        /// The owner's name, as in `members`.
        var owner: String?
        var measurements: [MeasurementPart]?
    }
    struct ActionPart: Decodable {
        var description: String
        /// The goal's statement, as in `goals`.
        var goal: String?
        var responsible: String?
        var actionClass: ActionClass
        var start: String?
        var due: String?
        var status: ActionStatus?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case description, goal, responsible
            case actionClass = "class"
            case start, due, status, note
        }
    }

    var cluster: ClusterPart
    var members: [MemberPart]
    var checkpoints: [CheckpointPart]
    var goals: [GoalPart]?
    var actions: [ActionPart]?
    var agreement: AgreementPart?
    var assessments: [AssessmentPart]?
    /// Schools that are no member (a predecessor, a school outside the cluster its members feed).
    var schools: [[String: JSONValue]]?
    var links: [LinkPart]?
    /// Goals of member clusters that contribute to one of this grouping's goals.
    var contributions: [ContributionPart]?

    /// A link between two schools of the examples, by name.
    struct LinkPart: Decodable {
        var from: String
        var to: String
        var relation: LinkRelation
        var phases: [Phase]?
        var on: String?
        var how: Lineage?
    }

    struct ContributionPart: Decodable {
        var cluster: String
        var goal: String
        var to: String
    }

    struct AssessmentPart: Decodable {
        var date: String
        var by: String
        var ratings: [String: Int]
        var notes: [String: String]?
    }

    struct AgreementPart: Decodable {
        var meetingsPerYear: Int
        var reporting: String
        var evaluation: String
        var periodStart: String
        var periodEnd: String
    }

    /// A school or an agency the examples describe by its fields, with a new id.
    static func record<R: DescribedRecord>(_ fields: [String: JSONValue], _ kind: RecordKind, of cluster: String) throws -> R {
        var read = RestoredFields(
            object: fields, path: Words.say("an example member of {cluster}", context: "store", ["cluster": cluster]),
            given: ["id": RecordID.make(kind)])
        var record = R.blank
        record.visitFields(&read)
        if let issue = read.issues.first { throw StoreError(issue) }
        return record
    }

    func changes(today: Day, world: World) throws -> [Change] {
        func day(_ text: String?) throws -> Day? { try text.map { try DayInput.parse($0, today: today) } }
        let c = cluster
        let clusterRecord = Cluster(
            officialId: c.officialId, name: c.name, kind: c.kind, formality: c.formality, region: c.region ?? "",
            purpose: c.purpose ?? "", leadershipModel: c.leadershipModel ?? "", startedOn: try day(c.startedOn),
            fundingSource: c.fundingSource ?? "", fundingEndsOn: try day(c.fundingEndsOn)
        ).normalized()
        var clusterRecordWithLevel = clusterRecord
        clusterRecordWithLevel.level = c.level
        var changes: [Change] = [.put(.cluster(clusterRecordWithLevel))]
        var membershipByName: [String: String] = [:]
        for m in members {
            let type: MemberType
            let memberID: String
            let memberName: String
            if let fields = m.school {
                let s = (try Self.record(fields, .school, of: c.name) as School).normalized()
                if let existing = world.schools.values.first(where: { $0.officialId != nil && $0.officialId == s.officialId }) {
                    memberID = existing.id
                } else {
                    changes.append(.put(.school(s)))
                    memberID = s.id
                }
                memberName = s.name
                type = .school
            } else if let fields = m.agency {
                let agency = (try Self.record(fields, .agency, of: c.name) as Agency).normalized()
                changes.append(.put(.agency(agency)))
                memberID = agency.id
                memberName = agency.name
                type = .agency
            } else if let name = m.cluster {
                guard let member = world.clusters.values.first(where: { $0.name == name }) else {
                    throw StoreError(
                        Words.say(
                            "example {example}: no earlier example is the cluster “{name}”", context: "store",
                            ["example": c.name, "name": name]))
                }
                memberID = member.id
                memberName = member.name
                type = .cluster
            } else {
                throw StoreError(
                    Words.say(
                        "an example member of {example} is neither a school, an agency nor a cluster", context: "store", ["example": c.name]
                    ))
            }
            let membership = Membership(
                cluster: clusterRecord.id, memberType: type, memberId: memberID, role: m.role ?? "",
                responsibilities: m.responsibilities ?? "", lead: m.lead ?? false)
            changes.append(.put(.membership(membership.normalized())))
            membershipByName[memberName] = membership.id
        }
        func member(_ name: String?) throws -> String? {
            guard let name else { return nil }
            guard let id = membershipByName[name] else {
                throw StoreError(
                    Words.say("example {example}: “{name}” is not one of its members", context: "store", ["example": c.name, "name": name]))
            }
            return id
        }
        var goalByStatement: [String: String] = [:]
        for g in goals ?? [] {
            let goal = Goal(
                cluster: clusterRecord.id, statement: g.statement, indicator: g.indicator, unit: g.unit ?? "", baseline: g.baseline,
                baselineDate: try day(g.baselineDate), target: g.target, deadline: try day(g.deadline),
                priority: g.priority ?? .medium, direction: g.direction, owner: try member(g.owner))
            changes.append(.put(.goal(goal.normalized())))
            goalByStatement[g.statement] = goal.id
            for m in g.measurements ?? [] {
                let measurement = Measurement(
                    goal: goal.id, value: m.value, date: try DayInput.parse(m.date, today: today), by: m.by, source: m.source ?? "")
                changes.append(.put(.measurement(measurement.normalized())))
            }
        }
        for a in actions ?? [] {
            let responsible = try member(a.responsible)
            let action = Action(
                cluster: clusterRecord.id, description: a.description, goal: a.goal.flatMap { goalByStatement[$0] },
                responsible: responsible, actionClass: a.actionClass, start: try day(a.start), due: try day(a.due),
                status: a.status ?? .notStarted, note: a.note ?? "")
            changes.append(.put(.action(action.normalized())))
        }
        // A member who left is removed as any removal is: what named them (an action they led)
        // is cleared first, so that nothing points at a member who is gone.
        var sofar = World()
        sofar.apply(changes)
        for m in members where m.left == true {
            if let id = try member((m.school ?? m.agency)?["name"].flatMap { String(fieldJSON: $0) }) {
                let removal = sofar.cascadeDelete(.membership, id: id)
                sofar.apply(removal)
                changes += removal
            }
        }
        var agreementID: String?
        if let a = agreement {
            let record = Agreement(
                cluster: clusterRecord.id, meetingsPerYear: a.meetingsPerYear, reporting: a.reporting, evaluation: a.evaluation,
                periodStart: try DayInput.parse(a.periodStart, today: today), periodEnd: try DayInput.parse(a.periodEnd, today: today))
            changes.append(.put(.agreement(record.normalized())))
            agreementID = record.id
        }
        for a in assessments ?? [] {
            var record = Assessment(cluster: clusterRecord.id, date: try DayInput.parse(a.date, today: today), by: a.by)
            record.ratings = a.ratings
            record.notes = a.notes ?? [:]
            changes.append(.put(.assessment(record.normalized())))
        }
        for p in checkpoints {
            var checkpoint = Checkpoint(
                cluster: clusterRecord.id, title: p.title, due: try DayInput.parse(p.due, today: today),
                goal: p.goal.flatMap { goalByStatement[$0] }, agreement: p.meeting == true ? agreementID : nil)
            if let done = p.done {
                checkpoint = checkpoint.ticked(by: done.by, on: try DayInput.parse(done.on, today: today), evidence: done.evidence)
            }
            changes.append(.put(.checkpoint(checkpoint.normalized())))
        }
        return changes + (try linkChanges(today: today, world: world, made: changes))
    }

    /// The example's schools outside it and its links, each school found by name among the
    /// examples' schools so far.
    private func linkChanges(today: Day, world: World, made: [Change]) throws -> [Change] {
        var changes: [Change] = []
        var byName: [String: String] = [:]
        for s in world.schools.values { byName[s.name] = s.id }
        for case .put(.school(let s)) in made { byName[s.name] = s.id }
        for fields in schools ?? [] {
            let s = (try Self.record(fields, .school, of: cluster.name) as School).normalized()
            if byName[s.name] != nil { continue }
            changes.append(.put(.school(s)))
            byName[s.name] = s.id
        }
        func school(_ name: String) throws -> String {
            guard let id = byName[Text.clean(name)] else {
                throw StoreError(
                    Words.say("example {example}: no school is named “{name}”", context: "store", ["example": cluster.name, "name": name]))
            }
            return id
        }
        for l in links ?? [] {
            let link = Link(
                from: try school(l.from), to: try school(l.to), relation: l.relation, phases: l.phases ?? [],
                on: try l.on.map { try DayInput.parse($0, today: today) }, how: l.how)
            changes.append(.put(.link(link.normalized())))
        }
        return changes
    }

    /// `changes` and then the edits that say which goals of this grouping's members contribute to its goals.
    func contributing(_ changes: [Change], in world: World) throws -> [Change] {
        guard let contributions, !contributions.isEmpty else { return changes }
        var out = changes
        for c in contributions {
            guard let grouping = world.clusters.values.first(where: { $0.name == cluster.name }),
                let aim = world.goals(of: grouping.id).first(where: { $0.statement == c.to }),
                let member = world.clusters.values.first(where: { $0.name == c.cluster }),
                let goal = world.goals(of: member.id).first(where: { $0.statement == c.goal })
            else {
                throw StoreError(
                    Words.say(
                        "example {example}: no goal “{goal}” of “{cluster}” to contribute to “{aim}”", context: "store",
                        ["example": cluster.name, "goal": c.goal, "cluster": c.cluster, "aim": c.to]))
            }

            // Said after the grouping's goal is made: an edit of the member's goal.
            out.append(.edit(Edit(kind: .goal, id: goal.id, fields: [FieldEdit("contributesTo", old: .null, new: .string(aim.id))])))
        }
        return out
    }
}

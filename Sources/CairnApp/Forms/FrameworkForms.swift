import CairnCore
import CairnWords
import TermUI

/// Forms for a cluster's goals, actions and measurements. The first field is what the record
/// is about (the goal's statement, the action's description, the measured value).
enum FrameworkForms {
    static func goal(_ g: Goal?, cluster: String, world: World) -> FormState {
        let members = world.members(of: cluster)
        let number = { (v: Double?) in v.map(World.number) ?? "" }
        return FormState(
            purpose: .goal(id: g?.id, cluster: cluster), title: g == nil ? Words.say("New goal") : Words.say("Edit goal"),
            fields: [
                FormField("statement", Words.say("Goal", context: "field"), text: g?.statement ?? ""),
                FormField(
                    "indicator", Words.say("Indicator", context: "field"), text: g?.indicator ?? "", hint: Words.say("what is measured")),
                FormField("unit", Words.say("Unit", context: "field"), text: g?.unit ?? "", hint: Words.say("%, pupils, meetings")),
                FormField("baseline", Words.say("Baseline", context: "field"), text: number(g?.baseline)),
                FormField(
                    "baselineDate", Words.say("Baseline date", context: "field"), text: g?.baselineDate?.description ?? "",
                    hint: RecordForms.dateHint),
                FormField("target", Words.say("Target", context: "field"), text: number(g?.target)),
                FormField(
                    "deadline", Words.say("Deadline", context: "field"), text: g?.deadline?.description ?? "", hint: RecordForms.dateHint),
                .choice(
                    "priority", Words.say("Priority", context: "field"), options: Priority.allCases.map(\.rawValue),
                    selected: (g?.priority ?? .medium).rawValue, labels: Priority.allCases.map(\.label)),
                {
                    var f = FormField.choice(
                        "direction", Words.say("Direction", context: "field"), options: Direction.allCases.map(\.rawValue),
                        selected: (g?.direction ?? .increase).rawValue, labels: Direction.allCases.map(\.label))
                    f.hint = Words.say("follows baseline → target")
                    return f
                }(),
                .choice(
                    "owner", Words.say("Owner", context: "field"), options: [""] + members.map(\.id), selected: g?.owner ?? "",
                    labels: [Words.say("(none)")] + members.map { world.memberName($0) }),
            ] + contributesTo(g, cluster: cluster, world: world))
    }

    /// Where the cluster is within groupings that have goals: which of those goals this one
    /// contributes to.
    static func contributesTo(_ g: Goal?, cluster: String, world: World) -> [FormField] {
        let above = world.groupingsAbove(cluster)
        let aims = above.flatMap { world.goals(of: $0) }.sorted {
            (world.clusters[$0.cluster]?.name ?? "", $0.statement, $0.id) < (world.clusters[$1.cluster]?.name ?? "", $1.statement, $1.id)
        }
        guard !aims.isEmpty || g?.contributesTo != nil else { return [] }
        var options = [""] + aims.map(\.id)
        var labels = [Words.say("(none)")] + aims.map { "\($0.statement) (\(world.clusters[$0.cluster]?.name ?? ""))" }
        if let kept = g?.contributesTo, !options.contains(kept) {
            options.append(kept)
            labels.append(world.goals[kept]?.statement ?? kept)
        }
        return [
            .choice(
                "contributesTo", Words.say("Contributes to", context: "field"), options: options, selected: g?.contributesTo ?? "",
                labels: labels)
        ]
    }

    /// An action to edit, or a new one for `goal` and, when given, with `responsible` chosen.
    static func action(_ a: Action?, cluster: String, goal: String?, responsible: String? = nil, world: World) -> FormState {
        let members = world.members(of: cluster)
        let goals = world.goals(of: cluster)
        return FormState(
            purpose: .action(id: a?.id, cluster: cluster), title: a == nil ? Words.say("New action") : Words.say("Edit action"),
            fields: [
                FormField("description", Words.say("Action", context: "field"), text: a?.description ?? ""),
                .choice(
                    "goal", Words.say("Serves goal", context: "field"), options: [""] + goals.map(\.id), selected: a?.goal ?? goal ?? "",
                    labels: [Words.say("(none)")] + goals.map(\.statement)),
                .choice(
                    "responsible", Words.say("Responsible", context: "field"), options: [""] + members.map(\.id),
                    selected: a?.responsible ?? responsible ?? "", labels: [Words.say("(choose)")] + members.map { world.memberName($0) }),
                .choice(
                    "class", Words.say("Class", context: "field"), options: ActionClass.allCases.map(\.rawValue),
                    selected: (a?.actionClass ?? .prevention).rawValue, labels: ActionClass.allCases.map(\.label)),
                FormField("start", Words.say("Start", context: "field"), text: a?.start?.description ?? "", hint: RecordForms.dateHint),
                FormField("due", Words.say("Due", context: "field"), text: a?.due?.description ?? "", hint: RecordForms.dateHint),
                .choice(
                    "status", Words.say("Status", context: "field"), options: ActionStatus.allCases.map(\.rawValue),
                    selected: (a?.status ?? .notStarted).rawValue, labels: ActionStatus.allCases.map(\.label)),
                .longText("note", Words.say("Note", context: "field"), text: a?.note ?? ""),
            ])
    }

    /// A new measurement, or `m` to correct.
    static func measurement(goal: Goal, today: Day, correcting m: Measurement? = nil) -> FormState {
        FormState(
            purpose: m.map { .correctMeasurement(id: $0.id, goal: goal.id) } ?? .measurement(goal: goal.id),
            title: m == nil
                ? Words.say("Measure: {goal}", ["goal": goal.statement])
                : Words.say("Correct measurement: {goal}", ["goal": goal.statement]),
            fields: [
                FormField(
                    "value", Words.say("Value", context: "field"), text: m.map { World.number($0.value) } ?? "",
                    hint: goal.unit.isEmpty ? goal.indicator : "\(goal.unit) · \(goal.indicator)"),
                FormField(
                    "date", Words.say("Date", context: "field"), text: m?.date.description ?? DayInput.today,
                    hint: Words.say("the day it was taken; not later than today"), offered: m == nil),
                FormField(
                    "source", Words.say("Source", context: "field"), text: m?.source ?? "", hint: Words.say("where the value comes from")),
            ])
    }

    /// The record a framework form describes, with the issues found reading its fields.
    static func record(from form: FormState, env: inout AppEnvironment, issues: inout [FieldIssue]) -> Record {
        let world = env.world
        let today = env.today
        func text(_ key: String) -> String { form.value(key) }
        func optional(_ key: String) -> String? { text(key).isEmpty ? nil : text(key) }
        func date(_ key: String) -> Day? {
            guard let t = optional(key)?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            do { return try DayInput.parse(t, today: today) } catch {
                issues.append(FieldIssue(key, error.message))
                return nil
            }
        }
        func number(_ key: String) -> Double? {
            do { return try NumberInput.parse(text(key)) } catch {
                issues.append(FieldIssue(key, error.message))
                return nil
            }
        }
        switch form.purpose {
        case .goal(let id, let cluster):
            var g = id.flatMap { world.goals[$0] } ?? Goal(id: id ?? env.ids.make(.goal), cluster: cluster, statement: "")
            g.statement = text("statement")
            g.indicator = text("indicator")
            g.unit = text("unit")
            g.baseline = number("baseline")
            g.baselineDate = date("baselineDate") ?? (g.baseline == nil ? nil : today)
            g.target = number("target")
            g.deadline = date("deadline")
            g.priority = Priority(rawValue: text("priority")) ?? .medium
            g.direction = Direction(rawValue: text("direction")) ?? .increase
            g.owner = optional("owner")
            if form.field("contributesTo") != nil { g.contributesTo = optional("contributesTo") }
            return .goal(g)
        case .action(let id, let cluster):
            var a = id.flatMap { world.actions[$0] } ?? Action(id: id ?? env.ids.make(.action), cluster: cluster, description: "")
            a.description = text("description")
            a.goal = optional("goal")
            a.responsible = optional("responsible")
            a.actionClass = ActionClass(rawValue: text("class")) ?? .prevention
            a.start = date("start")
            a.due = date("due")
            a.status = ActionStatus(rawValue: text("status")) ?? .notStarted
            a.note = text("note")
            return .action(a)
        case .agreement(let id, let cluster):
            return agreementRecord(from: form, id: id, cluster: cluster, env: &env, issues: &issues)
        case .assessment(let id, let cluster):
            return assessmentRecord(from: form, id: id, cluster: cluster, env: &env, issues: &issues)
        case .measurement(let goal), .correctMeasurement(_, let goal):
            let value = number("value")
            if value == nil, !issues.contains(where: { $0.field == "value" }) {
                issues.append(FieldIssue("value", Words.say("a number is required")))
            }
            let day = date("date") ?? today
            var m =
                form.purpose.edited.flatMap { world.measurements[$0.id] }
                ?? Measurement(id: env.ids.make(.measurement), goal: goal, value: .nan, date: day, by: env.user)
            m.value = value ?? .nan
            m.date = day
            m.source = text("source")
            return .measurement(m)
        case .cluster, .school, .agency, .checkpoint, .member, .meetings, .tick, .tickAll, .link:
            preconditionFailure("not a framework form: \(form.purpose)")
        }
    }
}

import CairnCore
import CairnWords

/// Reads a submitted form into the rule book's operation: the form gathers input, the rule book
/// decides. What cannot be read (a bad date) is reported before the rule book is asked.
enum FormSubmission {
    enum Result: Equatable {
        /// What is wrong, in the order of the form's fields, so focus goes to the first.
        case refused([FieldIssue])
        /// The operation to commit, its outcome on the screen's world, and the form to open once
        /// it is saved.
        case ready(DomainOperation, Outcome, next: FormState?)
        /// Savable, but odd enough to ask first: a second Enter with the same `key` saves it.
        case warned(FieldIssue, key: String)
    }

    /// What to ask before saving: a measurement far outside its goal's range, a school or an
    /// agency that looks like one already here.
    static func warning(for operation: DomainOperation, in world: World) -> String? {
        switch operation {
        case .measure(let m), .edit(.measurement(let m), _):
            return world.goals[m.goal]?.outlierWarning(m.value).map { Words.say("{warning}: Enter again keeps it", ["warning": $0]) }
        case .add(let record):
            return world.duplicateWarning(for: record).map { Words.say("{warning}: Enter again adds a second one", ["warning": $0]) }
        case .all(let operations, _):
            return operations.lazy.compactMap { warning(for: $0, in: world) }.first
        default:
            return nil
        }
    }

    static func submit(_ form: FormState, _ env: inout AppEnvironment) -> Result {
        var issues: [FieldIssue] = []
        let world = env.world
        let operation = self.operation(for: form, &env, &issues)
        let order = form.fields.map(\.key)
        func inFieldOrder(_ list: [FieldIssue]) -> [FieldIssue] {
            list.sorted { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
        }
        do {
            let outcome = try world.perform(operation, by: env.author)
            if !issues.isEmpty { return .refused(inFieldOrder(issues)) }
            if let warning = warning(for: operation, in: world), warning != form.confirmedWarning {
                let field = form.field("value") != nil ? "value" : "name"
                return .warned(FieldIssue(field, warning), key: warning)
            }
            return .ready(operation, outcome, next: next(after: form, outcome, world, today: env.today))
        } catch {
            // A field already found unreadable is not also reported by the record's rules.
            var more = error.issues.filter { rule in !issues.contains { $0.field == rule.field } }
            if case .link = form.purpose { more = LinkForms.placed(more, on: form) }
            return .refused(inFieldOrder(issues + more))
        }
    }

    /// The form that follows a saved one: a new school or agency from the picker asks for its
    /// role in the cluster; a new rhythm or period of the agreement proposes its meetings.
    static func next(after form: FormState, _ outcome: Outcome, _ before: World, today: Day) -> FormState? {
        for record in outcome.saved(from: before) {
            switch (form.purpose, record) {
            case (.school(_, let join?), .school(let s)):
                var after = before
                after.apply(outcome.changes)
                return RecordForms.member(nil, cluster: join, type: .school, memberId: s.id, name: s.name, world: after)
            case (.agency(_, let join?), .agency(let a)):
                var after = before
                after.apply(outcome.changes)
                return RecordForms.member(nil, cluster: join, type: .agency, memberId: a.id, name: a.name, world: after)
            case (.agreement, .agreement(let a)):
                let old = before.agreements[a.id]
                let changed =
                    old?.meetingsPerYear != a.meetingsPerYear || old?.periodStart != a.periodStart || old?.periodEnd != a.periodEnd
                var after = before
                after.apply(outcome.changes)
                return changed ? FrameworkForms.meetings(for: a, world: after, today: today) : nil
            default: continue
            }
        }
        return nil
    }

    /// The operation the form asks for; `issues` gets what could not be read.
    static func operation(for form: FormState, _ env: inout AppEnvironment, _ issues: inout [FieldIssue]) -> DomainOperation {
        // The record is read as the form opened it, so that only what was typed differs.
        let basis = form.basisRecord
        var world = env.world
        if let basis { world.apply(.put(basis)) }
        let today = env.today
        func date(_ key: String) -> Day? {
            let text = form.value(key)
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            do {
                return try DayInput.parse(text, today: today)
            } catch {
                issues.append(FieldIssue(key, error.message))
                return nil
            }
        }
        func text(_ key: String) -> String { form.value(key) }
        func optional(_ key: String) -> String? { text(key).isEmpty ? nil : text(key) }
        /// A new record gets its id from the environment's source; an edited one keeps its own.
        func addOrEdit(_ record: Record, isNew: Bool) -> DomainOperation { isNew ? .add(record) : .edit(record, basis: basis) }

        switch form.purpose {
        case .meetings(let cluster):
            return FrameworkForms.meetingsOperation(
                from: form, cluster: cluster, world: world, today: today, ids: &env.ids, issues: &issues)
        case .cluster(let id):
            let c = id.flatMap { world.clusters[$0] } ?? Cluster(id: id ?? env.ids.make(.cluster), name: "")
            let record = described(.cluster(c), from: form, today: today, issues: &issues)
            return addOrEdit(record, isNew: id == nil)
        case .school(let id, _):
            let s = id.flatMap { world.schools[$0] } ?? School(id: id ?? env.ids.make(.school), name: "")
            let record = described(.school(s), from: form, today: today, issues: &issues)
            return addOrEdit(record, isNew: id == nil)
        case .agency(let id, _):
            let a = id.flatMap { world.agencies[$0] } ?? Agency(id: id ?? env.ids.make(.agency), name: "", sector: .other)
            let record = described(.agency(a), from: form, today: today, issues: &issues)
            return addOrEdit(record, isNew: id == nil)
        case .checkpoint(let id, let cluster):
            var c =
                id.flatMap { world.checkpoints[$0] }
                ?? Checkpoint(id: id ?? env.ids.make(.checkpoint), cluster: cluster, title: "", due: today)
            if let chosen = form.field("cluster")?.value, !chosen.isEmpty { c.cluster = chosen }
            c.title = text("title")
            if text("due").trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(FieldIssue("due", Words.say("a due date is required: {hint}", ["hint": DayInput.hint])))
            } else if let due = date("due") {
                c.due = due
            }
            if form.field("concerns") != nil { c.concerns = optional("concerns") }
            if form.field("goal") != nil { c.goal = optional("goal") }
            if c.isDone, form.field("doneOn") != nil {
                if text("doneOn").trimmingCharacters(in: .whitespaces).isEmpty {
                    issues.append(FieldIssue("doneOn", Words.say("a ticked checkpoint keeps its day: Space on it reopens it")))
                } else if let on = date("doneOn") {
                    c.doneOn = on
                }
                c.evidence = optional("evidence")
            }
            return addOrEdit(.checkpoint(c), isNew: id == nil)
        case .member(let membership, let cluster, let type, let memberId):
            var m =
                membership.flatMap { world.memberships[$0] }
                ?? Membership(id: membership ?? env.ids.make(.membership), cluster: cluster, memberType: type, memberId: memberId)
            m.role = text("role")
            m.responsibilities = text("responsibilities")
            m.lead = form.field("lead")?.flag ?? false
            return addOrEdit(.membership(m), isNew: membership == nil)
        case .goal(let id, _), .action(let id, _), .agreement(let id, _), .assessment(let id, _):
            let record = FrameworkForms.record(from: form, env: &env, issues: &issues)
            return addOrEdit(record, isNew: id == nil)
        case .link(let id, let school, let other):
            return LinkForms.operation(form, id: id, school: school, other: other, world: world, env: &env, issues: &issues)
        case .tick(let id):
            let on = text("doneOn").trimmingCharacters(in: .whitespaces).isEmpty ? today : date("doneOn")
            return .tick(checkpoint: id, evidence: text("evidence"), on: on ?? today)
        case .tickAll(let ids):
            let on = text("doneOn").trimmingCharacters(in: .whitespaces).isEmpty ? today : date("doneOn")
            let ticks = ids.map { DomainOperation.tick(checkpoint: $0, evidence: text("evidence"), on: on ?? today) }
            return .all(ticks, summary: Words.count("Ticked {count} checkpoint", "Ticked {count} checkpoints", ids.count))
        case .measurement, .correctMeasurement:
            guard case .measurement(let m) = FrameworkForms.record(from: form, env: &env, issues: &issues) else {
                return .all([], summary: "")
            }
            if case .correctMeasurement = form.purpose { return .edit(.measurement(m), basis: basis) }
            return .measure(m)
        }
    }
}

/// The rule book: every operation validated against the world and turned into changes.
extension World {
    /// What `operation` changes when `author` asks for it, or why it is refused.
    ///
    /// Pure: nothing is written. The changes are checked in order against the world as it
    /// will be, so an operation of several parts sees its own earlier parts.
    public func perform(_ operation: DomainOperation, by author: Author) throws(Refusal) -> Outcome {
        var scratch = self
        var changes: [Change] = []
        let summary = try scratch.carryOut(operation, by: author, into: &changes)
        return Outcome(changes: changes, inverse: inverse(of: changes), summary: summary)
    }

    private mutating func carryOut(_ operation: DomainOperation, by author: Author, into changes: inout [Change]) throws(Refusal) -> String
    {
        switch operation {
        case .add(let record):
            if let existing = self.record(record.kind, id: record.id) {
                throw Refusal("id", "\(record.id) is already \(describe(existing)): a new record needs a new id")
            }
            let checked = try check(record, typed: true)
            put(checked, into: &changes)
            return "Added \(describe(checked))"
        case .edit(let record):
            guard self.record(record.kind, id: record.id) != nil else { throw Refusal("id", "\(record.id) no longer exists") }
            let checked = try check(record, typed: true)
            put(checked, into: &changes)
            return "Saved \(describe(checked))"
        case .setFields(let kind, let id, let fields):
            guard var record = self.record(kind, id: id) else { throw Refusal("id", "\(id) no longer exists") }
            for f in fields {
                do {
                    record = try RecordFields.set(f.field, to: f.value, in: record, today: author.today)
                } catch {
                    throw Refusal(f.field, error.message)
                }
            }
            let checked = try check(record, typed: true)
            put(checked, into: &changes)
            return "Saved \(describe(checked))"
        case .delete(let kind, let id):
            guard let record = self.record(kind, id: id) else { throw Refusal("id", "\(id) no longer exists") }
            let name = describe(record)
            for change in cascadeDelete(kind, id: id) { apply(change, into: &changes) }
            return kind == .membership ? "Removed \(name)" : "Deleted \(name)"
        case .tick(let id, let evidence):
            guard let c = checkpoints[id] else { throw Refusal("checkpoint", "checkpoint \(id) no longer exists") }
            if let by = c.doneBy, let on = c.doneOn {
                throw Refusal("done", "“\(c.title)” was already ticked by \(by) on \(on)")
            }
            put(try check(.checkpoint(c.ticked(by: author.user, on: author.today, evidence: evidence)), typed: true), into: &changes)
            return "Ticked “\(c.title)” as done"
        case .reopen(let id):
            guard let c = checkpoints[id] else { throw Refusal("checkpoint", "checkpoint \(id) no longer exists") }
            guard c.isDone else { throw Refusal("done", "“\(c.title)” is not done, so there is nothing to reopen") }
            put(.checkpoint(c.reopened()), into: &changes)
            return "Reopened “\(c.title)”"
        case .measure(let m):
            if measurements[m.id] != nil { throw Refusal("id", "\(m.id) is already a measurement: a new one needs a new id") }
            let checked = try check(.measurement(m), typed: true)
            put(checked, into: &changes)
            guard case .measurement(let measured) = checked else { return "" }
            let ticks = ticksFor(measured, by: author.user, on: author.today)
            for tick in ticks { apply(tick, into: &changes) }
            if case .put(.checkpoint(let c))? = ticks.first { return "Added \(describe(checked)) and ticked “\(c.title)”" }
            return "Added \(describe(checked))"
        case .carry(let carried, let summary):
            // Many records in a row: unique keys are looked up in an index, not by scanning.
            var keys = UniqueKeys(self)
            for change in carried {
                switch change {
                case .put(let record):
                    let (normalized, found) = validate(record, keys: keys)
                    let issues = found.filter { !$0.isGap }
                    if !issues.isEmpty {
                        throw Refusal(issues.map { FieldIssue($0.field, "\(describe(normalized)): \($0.message)") })
                    }
                    keys.note(.put(normalized))
                    put(normalized, into: &changes)
                case .delete(let kind, let id):
                    guard self.record(kind, id: id) != nil else { throw Refusal("id", "\(id) no longer exists") }
                    apply(change, into: &changes)
                }
            }
            return summary
        case .all(let operations, let summary):
            var last = ""
            for op in operations { last = try carryOut(op, by: author, into: &changes) }
            return operations.count == 1 ? last : summary
        case .undo(let inverse, let summary):
            for change in inverse { apply(change, into: &changes) }
            return "Undone: \(summary)"
        }
    }

    /// The record normalised (NFC, trimmed, direction from baseline and target), or every rule
    /// it breaks. `typed`: a person is adding or editing it, so it must also be complete.
    func check(_ record: Record, typed: Bool) throws(Refusal) -> Record {
        let (normalized, issues) = validate(record)
        var all = issues
        if typed { all += completeness(normalized) }
        if !all.isEmpty { throw Refusal(all) }
        return normalized
    }

    /// What a typed record must also say, though a carried one may leave it to the gaps.
    private func completeness(_ record: Record) -> [FieldIssue] {
        guard case .goal(let g) = record else { return [] }
        var issues: [FieldIssue] = []
        if g.indicator.isEmpty {
            issues.append(FieldIssue("indicator", "say how progress is measured: an indicator is required", isGap: true))
        }
        if g.target == nil { issues.append(FieldIssue("target", "a target is required", isGap: true)) }
        if g.deadline == nil { issues.append(FieldIssue("deadline", "a deadline is required: \(DayInput.hint)", isGap: true)) }
        return issues
    }

    private mutating func put(_ record: Record, into changes: inout [Change]) {
        apply(.put(record), into: &changes)
    }

    private mutating func apply(_ change: Change, into changes: inout [Change]) {
        apply(change)
        changes.append(change)
    }

    /// A record as a sentence names it: `school “Þingeyjarskóli”`.
    public func describe(_ record: Record) -> String {
        switch record {
        case .school(let s): return "school “\(s.name)”"
        case .agency(let a): return "agency “\(a.name)”"
        case .cluster(let c): return "cluster “\(c.name)”"
        case .checkpoint(let c): return "checkpoint “\(c.title)”"
        case .membership(let m): return "member “\(memberName(m))”"
        case .goal(let g): return "goal “\(g.statement)”"
        case .measurement(let m): return "measurement \(World.number(m.value)) on \(m.date)"
        case .action(let a): return "action “\(a.description)”"
        case .agreement(let a): return "monitoring agreement (\(a.meetingsPerYear) meetings a year)"
        case .assessment(let a): return "health check of \(a.date)"
        }
    }
}

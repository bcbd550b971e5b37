import CairnWords

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
        var putsBack = false
        if case .undo = operation { putsBack = true }
        return Outcome(changes: changes, inverse: inverse(of: changes), summary: summary, putsBack: putsBack)
    }

    private mutating func carryOut(_ operation: DomainOperation, by author: Author, into changes: inout [Change]) throws(Refusal) -> String
    {
        switch operation {
        case .add(let record):
            if let existing = self.record(record.kind, id: record.id) {
                throw Refusal(
                    "id",
                    Words.say("{id} is already {record}: a new record needs a new id", ["id": record.id, "record": describe(existing)]))
            }
            let checked = try check(record, by: author)
            put(checked, into: &changes)
            return Words.say("Added {record}", ["record": describe(checked)])
        case .edit(let record, let basis):
            guard let current = self.record(record.kind, id: record.id) else { throw Refusal("id", goneMessage(record.kind, record.id)) }
            let checked = try check(record, by: author)
            guard let basis else {
                put(checked, into: &changes)
                return Words.say("Saved {record}", ["record": describe(checked)])
            }
            // What this person changed, onto what others may have changed since they opened it;
            // a field already at the value typed needs no writing (a form saved twice).
            var edit = Edit.between(basis, checked)
            let now = current.fieldValues
            edit.fields.removeAll { (now[$0.name] ?? .null) == $0.new }
            let merged: Record
            do { merged = try current.applying(edit.fields) } catch { throw Refusal("id", error.message) }
            let final = try check(merged, by: author)
            if !edit.fields.isEmpty { apply(.edit(edit), into: &changes) }
            return Words.say("Saved {record}", ["record": describe(final)])
        case .setFields(let kind, let id, let fields):
            guard var record = self.record(kind, id: id) else { throw Refusal("id", goneMessage(kind, id)) }
            for f in fields {
                do {
                    record = try RecordFields.set(f.field, to: f.value, in: record, today: author.today)
                } catch {
                    throw Refusal(f.field, error.message)
                }
            }
            let checked = try check(record, by: author)
            put(checked, into: &changes)
            return Words.say("Saved {record}", ["record": describe(checked)])
        case .delete(let kind, let id):
            guard let record = self.record(kind, id: id) else { throw Refusal("id", Words.say("{id} no longer exists", ["id": id])) }
            let name = describe(record)
            for change in cascadeDelete(kind, id: id) { apply(change, into: &changes) }
            return kind == .membership ? Words.say("Removed {record}", ["record": name]) : Words.say("Deleted {record}", ["record": name])
        case .tick(let id, let evidence, let day):
            guard let c = checkpoints[id] else { throw Refusal("checkpoint", Words.say("checkpoint {id} no longer exists", ["id": id])) }
            if let by = c.doneBy, let on = c.doneOn {
                throw Refusal(
                    "done", Words.say("“{title}” was already ticked by {by} on {day}", ["title": c.title, "by": by, "day": on.description]))
            }
            let done = day ?? author.today
            put(try check(.checkpoint(c.ticked(by: author.user, on: done, evidence: evidence)), by: author), into: &changes)
            return done == author.today
                ? Words.say("Ticked “{title}” as done", ["title": c.title])
                : Words.say("Ticked “{title}” as done on {day}", ["title": c.title, "day": done.description])
        case .leave(let id, let day):
            guard let m = memberships[id] else { throw Refusal("membership", Words.say("membership {id} no longer exists", ["id": id])) }
            let name = memberName(m)
            if let left = m.to { throw Refusal("to", Words.say("{name} already left on {day}", ["name": name, "day": left.description])) }
            let on = day ?? author.today
            if on > author.today {
                throw Refusal(
                    "to", Words.say("{day} is still to come: a member leaves today or on an earlier day", ["day": on.description]))
            }
            var left = m
            left.to = on
            left.lead = false
            put(try check(.membership(left), by: author), into: &changes)
            return Words.say(
                "{name} left {cluster} on {day}",
                ["name": name, "cluster": clusters[m.cluster]?.name ?? Words.say("the cluster"), "day": on.description])
        case .reopen(let id):
            guard let c = checkpoints[id] else { throw Refusal("checkpoint", Words.say("checkpoint {id} no longer exists", ["id": id])) }
            guard c.isDone else {
                throw Refusal("done", Words.say("“{title}” is not done, so there is nothing to reopen", ["title": c.title]))
            }
            put(.checkpoint(c.reopened()), into: &changes)
            return Words.say("Reopened “{title}”", ["title": c.title])
        case .measure(let m):
            if measurements[m.id] != nil {
                throw Refusal("id", Words.say("{id} is already a measurement: a new one needs a new id", ["id": m.id]))
            }
            guard case .measurement(var measured) = try check(.measurement(m), by: author) else { return "" }
            let ticks = ticksFor(measured, by: author.user, on: author.today)
            if case .put(.checkpoint(let c))? = ticks.first { measured.ticked = c.id }
            let checked = Record.measurement(measured)
            put(checked, into: &changes)
            for tick in ticks { apply(tick, into: &changes) }
            if case .put(.checkpoint(let c))? = ticks.first {
                return Words.say("Added {record} and ticked “{title}”", ["record": describe(checked), "title": c.title])
            }
            return Words.say("Added {record}", ["record": describe(checked)])
        case .carry(let carried, let summary):
            // Many records in a row: unique keys are looked up in an index, not by scanning.
            var keys = UniqueKeys(self)
            for change in carried {
                switch change {
                case .put(let record):
                    let (normalized, found) = validate(record, keys: keys)
                    let issues = found.filter { !$0.isGap }
                    if !issues.isEmpty {
                        throw Refusal(
                            issues.map {
                                FieldIssue(
                                    $0.field, Words.say("{record}: {problem}", ["record": describe(normalized), "problem": $0.message]))
                            })
                    }
                    keys.note(.put(normalized))
                    put(normalized, into: &changes)
                case .edit(let edit):
                    guard let before = self.record(edit.kind, id: edit.id) else {
                        throw Refusal("id", Words.say("{id} no longer exists", ["id": edit.id]))
                    }
                    let after: Record
                    do { after = try before.applying(edit.fields) } catch {
                        throw Refusal("id", Words.say("{record}: {problem}", ["record": describe(before), "problem": error.message]))
                    }
                    // As a carried record: what it lacks is a gap to fill, not a refusal (an
                    // action whose responsible member left).
                    let (normalized, found) = validate(after)
                    let issues = found.filter { !$0.isGap }
                    if !issues.isEmpty { throw Refusal(issues) }
                    put(normalized, into: &changes)
                case .delete(let kind, let id):
                    guard self.record(kind, id: id) != nil else { throw Refusal("id", Words.say("{id} no longer exists", ["id": id])) }
                    // As every delete: what only makes sense with it goes, links to it are cleared.
                    for c in cascadeDelete(kind, id: id) { apply(c, into: &changes) }
                }
            }
            return summary
        case .all(let operations, let summary):
            var last = ""
            for op in operations { last = try carryOut(op, by: author, into: &changes) }
            return operations.count == 1 ? last : summary
        case .undo(let inverse, let summary):
            // An undo that would delete a record something made since names (an action given
            // to a member whose adding is undone) would leave that reference pointing nowhere.
            let deleting = Set(inverse.compactMap { if case .delete(_, let id) = $0 { id } else { nil } })
            if let (referrer, _) = referrers(to: deleting).first {
                throw Refusal(
                    "undo",
                    Words.say("not undone: {record} was linked to it since; change or delete that first", ["record": describe(referrer)]))
            }
            for change in inverse {
                try checkUndoable(change)
                apply(change, into: &changes)
            }
            return Words.say("Undone: {summary}", ["summary": summary])
        case .resolve(let conflict, let side):
            return try resolve(conflict, choosing: side, into: &changes)
        }
    }

    private mutating func resolve(_ conflict: Conflict, choosing side: Conflict.Side, into changes: inout [Change]) throws(Refusal)
        -> String
    {
        guard conflicts[conflict.key] != nil else { throw Refusal("conflict", Words.say("that conflict has already been resolved")) }
        let chosen = "“\(side.value.display)”"
        if conflict.recordDeleted {
            if side == conflict.kept {
                let fields = conflicts.values.filter { $0.record == conflict.record }.map {
                    FieldEdit($0.field, old: .null, new: .null, resolves: true)
                }
                apply(.edit(Edit(kind: conflict.kind, id: conflict.record, fields: fields)), into: &changes)
                return Words.say("Kept {kind} {id} deleted", ["kind": conflict.kind.said, "id": conflict.record])
            }
            guard let back = restorable(conflict, choosing: side) else {
                throw Refusal("conflict", Words.say("the deleted {kind} cannot be brought back", ["kind": conflict.kind.said]))
            }
            // A record made inside one deleted elsewhere comes back with what it belongs to.
            // Held to the rules every record is: a copy that read it would refuse it otherwise.
            for record in try restoring(back) { apply(.put(try check(record, typed: false)), into: &changes) }
            return Words.say(
                "Brought back {record} with {field} {value}", ["record": describe(back), "field": conflict.field, "value": chosen])
        }
        guard let now = record(conflict.kind, id: conflict.record) else {
            throw Refusal("conflict", Words.say("that {kind} has been deleted since", ["kind": conflict.kind.said]))
        }
        let current = now.fieldValues[conflict.field] ?? .null
        let edit = Edit(
            kind: conflict.kind, id: conflict.record, fields: [FieldEdit(conflict.field, old: current, new: side.value, resolves: true)])
        let after: Record
        do { after = try now.applying(edit.fields) } catch { throw Refusal(conflict.field, error.message) }
        if let gone = goneLink(conflict.field, of: after) { throw Refusal(conflict.field, gone) }
        _ = try check(after, typed: false)
        apply(.edit(edit), into: &changes)
        return Words.say("Kept {field} {value} for {record}", ["field": conflict.field, "value": chosen, "record": describe(now)])
    }

    /// Undo puts back only what the change being undone set: a field someone changed since, a
    /// record gone since or an id taken again refuses it, rather than overwrite their work.
    func checkUndoable(_ change: Change) throws(Refusal) {
        switch change {
        case .edit(let edit):
            guard let now = record(edit.kind, id: edit.id) else {
                throw Refusal("undo", Words.say("not undone: that {kind} has been deleted since", ["kind": edit.kind.said]))
            }
            let values = now.fieldValues
            for f in edit.fields where (values[f.name] ?? .null) != f.old {
                throw Refusal(
                    "undo",
                    Words.say(
                        "not undone: {field} of {record} was changed since, to “{value}”",
                        ["field": f.name, "record": describe(now), "value": (values[f.name] ?? .null).display]))
            }
        case .put(let r):
            if let now = record(r.kind, id: r.id) {
                throw Refusal("undo", Words.say("not undone: {record} is there again", ["record": describe(now)]))
            }
        case .delete(let kind, let id):
            guard record(kind, id: id) != nil else {
                throw Refusal("undo", Words.say("not undone: that {kind} has been deleted since", ["kind": kind.said]))
            }
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

    /// A record a person typed: complete, and with no day of something done after today (a
    /// tick, a measurement). Only a day the operation changes is checked, so that an old
    /// record dated ahead can still be edited, its day included.
    func check(_ record: Record, by author: Author) throws(Refusal) -> Record {
        let normalized = try check(record, typed: true)
        let stored = self.record(record.kind, id: record.id)
        var issues = DoneDay.issues(normalized, stored: stored, today: author.today)
        if case .membership(let m) = normalized, let issue = exclusiveIssue(m, stored: memberships[m.id]) {
            issues.append(issue)
        }
        if case .cluster(let c) = normalized, let issue = exclusiveKindIssue(c, stored: clusters[c.id]) { issues.append(issue) }
        if !issues.isEmpty { throw Refusal(issues) }
        return normalized
    }

    /// What a typed record must also say, though a carried one may leave it to the gaps.
    private func completeness(_ record: Record) -> [FieldIssue] {
        guard case .goal(let g) = record else { return [] }
        var issues: [FieldIssue] = []
        if g.indicator.isEmpty {
            issues.append(FieldIssue("indicator", Words.say("say how progress is measured: an indicator is required"), isGap: true))
        }
        if g.target == nil { issues.append(FieldIssue("target", Words.say("a target is required"), isGap: true)) }
        if g.deadline == nil {
            issues.append(FieldIssue("deadline", Words.say("a deadline is required: {hint}", ["hint": DayInput.hint]), isGap: true))
        }
        return issues
    }

    /// A new record is created whole; a stored one gets an edit of just the fields that differ
    /// (none, nothing is written), each based on its value now.
    private mutating func put(_ record: Record, into changes: inout [Change]) {
        guard let existing = self.record(record.kind, id: record.id) else {
            apply(.put(record), into: &changes)
            return
        }
        let edit = Edit.between(existing, record)
        if !edit.fields.isEmpty { apply(.edit(edit), into: &changes) }
    }

    private mutating func apply(_ change: Change, into changes: inout [Change]) {
        apply(change)
        changes.append(change)
    }

    /// A record as a sentence names it: `school “Þingeyjarskóli”`.
    public func describe(_ record: Record) -> String {
        switch record {
        case .school(let s): return Words.say("school “{name}”", ["name": s.name])
        case .agency(let a): return Words.say("agency “{name}”", ["name": a.name])
        case .cluster(let c): return Words.say("cluster “{name}”", ["name": c.name])
        case .checkpoint(let c): return Words.say("checkpoint “{name}”", ["name": c.title])
        case .membership(let m): return Words.say("member “{name}”", ["name": memberName(m)])
        case .goal(let g): return Words.say("goal “{name}”", ["name": g.statement])
        case .measurement(let m):
            return Words.say("measurement {value} on {date}", ["value": World.number(m.value), "date": m.date.description])
        case .action(let a): return Words.say("action “{name}”", ["name": a.description])
        case .agreement(let a):
            return Words.count(
                "monitoring agreement ({count} meeting a year)", "monitoring agreement ({count} meetings a year)", a.meetingsPerYear)
        case .assessment(let a): return Words.say("health check of {date}", ["date": a.date.description])
        case .link(let l): return Words.say("link: {link}", ["link": linkPhrase(l)])
        }
    }
}

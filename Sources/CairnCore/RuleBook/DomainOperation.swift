/// A change of the domain, named for what a person does. Every door (a form, Space on a
/// checkpoint, a command, an import, a JSON restore, loading the examples, undo) asks for one,
/// and `World.perform(_:by:)` alone decides what it changes, so the doors cannot disagree.
public enum DomainOperation: Sendable, Equatable {
    /// A new record, typed by a person. Refused when its id is already taken.
    case add(Record)
    /// A stored record edited: the fields in which `record` differs from `basis` (the record as
    /// the form showed it when it opened) are set on the record as it is now, each based on its
    /// value in `basis`; without a basis, the fields in which it differs from the stored one.
    case edit(Record, basis: Record? = nil)
    /// Fields of a stored record set by the names the JSON export uses (`cairn edit`); an empty
    /// value clears the field.
    case setFields(RecordKind, id: String, [FieldValue])
    /// A record deleted with what only makes sense with it (see `World.cascadeDelete`).
    case delete(RecordKind, id: String)
    /// An open checkpoint ticked off by the author with a note of the evidence, as done on `on`
    /// (today when nil; an earlier day is allowed, a later one refused).
    case tick(checkpoint: String, evidence: String, on: Day? = nil)
    /// A member leaves its cluster on a day (today when nil; a later one is refused): the
    /// membership is kept, with the day it left.
    case leave(membership: String, on: Day? = nil)
    /// A ticked checkpoint opened again (the journal keeps who had ticked it).
    case reopen(checkpoint: String)
    /// A measurement of a goal's indicator; it ticks the earliest open checkpoint that asked for it.
    case measure(Measurement)
    /// Records brought from elsewhere as they were (the examples, a JSON restore, a register):
    /// each put must keep the rules of the store, but may be incomplete in ways the gaps show.
    case carry([Change], summary: String)
    /// Several operations as one commit: all are carried out, or none.
    case all([DomainOperation], summary: String)
    /// Puts back what a commit of this session changed (its inverse), as a new change.
    case undo([Change], summary: String)
    /// Ends a conflict with the value chosen to keep (for a record deleted meanwhile: keeping
    /// the edit brings the record back; keeping the delete leaves it gone).
    case resolve(Conflict, choosing: Conflict.Side)
}

/// One `FIELD=VALUE` of `cairn edit`.
public struct FieldValue: Sendable, Equatable {
    public var field: String
    public var value: String
    public init(_ field: String, _ value: String) {
        self.field = field
        self.value = value
    }
}

/// Who asks for an operation, and on which day: what a tick or a measurement records.
public struct Author: Sendable, Equatable {
    public var user: String
    public var today: Day
    public init(user: String, today: Day) {
        self.user = user
        self.today = today
    }
}

/// What an operation changes, how to undo it, and what to tell the person once it is saved.
public struct Outcome: Sendable, Equatable {
    public var changes: [Change]
    /// The changes that undo `changes` if applied after them.
    public var inverse: [Change]
    /// "Added school “Þingeyjarskóli”", "Ticked “Reunião trimestral” as done".
    public var summary: String
    /// An undo: written only if every field it puts back is still as the undone change left it,
    /// so that it never overwrites what someone changed since.
    public var putsBack: Bool

    public init(changes: [Change], inverse: [Change], summary: String, putsBack: Bool = false) {
        self.changes = changes
        self.inverse = inverse
        self.summary = summary
        self.putsBack = putsBack
    }
}

extension Outcome {
    /// The records the outcome created or edited, as they are once it is applied to `before`.
    public func saved(from before: World) -> [Record] {
        var after = before
        after.apply(changes)
        return changes.compactMap { change -> Record? in
            switch change {
            case .put(let r): return after.record(r.kind, id: r.id)
            case .edit(let e): return after.record(e.kind, id: e.id)
            case .delete: return nil
            }
        }
    }
}

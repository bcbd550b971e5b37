import CairnWords

/// Two or more people set one field of one record without seeing each other's change (two
/// sessions, or two machines between syncs). The change ordered later stands; the others stay in
/// the journal and are listed here until someone chooses the value to keep.
public struct Conflict: Hashable, Sendable {
    /// One value the field was given, by whom and when.
    public struct Side: Hashable, Sendable {
        public var value: JSONValue
        public var by: String
        public var at: String
        /// The journal event that set it ("" when not known).
        public var event: String
        public init(value: JSONValue, by: String, at: String, event: String = "") {
            self.value = value
            self.by = by
            self.at = at
            self.event = event
        }
    }

    public var kind: RecordKind
    public var record: String
    /// The field's JSON key; for an edit of a record deleted meanwhile, the field edited.
    public var field: String
    /// The value that stands. For a record deleted meanwhile: nothing, by whoever deleted it.
    public var kept: Side
    /// The values that did not stand, oldest first.
    public var others: [Side]
    /// True when the record was deleted while someone edited it: it stays deleted unless the
    /// edit is chosen, which brings it back.
    public var recordDeleted: Bool

    /// The store's snapshot reads conflicts back through it.
    package init(kind: RecordKind, record: String, field: String, kept: Side, others: [Side], recordDeleted: Bool) {
        self.kind = kind
        self.record = record
        self.field = field
        self.kept = kept
        self.others = others
        self.recordDeleted = recordDeleted
    }

    public var key: String { Conflict.key(record, field) }
    static func key(_ record: String, _ field: String) -> String { record + " " + field }
}

/// A record as it was when it was deleted, and who deleted it: what a conflict with an edit
/// made without seeing the delete can bring back.
public struct Tombstone: Hashable, Sendable {
    public var record: Record
    public var deletedBy: Conflict.Side

    /// The store's snapshot reads tombstones back through it.
    package init(record: Record, deletedBy: Conflict.Side) {
        self.record = record
        self.deletedBy = deletedBy
    }
}

extension World {
    /// The open conflicts, by record then field.
    public var openConflicts: [Conflict] {
        conflicts.values.sorted { ($0.record, $0.field) < ($1.record, $1.field) }
    }

    /// Folds one journal change made by `writer`, noting conflicts: an edit whose field is no
    /// longer the value it was based on, and an edit of a record deleted meanwhile. Returns the
    /// conflicts this change opened or added to. Throws when the change does not fit the record
    /// (a damaged or foreign line); the world is then left as it was.
    ///
    /// - Parameter seen: for a delete, the record's fields as its author last saw them. A field
    ///   that differs was edited where they could not see it (another machine, before a sync):
    ///   the record stays deleted, and that edit is a conflict that can bring it back.
    public mutating func fold(_ change: Change, by writer: Conflict.Side, seen: [String: JSONValue]? = nil) throws(InputError)
        -> [Conflict]
    {
        switch change {
        case .put(let r):
            var found: [Conflict] = []
            if foldCreate(r, by: writer, found: &found) == nil { return found }
            // A record given an id that was taken (written before field-level edits, or brought
            // back from a conflict on two machines): the later replaces it, as ever.
            forgetPast(of: r.id)
            if let (cleared, links) = clearingLinksToDeleted(r, by: writer) {
                apply(.put(cleared))
                for c in links { setConflict(c, key: c.key, record: r.id) }
                return links
            }
            apply(change)
            return []
        case .delete(let kind, let id):
            var unseen: [Conflict] = []
            if let r = record(kind, id: id) {
                tombstones[id] = Tombstone(record: r, deletedBy: writer)
                if let seen { unseen = unseenEdits(of: r, seen: seen, deletedBy: writer) }
                unseen += setAsideUnseenChildren(of: kind, id, deletedBy: writer)
            }
            if !conflictedRecords.isEmpty, conflictedRecords[id] != nil {
                for f in conflicts.values where f.record == id && !f.recordDeleted { setConflict(nil, key: f.key, record: id) }
            }
            apply(change)
            for c in unseen { setConflict(c, key: c.key, record: id) }
            return unseen + clearUnseenLinks(to: kind, id, deletedBy: writer)
        case .edit(let edit):
            guard let before = record(edit.kind, id: edit.id) else {
                guard let grave = tombstones[edit.id] else {
                    throw InputError("it edits \(edit.kind.rawValue) \(edit.id), which was never created")
                }
                if edit.fields.allSatisfy(\.resolves) {
                    for f in edit.fields { setConflict(nil, key: Conflict.key(edit.id, f.name), record: edit.id) }
                    return []
                }
                return edit.fields.map { f in
                    var side = writer
                    side.value = f.new
                    var c =
                        conflicts[Conflict.key(edit.id, f.name)]
                        ?? Conflict(kind: edit.kind, record: edit.id, field: f.name, kept: grave.deletedBy, others: [], recordDeleted: true)
                    c.kept.value = .null
                    c.others.append(side)
                    setConflict(c, key: c.key, record: edit.id)
                    return c
                }
            }
            var edit = edit
            // Keeping a deleted record deleted, when another machine brought it back meanwhile:
            // the record stays, as nothing is lost that way, and the conflict is over. (Looked
            // for first: removing from the fields copies them, shared as they are with the event.)
            func keepsDeleted(_ f: FieldEdit) -> Bool { f.resolves && f.old == .null && f.new == .null }
            if edit.fields.contains(where: keepsDeleted) {
                edit.fields.removeAll { f in
                    guard keepsDeleted(f) else { return false }
                    setConflict(nil, key: Conflict.key(edit.id, f.name), record: edit.id)
                    return true
                }
            }
            if edit.fields.isEmpty { return [] }
            // The fields it names, read and set through the record's description; else the
            // record's fields once through `Codable`, which says what is wrong with a value.
            // Each field's value before the edit, in the order of its fields.
            var now = edit.fields.map { RecordFields.value($0.name, of: before) }
            var after: Record
            if now.allSatisfy({ $0 != nil }), let done = RecordFields.applying(edit.fields, to: before) {
                after = done
            } else {
                let values = before.fieldValues
                now = edit.fields.map { values[$0.name] }
                after = try Record.applying(edit.fields, to: values, kind: before.kind)
            }
            var found: [Conflict] = []
            for (f, was) in zip(edit.fields, now) {
                let key = Conflict.key(edit.id, f.name)
                var side = writer
                side.value = f.new
                let now = was ?? .null
                if now != f.old && now != f.new {
                    let loser = fieldWriters[key] ?? Conflict.Side(value: now, by: "", at: "")
                    var c =
                        conflicts[key]
                        ?? Conflict(kind: edit.kind, record: edit.id, field: f.name, kept: side, others: [], recordDeleted: false)
                    if !c.others.contains(loser) { c.others.append(loser) }
                    c.kept = side
                    setConflict(c, key: key, record: edit.id)
                    found.append(c)
                } else if f.resolves {
                    setConflict(nil, key: key, record: edit.id)
                } else if !conflicts.isEmpty, var c = conflicts[key] {
                    c.kept = side
                    setConflict(c, key: key, record: edit.id)
                }
                fieldWriters[key] = side
            }
            if let (cleared, links) = clearingLinksToDeleted(after, by: writer, only: edit.fields) {
                after = cleared
                for c in links {
                    setConflict(c, key: c.key, record: edit.id)
                    fieldWriters[c.key] = c.kept
                }
                found += links
            }
            apply(.put(after))
            return found
        }
    }

    /// The fields of `record` whose values its deleter had not seen, each a conflict between
    /// the delete (which stands) and the edit that set it.
    private func unseenEdits(of record: Record, seen: [String: JSONValue], deletedBy writer: Conflict.Side) -> [Conflict] {
        var kept = writer
        kept.value = .null
        return record.fieldValues.sorted { $0.key < $1.key }.compactMap { name, value in
            guard (seen[name] ?? .null) != value else { return nil }
            let key = Conflict.key(record.id, name)
            var edit = fieldWriters[key] ?? Conflict.Side(value: value, by: "", at: "")
            edit.value = value
            return Conflict(kind: record.kind, record: record.id, field: name, kept: kept, others: [edit], recordDeleted: true)
        }
    }

    /// The record a conflict is about, as a sentence names it, even once deleted.
    public func describe(_ c: Conflict) -> String {
        if let r = record(c.kind, id: c.record) { return describe(r) }
        if let grave = tombstones[c.record] { return describe(grave.record) }
        return "\(c.kind.rawValue) \(c.record)"
    }

    /// Why an edit of a record that is not there cannot be saved: "school “Escola …” was
    /// deleted by ben at 2026-12-01 14:02 while you edited it".
    public func goneMessage(_ kind: RecordKind, _ id: String) -> String {
        guard let grave = tombstones[id] else { return Words.say("that {kind} ({id}) no longer exists", ["kind": kind.said, "id": id]) }
        let when = EventTime.minute(grave.deletedBy.at)
        let who = grave.deletedBy.by.isEmpty ? Words.say("someone") : grave.deletedBy.by
        let values = ["record": describe(grave.record), "who": who, "when": when]
        if when.isEmpty { return Words.say("{record} was deleted by {who} while you edited it", values) }
        return Words.say("{record} was deleted by {who} at {when} while you edited it", values)
    }

    /// Folds a create (a put with no base) unless the id is taken: then the record that holds it
    /// stays, and is returned, so the create can be reported as an id given twice. A record
    /// made inside one deleted meanwhile is kept as deleted with it, and `found` gets the
    /// conflict that can bring it back (see `orphanConflict`).
    public mutating func foldCreate(
        _ record: Record, by writer: Conflict.Side = Conflict.Side(value: .null, by: "", at: ""), found: inout [Conflict]
    ) -> Record? {
        forgetPast(of: record.id)
        if !tombstones.isEmpty, self.record(record.kind, id: record.id) == nil, let (conflict, grave) = orphanConflict(record, by: writer) {
            tombstones[record.id] = grave
            setConflict(conflict, key: conflict.key, record: record.id)
            found.append(conflict)
            return nil
        }
        let links = clearingLinksToDeleted(record, by: writer)
        guard let existing = applyReplacing(.put(links?.0 ?? record)) else {
            for c in links?.1 ?? [] { setConflict(c, key: c.key, record: record.id) }
            found += links?.1 ?? []
            return nil
        }
        apply(.put(existing))
        return existing
    }

    /// The record as it was deleted, and by whom, if it was.
    public func tombstone(of id: String) -> Tombstone? { tombstones[id] }

    /// A record made (again) under `id`: what a delete left of it, and its conflicts, are over.
    /// Most records never had either, and cost two emptiness checks.
    private mutating func forgetPast(of id: String) {
        if !tombstones.isEmpty { tombstones[id] = nil }
        if !conflictedRecords.isEmpty, conflictedRecords[id] != nil {
            for c in conflicts.values where c.record == id { setConflict(nil, key: c.key, record: id) }
        }
    }

    /// Sets or ends one conflict, keeping the count of each record's open conflicts.
    mutating func setConflict(_ c: Conflict?, key: String, record: String) {
        let was: Conflict?
        if let c { was = conflicts.updateValue(c, forKey: key) } else { was = conflicts.removeValue(forKey: key) }
        let change = (c == nil ? 0 : 1) - (was == nil ? 0 : 1)
        guard change != 0 else { return }
        let n = (conflictedRecords[record] ?? 0) + change
        conflictedRecords[record] = n > 0 ? n : nil
    }

    /// Brings back a record deleted while someone edited it, with that edit's fields: how the
    /// edit side of a delete conflict is chosen. Nil when there is nothing to bring back.
    public func restorable(_ conflict: Conflict, choosing side: Conflict.Side) -> Record? {
        guard conflict.recordDeleted, let grave = tombstones[conflict.record] else { return nil }
        // The other fields as the chosen side's change left them (a tick sets its day, its
        // author and its evidence together), else as last edited: never half of one change.
        let fields = conflicts.values.filter { $0.record == conflict.record && $0.recordDeleted }.compactMap { c -> FieldEdit? in
            let sameChange = side.event.isEmpty ? nil : c.others.last { $0.event == side.event }
            guard let chosen = c.field == conflict.field ? side : sameChange ?? c.others.last else { return nil }
            return FieldEdit(c.field, old: .null, new: chosen.value)
        }
        return try? grave.record.applying(fields)
    }
}

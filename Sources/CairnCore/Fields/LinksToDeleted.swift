/// A link that may be empty (a goal's owner, an action's goal or responsible member, the member
/// a checkpoint concerns, the checkpoint a measurement ticked) set on one machine to a record
/// deleted on another before they synced. Whichever the journals order first, the fold ends
/// alike: the link is cleared, as the delete's author would have cleared it had they seen it,
/// and the link that was set is listed as a conflict. So no record is left pointing at one
/// that is gone, and nobody's change vanishes unsaid.
extension World {
    /// `record` with each such link to a deleted record cleared, and a conflict for each,
    /// the delete standing against `writer`'s link. Nil when it links to nothing deleted
    /// (the usual case: no tombstone, nothing to look up).
    ///
    /// - Parameter only: the fields an edit set; the others were there before it.
    func clearingLinksToDeleted(_ record: Record, by writer: Conflict.Side, only fields: [FieldEdit]? = nil)
        -> (Record, [Conflict])?
    {
        guard !tombstones.isEmpty else { return nil }
        var cleared = record
        var found: [Conflict] = []
        for link in record.references where !link.required {
            if let fields, !fields.contains(where: { $0.name == link.field }) { continue }
            guard let grave = tombstones[link.id], self.record(link.target, id: link.id) == nil,
                let after = try? cleared.applying([FieldEdit(link.field, old: .string(link.id), new: .null)])
            else { continue }
            cleared = after
            var kept = grave.deletedBy
            kept.value = .null
            var set = writer
            set.value = .string(link.id)
            found.append(
                Conflict(kind: record.kind, record: record.id, field: link.field, kept: kept, others: [set], recordDeleted: false))
        }
        return found.isEmpty ? nil : (cleared, found)
    }

    /// After the delete of `id` is folded: clears the links to it its author had not seen (they
    /// cleared those they saw in the same commit, before the delete), each a conflict.
    mutating func clearUnseenLinks(to kind: RecordKind, _ id: String, deletedBy writer: Conflict.Side) -> [Conflict] {
        guard kind == .membership || kind == .goal || kind == .checkpoint else { return [] }
        if !linkHolders.isBuilt { linkHolders = LinkHolders(self) }
        var found: [Conflict] = []
        let holders = (linkHolders.byTarget[id] ?? []).sorted { $0.id < $1.id }
        for h in holders {
            guard let holder = record(h.kind, id: h.id) else { continue }
            let fields = holder.references.filter { !$0.required && $0.id == id }.map {
                FieldEdit($0.field, old: .string(id), new: .null)
            }
            guard !fields.isEmpty, let after = try? holder.applying(fields) else { continue }
            apply(.put(after))
            for f in fields {
                let key = Conflict.key(h.id, f.name)
                var kept = writer
                kept.value = .null
                var set = fieldWriters[key] ?? Conflict.Side(value: f.old, by: "", at: "")
                set.value = f.old
                let c = Conflict(kind: h.kind, record: h.id, field: f.name, kept: kept, others: [set], recordDeleted: false)
                setConflict(c, key: key, record: h.id)
                fieldWriters[key] = kept
                found.append(c)
            }
        }
        return found
    }
}

/// Who names each record in a link that may be empty: built when a delete needs it, so that a
/// fold of many deletes in a row (a cascade, an undone import) reads the checkpoints once, not
/// once a delete. A put that sets a link lets go of it, to be built again by the next delete
/// that needs it; one that clears a link keeps it, each holder being checked when read.
struct LinkHolders: Sendable, Equatable {
    struct Holder: Sendable, Hashable {
        var kind: RecordKind
        var id: String
    }
    private(set) var byTarget: [String: [Holder]] = [:]
    private(set) var isBuilt = false

    init() {}

    init(_ world: World) {
        isBuilt = true
        for g in world.goals.values where g.owner != nil || g.contributesTo != nil { note(.goal(g)) }
        for c in world.checkpoints.values where c.concerns != nil || c.goal != nil { note(.checkpoint(c)) }
        for a in world.actions.values where a.goal != nil || a.responsible != nil { note(.action(a)) }
        for m in world.measurements.values where m.ticked != nil { note(.measurement(m)) }
    }

    /// Lets go of the index when `record` links to another: it would be missing from it.
    mutating func forget(ifLinking record: Record) {
        if record.references.contains(where: { !$0.required }) { self = LinkHolders() }
    }

    private mutating func note(_ record: Record) {
        for link in record.references where !link.required {
            let holder = Holder(kind: record.kind, id: record.id)
            if byTarget[link.id]?.contains(holder) != true { byTarget[link.id, default: []].append(holder) }
        }
    }

    /// A cache: two worlds are equal by their records, whatever either has worked out.
    static func == (a: LinkHolders, b: LinkHolders) -> Bool { true }
}

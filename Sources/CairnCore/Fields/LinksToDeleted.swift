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
        var found: [Conflict] = []
        for case .edit(let edit) in unlinks(from: [id], of: [kind]) {
            guard let holder = record(edit.kind, id: edit.id) else { continue }
            let optional = Set(holder.references.filter { !$0.required }.map(\.field))
            let fields = edit.fields.filter { optional.contains($0.name) }
            guard !fields.isEmpty, let after = try? holder.applying(fields) else { continue }
            apply(.put(after))
            for f in fields {
                let key = Conflict.key(edit.id, f.name)
                var kept = writer
                kept.value = .null
                var set = fieldWriters[key] ?? Conflict.Side(value: f.old, by: "", at: "")
                set.value = f.old
                let c = Conflict(kind: edit.kind, record: edit.id, field: f.name, kept: kept, others: [set], recordDeleted: false)
                setConflict(c, key: key, record: edit.id)
                fieldWriters[key] = kept
                found.append(c)
            }
        }
        return found
    }
}

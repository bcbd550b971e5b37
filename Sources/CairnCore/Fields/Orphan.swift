/// A record made on one machine inside one deleted on another (a member added to a cluster,
/// a checkpoint planned for it, a measurement of its goal) before they had synced: the delete
/// stands, as it stands against an edit it never saw, and the new record is kept out of the
/// world as deleted with it, listed as a conflict that can bring both back.
extension World {
    /// The records `record` belongs to, by the field that names each: a cluster's member
    /// belongs to the cluster and to its school or agency; a measurement to its goal.
    public func parents(of record: Record) -> [(field: String, kind: RecordKind, id: String)] {
        switch record {
        case .membership(let m):
            return [("cluster", .cluster, m.cluster), ("memberId", m.memberType.kind, m.memberId)]
        case .checkpoint(let c): return [("cluster", .cluster, c.cluster)]
        case .goal(let g): return [("cluster", .cluster, g.cluster)]
        case .measurement(let m): return [("goal", .goal, m.goal)]
        case .action(let a): return [("cluster", .cluster, a.cluster)]
        case .agreement(let a): return [("cluster", .cluster, a.cluster)]
        case .assessment(let a): return [("cluster", .cluster, a.cluster)]
        case .link(let l): return [("from", .school, l.from), ("to", .school, l.to)]
        case .school, .agency, .cluster: return []
        }
    }

    /// The conflict for a record created inside a deleted one, or nil when every record it
    /// belongs to is there (or was never known: that is a damaged reference, not a conflict).
    func orphanConflict(_ record: Record, by writer: Conflict.Side) -> (Conflict, Tombstone)? {
        // Every create passes here once any record was deleted: the few tombstones are asked first.
        for parent in parents(of: record) {
            guard let grave = tombstones[parent.id], self.record(parent.kind, id: parent.id) == nil else { continue }
            var kept = grave.deletedBy
            kept.value = .null
            var made = writer
            made.value = .string(parent.id)
            let conflict = Conflict(
                kind: record.kind, record: record.id, field: parent.field, kept: kept, others: [made], recordDeleted: true)
            return (conflict, Tombstone(record: record, deletedBy: grave.deletedBy))
        }
        return nil
    }

    /// What bringing back `record` needs first: the deleted records it belongs to, outermost
    /// first (a measurement's cluster, then its goal).
    public func deletedParents(of record: Record) -> [Record] {
        var out: [Record] = []
        for parent in parents(of: record) where self.record(parent.kind, id: parent.id) == nil {
            guard let grave = tombstones[parent.id] else { continue }
            out = deletedParents(of: grave.record) + [grave.record] + out
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.id).inserted }
    }
}

extension World {
    /// For a conflict about a record made inside one deleted meanwhile: that deleted record
    /// (what "made in cluster “Rede”, deleted meanwhile" names). Nil for any other conflict.
    public func deletedParent(in c: Conflict) -> Record? {
        guard c.recordDeleted, let grave = tombstones[c.record], case .string(let id)? = c.others.last?.value,
            parents(of: grave.record).contains(where: { $0.field == c.field && $0.id == id })
        else { return nil }
        return tombstones[id]?.record
    }
}

extension World {
    /// A delete is written after the deletes of everything in the record (its cascade), so
    /// what still belongs to it when the delete is folded was made where its author could not
    /// see it, before they synced: a checkpoint planned on the laptop at 10:00 for a cluster
    /// the server deleted at 11:00. It goes with the record, as the records made after the
    /// delete do (see `orphanConflict`), listed as a conflict that can bring both back, so that
    /// nothing is left pointing at a record that is gone.
    mutating func setAsideUnseenChildren(of kind: RecordKind, _ id: String, deletedBy writer: Conflict.Side) -> [Conflict] {
        guard kind == .cluster || kind == .goal || kind == .school || kind == .agency else { return [] }
        var found: [Conflict] = []
        for case .delete(let childKind, let childID) in cascadeDelete(kind, id: id, unlinking: false) where childID != id {
            guard let child = record(childKind, id: childID),
                let parent = parents(of: child).first(where: { $0.id == id })
            else { continue }
            var kept = writer
            kept.value = .null
            // Who made it is in the journal, not in the world; the record is named in full.
            let made = Conflict.Side(value: .string(id), by: "", at: "")
            let conflict = Conflict(kind: childKind, record: childID, field: parent.field, kept: kept, others: [made], recordDeleted: true)
            apply(.delete(childKind, id: childID))
            tombstones[childID] = Tombstone(record: child, deletedBy: writer)
            found.append(conflict)
        }
        for c in found { setConflict(c, key: c.key, record: c.record) }
        return found
    }
}

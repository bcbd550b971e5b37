/// Every reference one record makes to another, so that deletes can clear them and `cairn
/// check` can find one that names a record no longer there.
public struct Reference: Sendable, Equatable {
    /// The field that holds it, as the JSON export names it.
    public var field: String
    public var target: RecordKind
    public var id: String
    /// A record cannot be without it (a membership's cluster); else it is cleared when its
    /// target goes (an action's goal).
    public var required: Bool
}

extension Record {
    public var references: [Reference] {
        func ref(_ field: String, _ kind: RecordKind, _ id: String?, required: Bool = false) -> [Reference] {
            id.map { [Reference(field: field, target: kind, id: $0, required: required)] } ?? []
        }
        switch self {
        case .school, .agency, .cluster: return []
        case .membership(let m):
            return ref("cluster", .cluster, m.cluster, required: true)
                + ref("memberId", m.memberType.kind, m.memberId, required: true)
        case .checkpoint(let c):
            return ref("cluster", .cluster, c.cluster, required: true) + ref("concerns", .membership, c.concerns)
                + ref("goal", .goal, c.goal)
        case .goal(let g):
            return ref("cluster", .cluster, g.cluster, required: true) + ref("owner", .membership, g.owner)
                + ref("contributesTo", .goal, g.contributesTo)
        case .measurement(let m): return ref("goal", .goal, m.goal, required: true) + ref("ticked", .checkpoint, m.ticked)
        case .action(let a):
            return ref("cluster", .cluster, a.cluster, required: true) + ref("goal", .goal, a.goal)
                + ref("responsible", .membership, a.responsible)
        case .agreement(let a): return ref("cluster", .cluster, a.cluster, required: true)
        case .assessment(let a): return ref("cluster", .cluster, a.cluster, required: true)
        case .link(let l): return ref("from", .school, l.from, required: true) + ref("to", .school, l.to, required: true)
        }
    }
}

extension World {
    /// Every record with a reference to one that does not exist, with that reference.
    public func danglingReferences() -> [(record: Record, reference: Reference)] {
        var found: [(Record, Reference)] = []
        for kind in RecordKind.allCases {
            // Only what dangles is put in order: a national store has hundreds of thousands of records.
            var ofKind: [(record: Record, reference: Reference, place: Int)] = []
            for record in records(of: kind) {
                for r in record.references where self.record(r.target, id: r.id) == nil { ofKind.append((record, r, ofKind.count)) }
            }
            ofKind.sort { ($0.record.id, $0.place) < ($1.record.id, $1.place) }
            found += ofKind.map { ($0.record, $0.reference) }
        }
        return found
    }

    /// What deleting a record changes besides it: what goes with it (its required references
    /// point at something deleted) and what stays with a reference cleared.
    public struct DeletePlan: Sendable, Equatable {
        public var deleted: [RecordKind: Int] = [:]
        public var unlinked: [RecordKind: Int] = [:]

        /// "2 measurements, 1 checkpoint".
        public static func phrase(_ counts: [RecordKind: Int]) -> String {
            RecordKind.allCases.compactMap { kind in
                counts[kind].map { kind.counted($0) }
            }.joined(separator: ", ")
        }
    }

    public func deletePlan(_ kind: RecordKind, id: String) -> DeletePlan {
        var plan = DeletePlan()
        for change in cascadeDelete(kind, id: id) where change.recordID != id {
            switch change {
            case .delete(let k, _): plan.deleted[k, default: 0] += 1
            case .edit(let e): plan.unlinked[e.kind, default: 0] += 1
            case .put(let r): plan.unlinked[r.kind, default: 0] += 1
            }
        }
        return plan
    }
}

extension World {
    /// The records of one kind.
    public func records(of kind: RecordKind) -> [Record] {
        switch kind {
        case .school: return schools.values.map(Record.school)
        case .agency: return agencies.values.map(Record.agency)
        case .cluster: return clusters.values.map(Record.cluster)
        case .membership: return memberships.values.map(Record.membership)
        case .checkpoint: return checkpoints.values.map(Record.checkpoint)
        case .goal: return goals.values.map(Record.goal)
        case .measurement: return measurements.values.map(Record.measurement)
        case .action: return actions.values.map(Record.action)
        case .agreement: return agreements.values.map(Record.agreement)
        case .assessment: return assessments.values.map(Record.assessment)
        case .link: return links.values.map(Record.link)
        }
    }

    /// Edits that clear every optional reference to a record in `gone` (of `kinds`) from the
    /// records that stay. Only the kinds that can hold such a reference are read.
    func unlinks(from gone: Set<String>, of kinds: Set<RecordKind>) -> [Change] {
        var holders: Set<RecordKind> = []
        if kinds.contains(.membership) { holders.formUnion([.checkpoint, .goal, .action]) }
        if kinds.contains(.goal) { holders.formUnion([.checkpoint, .action, .goal]) }
        if kinds.contains(.checkpoint) { holders.insert(.measurement) }
        if kinds.contains(.agreement) { holders.insert(.checkpoint) }
        var changes: [Change] = []
        // Each holder's optional links read straight from its fields: no record is copied or
        // sorted unless it names something gone (a national store has 100,000 checkpoints).
        func clear(_ kind: RecordKind, _ id: String, _ links: [(String, String?)]) {
            let fields = links.compactMap { field, value -> FieldEdit? in
                guard let value, gone.contains(value) else { return nil }
                return FieldEdit(field, old: .string(value), new: .null)
            }
            if !fields.isEmpty, !gone.contains(id) { changes.append(.edit(Edit(kind: kind, id: id, fields: fields))) }
        }
        if holders.contains(.checkpoint) {
            for c in checkpoints.values where c.concerns != nil || c.goal != nil || c.agreement != nil {
                clear(.checkpoint, c.id, [("concerns", c.concerns), ("goal", c.goal), ("agreement", c.agreement)])
            }
        }
        if holders.contains(.goal) {
            for g in goals.values where g.owner != nil || g.contributesTo != nil {
                clear(.goal, g.id, [("owner", g.owner), ("contributesTo", g.contributesTo)])
            }
        }
        if holders.contains(.measurement) {
            for m in measurements.values where m.ticked != nil { clear(.measurement, m.id, [("ticked", m.ticked)]) }
        }
        if holders.contains(.action) {
            for a in actions.values where a.goal != nil || a.responsible != nil {
                clear(.action, a.id, [("goal", a.goal), ("responsible", a.responsible)])
            }
        }
        changes.sort { $0.recordID < $1.recordID }
        return changes
    }
}

extension World {
    /// The records outside `ids` that name one of them, with the reference.
    public func referrers(to ids: Set<String>) -> [(Record, Reference)] {
        guard !ids.isEmpty else { return [] }
        var found: [(Record, Reference)] = []
        for kind in RecordKind.allCases where kind != .school && kind != .agency && kind != .cluster {
            for record in records(of: kind) where !ids.contains(record.id) {
                for r in record.references where ids.contains(r.id) { found.append((record, r)) }
            }
        }
        return found.sorted { $0.0.id < $1.0.id }
    }
}

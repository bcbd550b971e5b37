/// Everything the store holds, as the fold of its journal: the state every screen and command reads.
public struct World: Sendable, Equatable {
    public package(set) var schools = RecordTable<School>()
    public package(set) var agencies = RecordTable<Agency>()
    public package(set) var clusters = RecordTable<Cluster>()
    public package(set) var memberships = RecordTable<Membership>()
    public package(set) var checkpoints = RecordTable<Checkpoint>()
    public package(set) var goals = RecordTable<Goal>()
    public package(set) var measurements = RecordTable<Measurement>()
    public package(set) var actions = RecordTable<Action>()
    public package(set) var agreements = RecordTable<Agreement>()
    public package(set) var assessments = RecordTable<Assessment>()
    public package(set) var links = RecordTable<Link>()
    /// Counts applied changes, so views can cache what they derive from the world.
    public package(set) var revision = 0
    /// Each cluster's records, as ids, kept current by every change (`World+ClusterIndex.swift`).
    /// Set whole only by a snapshot's read, which wrote each group in its order.
    package var clusterIndex = ClusterIndex()
    /// Open conflicts by record and field (see `fold(_:by:)`).
    public package(set) var conflicts = RecordTable<Conflict>()
    /// How many open conflicts each record has: only these are looked through when one changes.
    package var conflictedRecords = RecordTable<Int>()
    /// Who last set each edited field, and to what: the side that loses when an edit that did
    /// not see it is folded after it.
    package var fieldWriters = RecordTable<Conflict.Side>()
    /// Deleted records, for edits that did not see the delete.
    package var tombstones = RecordTable<Tombstone>()
    /// When each measurement was recorded, as a count of the measurements recorded before it:
    /// of two taken on one day, the one recorded later is the latest (`measurements(of:)`).
    package var measurementOrder = RecordTable<Int>()
    package var measurementsRecorded = 0
    /// The ids of the schools and agencies by name key (`Duplicates.swift`), as the snapshot
    /// the world was read from held them: for records not changed since. Empty without one.
    package var nameIndex = NameIndex()
    /// Home's first look as the snapshot the world was read from held it: what has not changed
    /// since is taken from it rather than from every checkpoint and membership. None without one.
    package var lookAtSnapshot = LookAtSnapshot()
    /// Who links to each record, once a delete needed it, until a put sets a link
    /// (`LinksToDeleted.swift`).
    var linkHolders = LinkHolders()

    public init() {}

    public var isEmpty: Bool { schools.isEmpty && agencies.isEmpty && clusters.isEmpty && checkpoints.isEmpty && goals.isEmpty }

    /// Makes room for about this many records of each kind, so a large fold does not rehash.
    public mutating func reserveCapacity(_ counts: [RecordKind: Int]) {
        schools.reserveCapacity(counts[.school] ?? 0)
        agencies.reserveCapacity(counts[.agency] ?? 0)
        clusters.reserveCapacity(counts[.cluster] ?? 0)
        memberships.reserveCapacity(counts[.membership] ?? 0)
        checkpoints.reserveCapacity(counts[.checkpoint] ?? 0)
        goals.reserveCapacity(counts[.goal] ?? 0)
        measurements.reserveCapacity(counts[.measurement] ?? 0)
        actions.reserveCapacity(counts[.action] ?? 0)
    }

    public mutating func apply(_ change: Change) {
        _ = applyReplacing(change)
    }

    /// Sets an edit's fields on the record as it stands; returns the record as it was, or nil
    /// when there is no such record. Throws when a value does not fit the field (a damaged line).
    @discardableResult
    public mutating func applyEdit(_ edit: Edit) throws(InputError) -> Record? {
        guard let before = record(edit.kind, id: edit.id) else { return nil }
        let after = try before.applying(edit.fields)
        apply(.put(after))
        return before
    }

    /// Applies a change and returns the record a put replaced, if there was one: how a load
    /// finds a creation under an id already taken, with one hash per event.
    public mutating func applyReplacing(_ change: Change) -> Record? {
        switch change {
        case .put(let record):
            revision += 1
            if linkHolders.isBuilt { linkHolders.forget(ifLinking: record) }
            return put(record)
        case .delete(let kind, let id):
            revision += 1
            remove(kind, id: id)
            return nil
        case .edit(let edit):
            _ = try? applyEdit(edit)
            return nil
        }
    }

    /// Sets the record in its table and the index; returns the one it replaced.
    private mutating func put(_ record: Record) -> Record? {
        switch record {
        case .school(let r):
            let was = schools.updateValue(r, forKey: r.id)
            if was?.name != r.name { indexMemberRenamed(r.id) }
            return was.map(Record.school)
        case .agency(let r):
            let was = agencies.updateValue(r, forKey: r.id)
            if was?.name != r.name { indexMemberRenamed(r.id) }
            return was.map(Record.agency)
        case .cluster(let r): return clusters.updateValue(r, forKey: r.id).map(Record.cluster)
        case .membership(let r):
            let was = memberships.updateValue(r, forKey: r.id)
            index(was, r)
            return was.map(Record.membership)
        case .checkpoint(let r):
            let was = checkpoints.updateValue(r, forKey: r.id)
            index(was, r)
            return was.map(Record.checkpoint)
        case .goal(let r):
            let was = goals.updateValue(r, forKey: r.id)
            index(was, r)
            return was.map(Record.goal)
        case .measurement(let r):
            let was = measurements.updateValue(r, forKey: r.id)
            if was == nil { noteRecorded(r.id) }
            index(was, r)
            return was.map(Record.measurement)
        case .action(let r):
            let was = actions.updateValue(r, forKey: r.id)
            index(was, r)
            return was.map(Record.action)
        case .agreement(let r):
            let was = agreements.updateValue(r, forKey: r.id)
            index(was, r)
            return was.map(Record.agreement)
        case .assessment(let r):
            let was = assessments.updateValue(r, forKey: r.id)
            index(was, r)
            return was.map(Record.assessment)
        case .link(let r): return links.updateValue(r, forKey: r.id).map(Record.link)
        }
    }

    /// Takes the record out of its table and the index.
    private mutating func remove(_ kind: RecordKind, id: String) {
        switch kind {
        case .school: if schools.removeValue(forKey: id) != nil { indexMemberRenamed(id) }
        case .agency: if agencies.removeValue(forKey: id) != nil { indexMemberRenamed(id) }
        case .cluster: clusters[id] = nil
        case .membership: index(memberships.removeValue(forKey: id), nil)
        case .checkpoint: index(checkpoints.removeValue(forKey: id), nil)
        case .goal: index(goals.removeValue(forKey: id), nil)
        case .measurement:
            index(measurements.removeValue(forKey: id), nil)
            measurementOrder[id] = nil
        case .action: index(actions.removeValue(forKey: id), nil)
        case .agreement: index(agreements.removeValue(forKey: id), nil)
        case .assessment: index(assessments.removeValue(forKey: id), nil)
        case .link: links[id] = nil
        }
    }

    private mutating func noteRecorded(_ id: String) {
        measurementOrder[id] = measurementsRecorded
        measurementsRecorded += 1
    }

    /// Of two measurements, the one taken earlier, or on one day the one recorded earlier (then
    /// by id): the order of `measurements(of:)`.
    func isRecordedBefore(_ a: Measurement, _ b: Measurement) -> Bool {
        Self.isRecordedBefore(a, b, order: measurementOrder)
    }

    static func isRecordedBefore(_ a: Measurement, _ b: Measurement, order: RecordTable<Int>) -> Bool {
        (a.date, order[a.id] ?? .max, a.id) < (b.date, order[b.id] ?? .max, b.id)
    }

    public mutating func apply(_ changes: [Change]) {
        for change in changes { apply(change) }
    }

    /// The stored version of a record, if any.
    public func record(_ kind: RecordKind, id: String) -> Record? {
        switch kind {
        case .school: return schools[id].map(Record.school)
        case .agency: return agencies[id].map(Record.agency)
        case .cluster: return clusters[id].map(Record.cluster)
        case .membership: return memberships[id].map(Record.membership)
        case .checkpoint: return checkpoints[id].map(Record.checkpoint)
        case .goal: return goals[id].map(Record.goal)
        case .measurement: return measurements[id].map(Record.measurement)
        case .action: return actions[id].map(Record.action)
        case .agreement: return agreements[id].map(Record.agreement)
        case .assessment: return assessments[id].map(Record.assessment)
        case .link: return links[id].map(Record.link)
        }
    }

    /// The changes that undo `changes` if applied after them: earlier versions put back,
    /// new records deleted, in reverse order.
    public func inverse(of changes: [Change]) -> [Change] {
        var scratch = self
        var inverse: [Change] = []
        for change in changes {
            switch change {
            case .edit(let edit):
                inverse.append(.edit(edit.reversed))
            case .put, .delete:
                if let before = scratch.record(change.kind, id: change.recordID) {
                    inverse.append(.put(before))
                } else {
                    inverse.append(.delete(change.kind, id: change.recordID))
                }
            }
            scratch.apply(change)
        }
        return inverse.reversed()
    }

    /// Deleting a record together with what only makes sense with it: a cluster's memberships,
    /// checkpoints, goals (with their measurements) and actions; a school's or agency's
    /// memberships; a goal's measurements. Actions that served a deleted goal stay, serving none
    /// (the gaps then point them out). The links cleared come first, then the deletes, each
    /// record after those that belong to it.
    /// - Parameter unlinking: also the edits that clear optional references to what goes
    ///   (false: only what is deleted, as the fold asks when it sets children aside).
    public func cascadeDelete(_ kind: RecordKind, id: String, unlinking: Bool = true) -> [Change] {
        var gone: Set<String> = [id]
        var goneKinds: Set<RecordKind> = [kind]
        var changes: [Change] = []
        func delete(_ k: RecordKind, _ ids: [String]) {
            for i in ids where !gone.contains(i) {
                gone.insert(i)
                goneKinds.insert(k)
                changes.append(.delete(k, id: i))
            }
        }
        switch kind {
        case .cluster:
            delete(
                .membership, memberships.values.filter { $0.cluster == id || ($0.memberType == .cluster && $0.memberId == id) }.map(\.id))
            delete(.checkpoint, checkpoints.values.filter { $0.cluster == id }.map(\.id))
            let clusterGoals = Set(goals.values.filter { $0.cluster == id }.map(\.id))
            delete(.goal, Array(clusterGoals))
            delete(.measurement, measurements.values.filter { clusterGoals.contains($0.goal) }.map(\.id))
            delete(.action, actions.values.filter { $0.cluster == id }.map(\.id))
            delete(.agreement, agreements.values.filter { $0.cluster == id }.map(\.id))
            delete(.assessment, assessments.values.filter { $0.cluster == id }.map(\.id))
        case .school, .agency:
            delete(.membership, memberships.values.filter { $0.memberId == id }.map(\.id))
            if kind == .school { delete(.link, links.values.filter { $0.from == id || $0.to == id }.map(\.id)) }
        case .goal:
            delete(.measurement, measurements.values.filter { $0.goal == id }.map(\.id))
        case .membership, .checkpoint, .measurement, .action, .agreement, .assessment, .link:
            break
        }
        // What stays but pointed at something now gone has that reference cleared, so that no
        // record is left naming one that does not exist (`World.danglingReferences`).
        let cleared = unlinking ? unlinks(from: gone, of: goneKinds) : []
        // Dependants go before what they belong to (a measurement before its goal, a goal
        // before its cluster), so that no delete of the commit finds a record of the same
        // commit still inside what it deletes (the fold would take that for one made unseen),
        // and the inverse, read backwards, puts a cluster back before its goals.
        changes.sort { (Self.cascadeRank($0.kind), $0.recordID) < (Self.cascadeRank($1.kind), $1.recordID) }
        return cleared + changes + [.delete(kind, id: id)]
    }

    /// Where a delete of each kind goes in a cascade: what belongs to another before it.
    static func cascadeRank(_ kind: RecordKind) -> Int {
        switch kind {
        case .measurement: return 0
        case .membership, .checkpoint, .goal, .action, .agreement, .assessment, .link: return 1
        case .school, .agency, .cluster: return 2
        }
    }
}

import CairnWords

/// Questions the screens and commands ask of the world.
extension World {
    /// The name of a cluster member's school or agency ("(removed)" when it no longer exists).
    public func memberName(_ m: Membership) -> String {
        switch m.memberType {
        case .school: return schools[m.memberId]?.name ?? "(removed school)"
        case .agency: return agencies[m.memberId]?.name ?? "(removed agency)"
        case .cluster: return clusters[m.memberId]?.name ?? "(removed cluster)"
        }
    }

    /// The members of a cluster: the lead first, then schools, then agencies, each by name;
    /// those that left are not among them (`formerMembers(of:)`).
    public func members(of clusterID: String) -> [Membership] {
        records(clusterIndex.members[clusterID], in: memberships).filter(\.isCurrent)
    }

    /// Those that were members of a cluster and left, each with the day it left.
    public func formerMembers(of clusterID: String) -> [Membership] {
        records(clusterIndex.members[clusterID], in: memberships).filter { !$0.isCurrent }
    }

    /// Every cluster's members, each in the order `members(of:)` gives: the index's groups,
    /// nothing sorted (an export of 3,000 clusters asked each in turn: 90 million comparisons).
    /// `includingFormer`: those that left too, each in its place (the export keeps them).
    public func membersByCluster(includingFormer: Bool = false) -> [String: [Membership]] {
        clusterIndex.members.dictionary.mapValues {
            includingFormer ? records($0, in: memberships) : records($0, in: memberships).filter(\.isCurrent)
        }
    }

    /// How many schools and agencies each cluster has now, in one pass over the memberships:
    /// a list of every cluster needs the counts, not each member in its order.
    public typealias MemberCount = (schools: Int, agencies: Int)

    /// How many schools and agencies are members of each cluster now (clusters with none left
    /// out). Taken from the snapshot's counts, moved by each membership changed since; without
    /// them, in one pass over every membership.
    public func currentMemberCounts() -> [String: MemberCount] {
        guard var counts = lookAtSnapshot.memberCounts, let changes = memberships.changesSinceStored else {
            return currentMemberCountsScanning()
        }
        var counted: Set<String> = []
        for (id, stored) in changes where counted.insert(id).inserted {
            Self.count(stored, by: -1, in: &counts)
            Self.count(memberships[id], by: 1, in: &counts)
        }
        return counts
    }

    /// `currentMemberCounts` from every membership, whatever the snapshot held.
    package func currentMemberCountsScanning() -> [String: MemberCount] {
        var counts: [String: MemberCount] = [:]
        for m in memberships.values { Self.count(m, by: 1, in: &counts) }
        return counts
    }

    private static func count(_ m: Membership?, by step: Int, in counts: inout [String: MemberCount]) {
        guard let m, m.isCurrent, m.memberType != .cluster else { return }
        var now = counts[m.cluster] ?? (0, 0)
        if m.memberType == .school { now.schools += step } else { now.agencies += step }
        counts[m.cluster] = now.schools == 0 && now.agencies == 0 ? nil : now
    }

    func inMemberOrder(_ list: [Membership]) -> [Membership] {
        // Each name looked up and folded once, and places sorted rather than memberships:
        // folded at every comparison, each name of a large community was folded over and over.
        let names = list.map { memberName($0) }
        let folded = names.map(Text.folded)
        let order = list.indices.sorted { i, j in
            let a = list[i]
            let b = list[j]
            if a.lead != b.lead { return a.lead }
            if a.memberType != b.memberType { return a.memberType < b.memberType }
            if names[i] == names[j] { return a.id < b.id }
            if folded[i] != folded[j] { return folded[i].lexicographicallyPrecedes(folded[j]) }
            return names[i].utf8.lexicographicallyPrecedes(names[j].utf8)
        }
        return order.map { list[$0] }
    }

    public func lead(of clusterID: String) -> Membership? {
        members(of: clusterID).first { $0.lead }
    }

    /// The clusters a school or agency takes part in.
    public func clusters(withMember id: String) -> [Cluster] {
        // The index holds every membership; one that ended is no longer a cluster it is in.
        let ids = Set(clusterIndex.clustersOfMember[id] ?? []).filter { c in members(of: c).contains { $0.memberId == id } }
        return NameOrder.sorted(ids.compactMap { clusters[$0] }, by: \.name)
    }

    /// A cluster's checkpoints, in the order lists show them (see `Checkpoint.urgencyOrder`).
    public func checkpoints(of clusterID: String, on today: Day) -> [Checkpoint] {
        Checkpoint.inUrgencyOrder(records(clusterIndex.checkpoints[clusterID], in: checkpoints), on: today)
    }

    /// How many checkpoints a cluster has, done or not: its group in the index, counted.
    public func checkpointCount(of clusterID: String) -> Int {
        clusterIndex.checkpoints[clusterID]?.count ?? 0
    }

    /// The open checkpoint of a cluster due first (ties as `nextDueByCluster` breaks them,
    /// so a cluster's screen and Home name the same one).
    public func nextDue(in clusterID: String) -> Checkpoint? {
        records(clusterIndex.checkpoints[clusterID], in: checkpoints).filter { !$0.isDone }
            .min { ($0.due, $0.title, $0.id) < ($1.due, $1.title, $1.id) }
    }

    /// A checkpoint or cluster named by its id or by its exact name (NFC-compared), or a message saying why not.
    public func findCluster(_ reference: String) throws(InputError) -> Cluster {
        if let c = clusters[reference] { return c }
        let name = Text.clean(reference)
        let hits = clusters.values.filter { $0.name == name }
        return try World.single(hits, reference: reference, what: .cluster)
    }

    public func findCheckpoint(_ reference: String) throws(InputError) -> Checkpoint {
        if let c = checkpoints[reference] { return c }
        let title = Text.clean(reference)
        let hits = checkpoints.values.filter { $0.title == title }
        return try World.single(hits, reference: reference, what: .checkpoint)
    }

    /// Any record named by its id, or by the exact name, title, statement or description it
    /// is known by (NFC-compared); a measurement by its id only.
    public func findRecord(_ reference: String) throws(InputError) -> Record {
        for kind in RecordKind.allCases {
            if let r = record(kind, id: reference) { return r }
        }
        let name = Text.clean(reference)
        var hits: [Record] = []
        hits += schools.values.filter { $0.name == name }.map(Record.school)
        hits += agencies.values.filter { $0.name == name }.map(Record.agency)
        hits += clusters.values.filter { $0.name == name }.map(Record.cluster)
        hits += checkpoints.values.filter { $0.title == name }.map(Record.checkpoint)
        hits += goals.values.filter { $0.statement == name }.map(Record.goal)
        hits += actions.values.filter { $0.description == name }.map(Record.action)
        if hits.count == 1 { return hits[0] }
        if hits.isEmpty { throw InputError(Words.say("no record has the id or name “{reference}”", ["reference": reference])) }
        let ids = hits.map(\.id).sorted().joined(separator: ", ")
        throw InputError(
            Words.count(
                "{count} record is named “{reference}”; give one of their ids: {ids}",
                "{count} records are named “{reference}”; give one of their ids: {ids}", hits.count, ["reference": reference, "ids": ids]))
    }

    private static func single<T: Identifiable>(_ hits: [T], reference: String, what: RecordKind) throws(InputError) -> T
    where T.ID == String {
        if hits.count == 1 { return hits[0] }
        if hits.isEmpty {
            throw InputError(Words.say("no {kind} has the id or name “{reference}”", ["kind": what.said, "reference": reference]))
        }
        let ids = hits.map(\.id).sorted().joined(separator: ", ")
        throw InputError(
            Words.say(
                "{records} are named “{reference}”; give one of their ids: {ids}",
                ["records": what.counted(hits.count), "reference": reference, "ids": ids]))
    }
}

extension Checkpoint {
    /// Overdue first, then open ones by due date, then done ones (most recently due first).
    /// `list` in urgency order. Their places are sorted, not the checkpoints: moving a
    /// checkpoint (ten fields) costs a retain and a release of each, at every step of a sort,
    /// and an export sorts every checkpoint of a national store.
    ///
    /// - Parameter group: a number for each checkpoint that orders before all else (its
    ///   cluster's place in a list of clusters): every cluster's checkpoints in one sort.
    public static func inUrgencyOrder(_ list: [Checkpoint], on today: Day, group: [Int]? = nil) -> [Checkpoint] {
        // The order `urgencyOrder` gives, as two numbers a checkpoint: overdue, open, done;
        // then by due day (open soonest first, done latest first). Titles and ids break ties.
        let keys = list.map { c -> (Int, Int) in
            switch c.status(on: today) {
            case .overdue: return (0, c.due.ordinal)
            case .done: return (2, -c.due.ordinal)
            default: return (1, c.due.ordinal)
            }
        }
        // Titles as their rank and ids taken out once: reading them through a checkpoint
        // copied it whole, and a sort compares each title again and again, where a rank is one number.
        let titles = rank(list.map(\.title))
        let ids = list.map(\.id)
        let groups = group ?? []
        return list.indices.sorted { i, j in
            if !groups.isEmpty, groups[i] != groups[j] { return groups[i] < groups[j] }
            if keys[i] != keys[j] { return keys[i] < keys[j] }
            return titles[i] == titles[j] ? ids[i] < ids[j] : titles[i] < titles[j]
        }.map { list[$0] }
    }

    /// Each text as its place among the distinct texts in `<` order: the same order as comparing
    /// the texts, for the price of comparing numbers. Checkpoints repeat a few titles ("Termly
    /// review") across thousands of clusters.
    public static func rank(_ texts: [String]) -> [Int] {
        var place: [String: Int] = [:]
        for t in texts { place[t] = 0 }
        for (n, t) in place.keys.sorted().enumerated() { place[t] = n }
        return texts.map { place[$0]! }
    }

    public static func urgencyOrder(_ a: Checkpoint, _ b: Checkpoint, on today: Day) -> Bool {
        let sa = a.status(on: today)
        let sb = b.status(on: today)
        let openA = sa != .done
        let openB = sb != .done
        if openA != openB { return openA }
        if sa == .overdue, sb != .overdue { return true }
        if sb == .overdue, sa != .overdue { return false }
        if a.due != b.due { return openA ? a.due < b.due : a.due > b.due }
        return a.title == b.title ? a.id < b.id : a.title < b.title
    }
}

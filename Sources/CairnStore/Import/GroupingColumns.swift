import CairnCore
import CairnWords

/// Where a register says which grouping each row's cluster is within (a region's column, a
/// parent's id and name): `--grouping-by ID_COLUMN[,NAME_COLUMN]` or `--grouping-by COLUMN`.
struct GroupingColumns {
    /// A grouping as one row names it: by an id (then its name, if given), or by a name alone.
    struct Key: Hashable, Comparable {
        var id: String
        var name: String
        static func < (a: Key, b: Key) -> Bool { (a.id, a.name) < (b.id, b.name) }
    }

    var id: Int?
    var name: Int

    init?(_ spec: String?, clusterBy: String?, header: [String]) throws(StoreError) {
        guard let spec else { return nil }
        guard clusterBy != nil else {
            throw StoreError(
                Words.say("--grouping-by needs --cluster-by: the clusters the rows are in are what join the grouping", context: "store"))
        }
        let parts = spec.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        var columns: [Int] = []
        for part in parts.prefix(2) {
            guard let at = ColumnMapping.column(part, in: header) else {
                throw StoreError(
                    Words.say(
                        "--grouping-by {spec}: the register has no column “{column}”", context: "store", ["spec": spec, "column": part]))
            }
            columns.append(at)
        }
        guard let last = columns.last else {
            throw StoreError(Words.say("--grouping-by: name a column (Region, or PARENT_ID,PARENT_NAME)", context: "store"))
        }

        id = columns.count == 2 ? columns[0] : nil
        name = last
    }

    /// The grouping a row names, or nil when its cells are empty.
    func key(in cells: [String]) -> Key? {
        func cell(_ i: Int?) -> String { i.map { $0 < cells.count ? Text.clean(cells[$0]) : "" } ?? "" }
        let key = Key(id: cell(id), name: cell(name))
        if id != nil ? key.id.isEmpty : key.name.isEmpty { return nil }
        return key
    }
}

extension RegisterImport {
    /// The votes with a grouping named by name alone written one way (“Oeste” and “OESTE” are
    /// one): the way most rows of the file write it, so that what is made does not hang on the
    /// order the clusters come in.
    static func spelledAlike(_ votes: [String: [GroupingColumns.Key: Int]]) -> [String: [GroupingColumns.Key: Int]] {
        var written: [String: [String: Int]] = [:]
        for named in votes.values {
            for (key, n) in named where key.id.isEmpty {
                written[NameMatcher<Cluster>.fold(key.name), default: [:]][key.name, default: 0] += n
            }
        }
        let spelling = written.mapValues { ways in ways.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })!.key }
        return votes.mapValues { named in
            var merged: [GroupingColumns.Key: Int] = [:]
            for (key, n) in named {
                var k = key
                if k.id.isEmpty { k.name = spelling[NameMatcher<Cluster>.fold(k.name)] ?? k.name }
                merged[k, default: 0] += n
            }
            return merged
        }
    }

    /// Each imported cluster made a member of the grouping its rows name (the one most of them
    /// name; of two named as often, the first in order), the grouping made when absent: matched
    /// by its official id when the register gives one, else by its name (case- and
    /// accent-blind, a grouping of `kind` first). Joined once: a second import adds nothing.
    static func joinGroupings(
        _ votes: [String: [GroupingColumns.Key: Int]], kind: ClusterKind, world: inout World, changes: inout [Change],
        summary: inout ImportSummary
    ) {
        guard !votes.isEmpty else { return }
        let votes = spelledAlike(votes)
        var byOfficial: [String: Cluster] = [:]
        var byName: [String: Cluster] = [:]
        // Lowest id last, so it wins; a grouping of the kind asked for over another of that name.
        for c in world.clusters.values.sorted(by: { ($0.kind == kind ? 1 : 0, $1.id) < ($1.kind == kind ? 1 : 0, $0.id) }) {
            if let o = c.officialId { byOfficial[o] = c }
            byName[NameMatcher<Cluster>.fold(c.name)] = c
        }
        var joined = Set(world.memberships.values.filter { $0.memberType == .cluster }.map { $0.cluster + "|" + $0.memberId })
        func apply(_ change: Change) {
            world.apply(change)
            changes.append(change)
        }
        for (clusterID, named) in votes.sorted(by: { $0.key < $1.key }) {
            guard let key = named.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            var grouping = key.id.isEmpty ? byName[NameMatcher<Cluster>.fold(key.name)] : byOfficial[key.id]
            if grouping == nil {
                let made = Cluster(
                    officialId: key.id.isEmpty ? nil : key.id, name: key.name.isEmpty ? "Grouping \(key.id)" : key.name, kind: kind,
                    level: kind == .regionalCollaborative ? .regional : nil
                ).normalized()
                apply(.put(.cluster(made)))
                summary.groupingsAdded += 1
                if let o = made.officialId { byOfficial[o] = made }
                byName[NameMatcher<Cluster>.fold(made.name)] = made
                grouping = made
            }
            guard let g = grouping else { continue }
            let name = world.clusters[clusterID]?.name ?? clusterID
            if let circle = world.cycle(joining: clusterID, to: g.id) {
                summary.groupingsRefused.append(
                    Words.say(
                        "“{cluster}” did not join “{grouping}”: {reason}", context: "store",
                        ["cluster": name, "grouping": g.name, "reason": circle]))
                continue
            }
            guard joined.insert(g.id + "|" + clusterID).inserted else { continue }
            apply(.put(.membership(Membership(cluster: g.id, memberType: .cluster, memberId: clusterID, role: "member cluster"))))
            summary.groupingMembershipsAdded += 1
        }
    }
}

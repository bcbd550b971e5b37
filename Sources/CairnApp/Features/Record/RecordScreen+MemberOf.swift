import CairnCore
import CairnWords

extension RecordScreen {
    /// Every grouping a school or agency belongs to, each once: the clusters it is a member of
    /// (with its role and since when), the groupings those are within (through which cluster),
    /// then the clusters it has left (and when).
    static func memberOf(_ id: String, in w: World) -> [ListRow] {
        var rows: [ListRow] = []
        var listed: Set<String> = []
        func add(_ c: Cluster, _ cells: [String], muted: Bool = false) {
            guard listed.insert(c.id).inserted else { return }
            rows.append(ListRow(id: c.id, cells: [c.name] + cells, style: muted ? .muted : nil))
        }
        let current = w.clusters(withMember: id)
        for c in current {
            let m = w.members(of: c.id).first { $0.memberId == id }
            add(
                c,
                [m?.lead == true ? "LEAD" : "", m?.role ?? "", m?.from.map { Words.say("since {date}", ["date": $0.description]) } ?? ""])
        }
        // Up the graph: the groupings each cluster is within, however far.
        var queue = current.map { ($0, $0) }
        while !queue.isEmpty {
            let (cluster, through) = queue.removeFirst()
            for g in w.groupings(of: cluster.id) where !listed.contains(g.id) {
                add(g, ["", Words.say("through {cluster}", ["cluster": through.name]), ""], muted: true)
                queue.append((g, through))
            }
        }
        let former = w.memberships.values.compactMap { m in m.memberId == id ? m.to.map { (m, $0) } : nil }
        for (m, left) in former.sorted(by: { ($0.1, $0.0.id) > ($1.1, $1.0.id) }) {
            guard let c = w.clusters[m.cluster] else { continue }
            add(c, ["", m.role, Words.say("left {date}", ["date": left.description])], muted: true)
        }
        return rows
    }

    /// A school's links, after its groupings: the schools it feeds and that feed it, its
    /// predecessors and successors, each row the link (Enter opens the school at its other end).
    static func links(of id: String, in w: World) -> [ListRow] {
        func row(_ l: Link, other: String, _ relation: String, _ detail: String) -> ListRow {
            ListRow(id: l.id, cells: [w.schools[other]?.name ?? Words.say("(removed school)"), "", relation, detail])
        }
        let phases = { (l: Link) in l.phases.map(\.label).joined(separator: " → ") }
        var rows: [ListRow] = []
        for l in w.links(from: id) {
            switch l.relation {
            case .feeds: rows.append(row(l, other: l.to, Words.say("feeds", context: "link"), phases(l)))
            case .lineage:
                rows.append(row(l, other: l.to, Words.say("succeeded by ({how})", ["how": l.how?.label ?? "?"]), l.on?.description ?? ""))
            }
        }
        for l in w.links(to: id) {
            switch l.relation {
            case .feeds: rows.append(row(l, other: l.from, Words.say("fed by", context: "link"), phases(l)))
            case .lineage:
                rows.append(row(l, other: l.from, Words.say("succeeded ({how})", ["how": l.how?.label ?? "?"]), l.on?.description ?? ""))
            }
        }
        return rows
    }
}

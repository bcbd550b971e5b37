import CairnCore
import CairnWords
import TermUI

/// Home's clusters as a tree of groupings (`t`): each top grouping with its member clusters
/// indented beneath, a cluster in two groupings under each. A grouping's row rolls up what is
/// within it: its clusters and schools, each counted once, the weakest of its clusters and its
/// overdue checkpoints.
///
/// Built once per change of the world (`source`): folding, unfolding and filtering only choose
/// among the entries (`rows(folded:paths:)`) and never read the world again.
struct GroupingTree: Sendable, Equatable {
    /// One row of the tree, in the order the outline shows them.
    struct Entry: Sendable, Equatable {
        /// The row's id: the ids of the clusters from the top down to this one (`rowID(_:)`).
        var id: String
        var name: String
        /// The names from the top down to this one, as a match of a filter shows it.
        var path: String
        var depth: Int
        /// The entry of the grouping it is listed under.
        var parent: Int?
        /// Member clusters are listed beneath it: it folds and unfolds.
        var isGrouping: Bool
        /// Every cell after the name, as the tree's columns (`Rows.treeColumns`) name them.
        var cells: [String]
        var style: Style?
    }

    /// What the entries were built from (`AppEnvironment.listSource`, and the order asked).
    let source: String
    let entries: [Entry]
    private let index: [String: Int]

    /// Between the ids of a row's path.
    static let separator: Character = "/"

    /// - Parameter byHealth: the groupings within each level weakest first, else as the
    ///   groupings list their members (the lead first, then by name).
    /// - Complexity: O(the clusters × their depth in the graph, plus each cluster's memberships,
    ///   checkpoints and health checks once), read through the world's index by cluster.
    init(_ w: World, today: Day, byHealth: Bool, source: String) {
        self.source = source
        var standings: [String: ClusterStanding] = [:]
        func standing(_ id: String) -> ClusterStanding {
            if let known = standings[id] { return known }
            let s = w.standing(of: id, on: today)
            standings[id] = s
            return s
        }
        func roll(_ g: World.GroupingNode) -> Node {
            var node = Node(cluster: g.cluster, circle: g.circle)
            guard !g.circle else { return node }
            node.schools = Set(g.members.filter { $0.memberType == .school && w.schools[$0.memberId] != nil }.map(\.memberId))
            node.children = g.clusters.map(roll)
            for child in node.children where !child.circle {
                node.within.insert(child.cluster.id)
                node.within.formUnion(child.within)
                node.schools.formUnion(child.schools)
            }
            node.within.remove(g.cluster.id)
            // Each cluster once, however many paths reach it; the grouping's own checks count too.
            for id in node.within.sorted() + [g.cluster.id] {
                let s = standing(id)
                node.overdue += s.overdue
                if let n = s.nextDue, node.next.map({ ClusterStanding.isDueBefore(n, $0) }) ?? true { node.next = n }
                if node.weakest.map({ s.isWeaker(than: $0.standing) }) ?? true { node.weakest = (id, s) }
            }
            if byHealth { node.children.sortByWeakness() }
            return node
        }
        var roots = w.groupingForest().map(roll)
        if byHealth { roots.sortByWeakness() }

        var entries: [Entry] = []
        func flatten(_ node: Node, parent: Int?, ids: String, path: String, depth: Int) {
            let id = parent == nil ? node.cluster.id : ids + String(Self.separator) + node.cluster.id
            let path = parent == nil ? node.cluster.name : path + " › " + node.cluster.name
            let (cells, style) = Self.cells(node, in: w, today: today)
            let me = entries.count
            entries.append(
                Entry(
                    id: id, name: node.circle ? Words.say("{cluster} (within itself)", ["cluster": node.cluster.name]) : node.cluster.name,
                    path: path, depth: depth,
                    parent: parent, isGrouping: !node.children.isEmpty, cells: cells, style: style))
            for child in node.children { flatten(child, parent: me, ids: id, path: path, depth: depth + 1) }
        }
        for root in roots { flatten(root, parent: nil, ids: "", path: "", depth: 0) }
        self.entries = entries
        index = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func == (a: GroupingTree, b: GroupingTree) -> Bool { a.source == b.source && a.entries == b.entries }

    /// The cluster a row of the tree stands for: the last id of its path.
    static func cluster(ofRow rowID: String) -> String {
        rowID.split(separator: separator).last.map(String.init) ?? rowID
    }

    func entry(_ rowID: String) -> Entry? { index[rowID].map { entries[$0] } }

    /// The row of the grouping `rowID` is listed under.
    func parent(of rowID: String) -> String? { index[rowID].flatMap { entries[$0].parent }.map { entries[$0].id } }

    /// The groupings above `rowID`, up to the top.
    func ancestors(of rowID: String) -> [String] {
        var out: [String] = []
        var at = index[rowID].flatMap { entries[$0].parent }
        while let i = at {
            out.append(entries[i].id)
            at = entries[i].parent
        }
        return out
    }

    /// The rows on show: the outline, less what the folded groupings hold; with `paths` (a
    /// filter typed), every row however folded, each named by its path from the top.
    ///
    /// - Complexity: O(entries); nothing is read from the world.
    func rows(folded: Set<String>, paths: Bool) -> [ListRow] {
        if paths { return entries.map { ListRow(id: $0.id, cells: [$0.path] + $0.cells, style: $0.style) } }
        var rows: [ListRow] = []
        rows.reserveCapacity(entries.count)
        var hiddenBelow: Int?
        for e in entries {
            if let depth = hiddenBelow {
                if e.depth > depth { continue }
                hiddenBelow = nil
            }
            let isFolded = e.isGrouping && folded.contains(e.id)
            if isFolded { hiddenBelow = e.depth }
            let mark = e.isGrouping ? (isFolded ? "▸ " : "▾ ") : "  "
            rows.append(ListRow(id: e.id, cells: [String(repeating: "  ", count: e.depth) + mark + e.name] + e.cells, style: e.style))
        }
        return rows
    }
}

extension GroupingTree {
    /// A cluster of the tree with what is within it, rolled up before the tree is laid out in rows.
    fileprivate struct Node {
        var cluster: Cluster
        var circle: Bool
        var children: [Node] = []
        /// The clusters within it, however deep, itself not among them.
        var within: Set<String> = []
        var schools: Set<String> = []
        var overdue = 0
        var next: Checkpoint?
        /// Its own standing and its clusters', the weakest of them.
        var weakest: (id: String, standing: ClusterStanding)?
    }

    /// A leaf says its own standing; a grouping the roll-up of everything within it.
    fileprivate static func cells(_ node: Node, in w: World, today: Day) -> ([String], Style?) {
        guard let weakest = node.weakest else { return (["", "", "", "", ""], .muted) }
        let h = weakest.standing.health
        var point = h.weakestPoint
        if weakest.id != node.cluster.id, h.score != nil || h.fundingEndsSoon != nil {
            point += " · " + (w.clusters[weakest.id]?.name ?? weakest.id)
        }
        let grouping = !node.children.isEmpty
        let cells = [
            grouping ? "\(node.within.count)" : "", "\(node.schools.count)", Rows.healthScore(h), point,
            Rows.dueCell(next: node.next, overdue: node.overdue, today: today),
        ]
        let alarm = h.fundingEndsSoon != nil || (h.score ?? 4) < 2
        return (cells, alarm ? Style(.overdue, bold: true) : grouping ? Style(.normal, bold: true) : nil)
    }
}

extension [GroupingTree.Node] {
    /// Weakest first, as `s` sorts the flat list; ties keep their order.
    fileprivate mutating func sortByWeakness() {
        let weights = map { $0.weakest?.standing.health.sortWeight ?? 5 }
        self = indices.sorted { weights[$0] != weights[$1] ? weights[$0] < weights[$1] : $0 < $1 }.map { self[$0] }
    }
}

import CairnCore
import CairnWords
import TermUI

/// The Clusters tab as a tree of groupings (`t`): folded and unfolded with ← and →, filtered
/// with `/` as the flat list is (a match then shows its path from the top).
extension HomeScreen {
    /// What the tree's list was laid out from: the tree, what is folded, and whether a filter is
    /// typed (every row then shows, named by its path).
    struct TreeLayout: Sendable, Equatable {
        var source: String
        var folded: Set<String>
        var paths: Bool
    }

    /// The record the selected row stands for: in the tree a row is the path down to its cluster.
    var selectedRecord: String? { showingTree ? selected.map(GroupingTree.cluster(ofRow:)) : selected }

    /// `t` in the footer: while the tree shows, or when the store has groupings to show in it.
    var treeInFooter: Bool { showsTree || storeHasGroupings }

    /// Whether ← or → does something on the selected row.
    var foldable: Bool {
        guard showingTree, list.filter.text.isEmpty, let id = selected, let e = groupingTree?.entry(id) else { return false }
        return e.isGrouping || e.parent != nil
    }

    /// Selects the row of `id`: in the tree, its first row.
    mutating func select(record id: String) {
        guard showingTree else { return list.select(id: id) }
        if let row = list.visibleRows.first(where: { GroupingTree.cluster(ofRow: $0.id) == id }) { list.select(id: row.id) }
    }

    mutating func toggleTree(_ env: AppEnvironment) -> [Effect] {
        let was = selectedRecord
        showsTree.toggle()
        refresh(env)
        if let was { select(record: was) }
        list.cursor.scroll(visibleRows: visibleRows(env), count: list.visible.count)
        guard showsTree else { return [.say(Status(Words.say("Clusters as a flat list (t shows the tree of groupings)")))] }
        let said =
            env.firstLook != nil
            ? Words.say("Clusters as a tree of groupings: reading the whole store first (← → fold and unfold, t the flat list)")
            : Words.say("Clusters as a tree of groupings (← → fold and unfold, t the flat list)")
        return [.say(Status(said))]
    }

    /// ← folds an open grouping; on anything else it goes up to the grouping it is listed under.
    mutating func fold(_ env: AppEnvironment) {
        guard foldable, let id = selected, let tree = groupingTree, let e = tree.entry(id) else { return }
        if e.isGrouping, !folded.contains(id) {
            folded.insert(id)
        } else if let parent = tree.parent(of: id) {
            list.select(id: parent)
            list.cursor.scroll(visibleRows: visibleRows(env), count: list.visible.count)
        }
    }

    /// → unfolds a folded grouping; on an open one it goes down to its first cluster.
    mutating func unfold(_ env: AppEnvironment) {
        guard foldable, let id = selected, let e = groupingTree?.entry(id), e.isGrouping else { return }
        if folded.remove(id) == nil { list.apply(.move(.down), visibleRows: visibleRows(env)) }
    }

    /// Builds the tree when the world changed (never from a first look: the tree needs every
    /// membership), then lays out its list when the tree, the folds or the filter changed.
    ///
    /// - Parameter keeping: the row to select when a filter was just cleared (the match chosen).
    mutating func refreshTree(_ env: AppEnvironment, keeping chosen: String? = nil) {
        let rows = visibleRows(env)
        let source = env.listSource + (sortByHealth ? " by health" : "")
        if env.firstLook != nil {
            groupingTree = nil
            treeLayout = nil
            lists[Self.treeList].setRows([], builtFrom: source)
            return
        }
        if groupingTree?.source != source {
            groupingTree = GroupingTree(env.world, today: env.today, byHealth: sortByHealth, source: source)
        }
        guard let tree = groupingTree else { return }
        var treeList = lists[Self.treeList]
        let layout = TreeLayout(source: source, folded: folded, paths: !treeList.filter.text.isEmpty)
        if layout != treeLayout {
            // Leaving a filter: the match chosen stays selected, its groupings unfolded to show it.
            let match = treeLayout?.paths == true && !layout.paths ? chosen ?? treeList.selectedRow?.id : nil
            if let match { folded.subtract(tree.ancestors(of: match)) }
            let laid = TreeLayout(source: source, folded: folded, paths: layout.paths)
            treeList.setRows(tree.rows(folded: laid.folded, paths: laid.paths), builtFrom: source)
            if let match { treeList.select(id: match) }
            // A filter just typed: the first match is selected, so Enter takes it.
            if laid.paths, treeLayout?.paths != true { treeList.cursor.selected = 0 }
            treeLayout = laid
        }
        treeList.cursor.scroll(visibleRows: rows, count: treeList.visible.count)
        lists[Self.treeList] = treeList
    }
}

import CairnCore
import Synchronization
import TermUI

/// One row of a list screen: the record it stands for and its cells.
public struct ListRow: Sendable, Equatable {
    public var id: String
    public var cells: [String]
    public var style: Style?
    /// Rows such as "+ New school…" in the member picker: always shown, never filtered out.
    public var pinned: Bool

    public init(id: String, cells: [String], style: Style? = nil, pinned: Bool = false) {
        self.id = id
        self.cells = cells
        self.style = style
        self.pinned = pinned
    }
}

/// A list with a cursor and a filter typed after `/`: case- and accent-insensitive, so that
/// `lodz` finds Łódź.
public struct ListModel: Sendable, Equatable {
    /// Every row, each made now if it was not yet (a list laid over `LazyRows` makes them all:
    /// for a filter, a sort, a CSV written).
    public var rows: [ListRow] { lazyRows?.all ?? builtRows }
    private var builtRows: [ListRow] = []
    /// The rows when they are made only as they are shown (`LazyRows`).
    private var lazyRows: LazyRows?
    /// Indices into `rows` that pass the filter, in order.
    public private(set) var visible: [Int] = []
    public var cursor = ListCursor()
    public var filter = TextField()
    /// True while `/` has the keyboard: typing goes to the filter.
    public var filtering = false
    /// What the rows were built from (a world revision and a day; nil: never built).
    var builtFrom: String?
    /// The row being ticked: once the tick moves it (a done checkpoint sinks to the bottom), the
    /// cursor keeps its place and lands on the next one, so a clerk ticks a run of them with
    /// Space alone.
    public var holdPlace: String?
    /// The column the rows are sorted by (`o`), or nil: the order they were built in.
    public internal(set) var sort: ListSort?
    /// Indices into `rows` in `sort`'s order, made once per change of the rows or the sort.
    var order: [Int]?
    /// The ids of the rows marked to act on together (tick, join, write out).
    public internal(set) var marked: Set<String> = []
    /// Folded search text per row, built the first time a filter is typed.
    private var searchKeys: [[UInt8]]?

    public init() {}

    /// How many rows there are, none made.
    public var rowCount: Int { lazyRows?.ids.count ?? builtRows.count }

    /// The `k`th row of `rows`, made alone if it was not yet.
    func row(_ k: Int) -> ListRow { lazyRows?.row(k) ?? builtRows[k] }

    /// The id of the `k`th row of `rows`, no row made.
    func id(_ k: Int) -> String { lazyRows?.ids[k] ?? builtRows[k].id }

    public var selectedRow: ListRow? {
        visible.indices.contains(cursor.selected) ? row(visible[cursor.selected]) : nil
    }

    public var visibleRows: [ListRow] { visible.map { row($0) } }

    /// The marked rows' ids, in the order the list shows them (filtered out or not).
    public var markedIDs: [String] {
        marked.isEmpty ? [] : (order ?? Array(0..<rowCount)).map { id($0) }.filter(marked.contains)
    }

    /// The `i`th row that passes the filter, without copying the others.
    public func visibleRow(_ i: Int) -> ListRow { row(visible[i]) }

    /// Replaces the rows, keeping the same record selected when it is still there.
    public mutating func setRows(_ new: [ListRow], builtFrom source: String?) {
        replaceRows(builtFrom: source) {
            $0.builtRows = new
            $0.lazyRows = nil
        }
    }

    /// Replaces the rows with rows made only as they are shown (`LazyRows`), keeping the same
    /// record selected when it is still there.
    public mutating func setRows(_ new: LazyRows, builtFrom source: String?) {
        replaceRows(builtFrom: source) {
            $0.builtRows = []
            $0.lazyRows = new
        }
    }

    private mutating func replaceRows(builtFrom source: String?, _ replace: (inout ListModel) -> Void) {
        let keep = visible.indices.contains(cursor.selected) ? id(visible[cursor.selected]) : nil
        let held = holdPlace != nil && holdPlace == keep
        holdPlace = nil
        replace(&self)
        searchKeys = nil
        builtFrom = source
        if !marked.isEmpty {
            let ids = (0..<rowCount).map { id($0) }
            marked = marked.intersection(ids)
        }
        reorder()
        if !held, let keep { select(id: keep) }
        cursor.clamp(count: visible.count)
    }

    public mutating func select(id wanted: String) {
        if let at = visible.firstIndex(where: { id($0) == wanted }) { cursor.selected = at }
    }

    /// Recomputes `visible` from the filter text.
    ///
    /// - Complexity: O(total bytes of the rows' text) per call: a byte scan over folded text
    ///   built once per set of rows.
    public mutating func applyFilter() {
        let query = Text.folded(filter.text)
        let all = order ?? Array(0..<rowCount)
        if query.isEmpty {
            visible = all
        } else {
            prepareSearch()
            let keys = searchKeys ?? []
            let rows = self.rows
            // What matches comes first, so Enter takes the match; pinned rows (create a new
            // one) follow it.
            visible = all.filter { !rows[$0].pinned && ListModel.contains(keys[$0], query) } + all.filter { rows[$0].pinned }
        }
        cursor.clamp(count: visible.count)
    }

    /// Folds every row's text once, when `/` is pressed, so that no typed character waits for it.
    mutating func prepareSearch() {
        if searchKeys == nil { searchKeys = rows.map { Text.folded($0.cells.joined(separator: " ")) } }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        let h = haystack.count
        guard n <= h else { return false }
        let first = needle[0]
        var i = 0
        while i <= h - n {
            if haystack[i] == first {
                var j = 1
                while j < n, haystack[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}

/// Rows made only as they are shown: the ids in the list's order, and how one id's row is
/// made. The Schools tab of a national store lists 25,000 schools, and a screen shows twenty:
/// those twenty are read from the snapshot, not the 25,000 (until a filter, a sort or a CSV
/// asks for every row).
public final class LazyRows: Sendable, Equatable {
    public let ids: [String]
    private let make: @Sendable (String) -> ListRow
    private let made = Mutex<[Int: ListRow]>([:])
    private let whole = Mutex<[ListRow]?>(nil)

    public init(ids: [String], make: @escaping @Sendable (String) -> ListRow) {
        self.ids = ids
        self.make = make
    }

    func row(_ k: Int) -> ListRow {
        if let all = whole.withLock({ $0 }) { return all[k] }
        if let known = made.withLock({ $0[k] }) { return known }
        let row = make(ids[k])
        made.withLock { $0[k] = row }
        return row
    }

    var all: [ListRow] {
        if let all = whole.withLock({ $0 }) { return all }
        let all = ids.indices.map { row($0) }
        whole.withLock { $0 = all }
        made.withLock { $0 = [:] }
        return all
    }

    /// Alike when they list the same ids and make the same rows: two states reached by the same
    /// keys are equal, as with rows made at once. (Each row is made to be compared: nothing in
    /// a session compares its states, only tests do.)
    public static func == (a: LazyRows, b: LazyRows) -> Bool {
        a === b || (a.ids == b.ids && a.ids.indices.allSatisfy { a.row($0) == b.row($0) })
    }
}

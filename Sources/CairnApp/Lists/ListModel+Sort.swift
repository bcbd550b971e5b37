import CairnCore
import TermUI

/// The column a list is sorted by, and which way.
public struct ListSort: Sendable, Equatable {
    public var column: Int
    public var descending: Bool

    public init(column: Int, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// The header's sign of the direction: ▲ smallest first, ▼ largest first.
    public var arrow: String { descending ? "▼" : "▲" }

    /// The next step of `o`: each column up, then down, then the next column; after the last
    /// column the list's own order again (nil).
    static func next(after sort: ListSort?, columns: Int) -> ListSort? {
        guard let sort else { return columns > 0 ? ListSort(column: 0) : nil }
        if !sort.descending { return ListSort(column: sort.column, descending: true) }
        return sort.column + 1 < columns ? ListSort(column: sort.column + 1) : nil
    }
}

/// A cell's sort key: numbers as numbers, dates and names as names are ordered on screen (in
/// the reader's alphabet, `NameOrder.shown`: an ISO day sorts by time that way), empty cells
/// last whichever the direction.
enum SortKey {
    case number(Double)
    case text([UInt32], String)
    case empty

    init(_ cell: String, alphabet: Alphabet) {
        if cell.allSatisfy({ $0 == " " }) || cell == "—" {
            self = .empty
        } else if let n = Double(cell), n.isFinite {
            self = .number(n)
        } else if alphabet.isEmpty {
            self = .text(Text.folded(cell).map(UInt32.init), cell)
        } else {
            self = .text(alphabet.key(cell), cell)
        }
    }

    /// True when `self` comes before `other` smallest first; numbers come before text.
    func precedes(_ other: SortKey) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a < b
        case (.number, _): return true
        case (.text, .number): return false
        case (.text(let fa, let a), .text(let fb, let b)):
            if fa != fb { return fa.lexicographicallyPrecedes(fb) }
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.text, .empty): return true
        case (.empty, _): return false
        }
    }

    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

extension ListModel {
    /// The rows' indices in the chosen order: ties keep the list's own order, so that a sort is
    /// the same on every machine.
    ///
    /// - Complexity: O(n log n) comparisons after one pass that folds the column's cells, once
    ///   per change of the rows or of the sort, never per key.
    static func order(of rows: [ListRow], by sort: ListSort) -> [Int] {
        let alphabet = Alphabet.session
        let keys = rows.map { SortKey(sort.column < $0.cells.count ? $0.cells[sort.column] : "", alphabet: alphabet) }
        return rows.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a.isEmpty != b.isEmpty { return b.isEmpty }
            if sort.descending ? b.precedes(a) : a.precedes(b) { return true }
            if sort.descending ? a.precedes(b) : b.precedes(a) { return false }
            return i < j
        }
    }

    /// `o`: sorts by the next column or direction, keeping the same record selected.
    mutating func cycleSort() {
        let columns = rows.first { !$0.pinned }?.cells.count ?? 0
        sort = ListSort.next(after: sort, columns: columns)
        let keep = selectedRow?.id
        reorder()
        if let keep { select(id: keep) }
    }

    /// What `W` writes: every column's title, then the marked rows when any are (in the
    /// list's order, shown by the filter or not), else the rows shown, in order.
    ///
    /// - Parameters:
    ///   - name: the file's name before the day (`schools`, `checkpoints`).
    ///   - cluster: the cluster whose list it is, named in the file's name.
    func written(_ columns: [Column], name: String, cluster: String? = nil) -> ListCSV {
        let n = columns.count
        let chosen = marked.isEmpty ? visible : (order ?? Array(rows.indices)).filter { marked.contains(rows[$0].id) }
        return ListCSV(
            name: name, cluster: cluster, header: columns.map(\.title),
            rows: chosen.map { i in Array((rows[i].cells + Array(repeating: "", count: n)).prefix(n)) }, marked: !marked.isEmpty)
    }

    /// Clears the marks once every marked row is done with (every marked checkpoint ticked), so
    /// the next Space ticks one again. Called when the world changed, not on every key: a done
    /// checkpoint marked by hand keeps its mark.
    mutating func unmarkWhenAll(_ done: (String) -> Bool) {
        if !marked.isEmpty, marked.allSatisfy(done) { marked = [] }
    }

    /// Clears the marks once a commit joined the record of a marked row to a cluster (`J`):
    /// the batch has acted. `record` gives a row's record (a member's row stands for its
    /// membership, whose school or agency joins).
    mutating func unmarkJoined(by outcome: Outcome, record: (String) -> String?) {
        guard !marked.isEmpty else { return }
        let joined = Set(
            outcome.changes.compactMap { change -> String? in
                if case .put(.membership(let m)) = change { return m.memberId }
                return nil
            })
        if !joined.isEmpty, marked.contains(where: { record($0).map(joined.contains) ?? false }) { marked = [] }
    }

    /// Sorts the rows again by `sort` (or puts back the list's own order) and filters them.
    mutating func reorder() {
        order = sort.map { Self.order(of: rows, by: $0) }
        applyFilter()
    }
}

import CairnCore
import CairnWords
import TermUI

/// What can happen to a list on screen, the same on every screen that shows one.
public enum ListAction: Sendable, Equatable {
    case move(ListMove)
    /// `/`: typing now goes to the filter.
    case startFilter
    case filterKey(Key)
    /// Enter while filtering: the filter stays, the keys are the list's again.
    case keepFilter
    case clearFilter
    /// `o`: sort by the next column or direction (see `ListSort.next`).
    case cycleSort
    /// `+`: mark the selected row, or unmark it, and go to the next.
    case toggleMark
    /// `*`: mark every row shown (the filtered view); when all are marked already, unmark them.
    case markAllShown
}

extension ListModel {
    /// The list's own bindings: moves, and the filter's keys.
    ///
    /// - Parameters:
    ///   - letters: `j` `k` `g` `G` move too (not where letters are typed, as in the picker).
    ///   - batch: `o` sorts, `+` and `*` mark (not on a tree, whose order is its outline).
    ///   - wrap: the screen's action for a list action.
    func bindings<A>(
        letters: Bool = true, filterInFooter: Bool = true, batch: Bool = true, _ wrap: @escaping @Sendable (ListAction) -> A
    ) -> [KeyBinding<A>] {
        let arrows = letters && !filtering
        let moves = ListMove.allCases.map { move in
            KeyBinding(arrows ? move.keys : move.arrowKeys, nil, move.said, wrap(.move(move)), footer: false)
        }
        if filtering {
            return [
                KeyBinding([.enter], "Enter", Words.say("keep the filter"), wrap(.keepFilter)),
                KeyBinding([.escape], "Esc", Words.say("clear the filter"), wrap(.clearFilter)),
            ] + moves
        }
        var b: [KeyBinding<A>] = []
        if letters { b.append(KeyBinding([.char("/")], "/", Words.say("filter"), wrap(.startFilter), footer: filterInFooter)) }
        b.append(
            KeyBinding([.escape], "Esc", Words.say("clear the filter"), wrap(.clearFilter), footer: false, enabled: !filter.text.isEmpty))
        b += moves
        if letters && batch {
            let some = !visible.isEmpty
            b += [
                KeyBinding([.char("o")], "o", Words.say("sort: next column ▲ ▼"), wrap(.cycleSort), footer: false, enabled: some),
                KeyBinding([.char("+")], "+", Words.say("mark or unmark a row"), wrap(.toggleMark), footer: false, enabled: some),
                KeyBinding([.char("*")], "*", Words.say("mark all shown / none"), wrap(.markAllShown), footer: false, enabled: some),
            ]
        }
        return b
    }

    /// A typed key, while the filter has the keyboard.
    func typed(_ key: Key) -> ListAction? {
        guard filtering else { return nil }
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end, .ctrl("u"), .ctrl("a"), .ctrl("e"): return .filterKey(key)
        default: return nil
        }
    }

    /// Carries out a list action; `visibleRows` is how many rows the list shows.
    mutating func apply(_ action: ListAction, visibleRows: Int) {
        switch action {
        case .move(let move): cursor.apply(move, count: visible.count, pageHeight: visibleRows)
        case .startFilter:
            filtering = true
            prepareSearch()
        case .filterKey(let key):
            if filter.handle(key) {
                applyFilter()
                cursor.selected = 0
            }
        case .keepFilter: filtering = false
        case .clearFilter:
            filtering = false
            filter = TextField()
            applyFilter()
        case .cycleSort: cycleSort()
        case .toggleMark:
            if let row = selectedRow, !row.pinned {
                if marked.remove(row.id) == nil { marked.insert(row.id) }
                cursor.apply(.down, count: visible.count, pageHeight: visibleRows)
            }
        case .markAllShown:
            let shown = visible.filter { !rows[$0].pinned }.map { rows[$0].id }
            if shown.allSatisfy(marked.contains) { marked.subtract(shown) } else { marked.formUnion(shown) }
        }
        cursor.scroll(visibleRows: visibleRows, count: visible.count)
    }

    /// Rebuilds the rows when what they were built from changed; keeps the selection and scroll.
    ///
    /// - Returns: true when the rows were rebuilt.
    @discardableResult
    mutating func rebuild(from source: String, visibleRows: Int, _ rows: () -> [ListRow]) -> Bool {
        rebuild(from: source, visibleRows: visibleRows) { $0.setRows(rows(), builtFrom: source) }
    }

    /// `rebuild` with rows made only as they are shown (`LazyRows`).
    @discardableResult
    mutating func rebuild(from source: String, visibleRows: Int, lazily rows: () -> LazyRows) -> Bool {
        rebuild(from: source, visibleRows: visibleRows) { $0.setRows(rows(), builtFrom: source) }
    }

    private mutating func rebuild(from source: String, visibleRows: Int, setting set: (inout ListModel) -> Void) -> Bool {
        let fresh = builtFrom != source
        if fresh { set(&self) }
        cursor.scroll(visibleRows: visibleRows, count: visible.count)
        return fresh
    }
}

extension AppEnvironment {
    /// What a list was built from: the world at a revision on a day in a language, or a
    /// snapshot's first look (drawn before the world is whole), so that lists are built again
    /// from the world itself, and in the language the session switched to.
    var listSource: String { "\(world.revision)@\(today)/\(language)" + (firstLook == nil ? "" : " first look") }
}

extension ListMove {
    /// How help names the move, in the session's language.
    var said: String {
        switch self {
        case .up: return Words.say("move up")
        case .down: return Words.say("move down")
        case .pageUp: return Words.say("page up")
        case .pageDown: return Words.say("page down")
        case .first: return Words.say("first row")
        case .last: return Words.say("last row")
        }
    }
}

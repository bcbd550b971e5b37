/// The selection and scroll position of a list: which row is selected, which is at the top.
public struct ListCursor: Equatable, Sendable {
    public var selected = 0
    public var top = 0

    public init(selected: Int = 0) { self.selected = selected }

    /// Moves the selection; `pageHeight` is the rows a page shows.
    public mutating func apply(_ move: ListMove, count: Int, pageHeight: Int) {
        let page = max(1, pageHeight - 1)
        switch move {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .first: selected = 0
        case .last: selected = count - 1
        }
        clamp(count: count)
    }

    public mutating func clamp(count: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
    }

    /// Keeps the selected row on screen, scrolling as little as possible.
    public mutating func scroll(visibleRows: Int, count: Int) {
        clamp(count: count)
        guard visibleRows > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        top = max(0, min(top, max(0, count - visibleRows)))
    }
}

/// A move of a list's selection, as the navigation keys ask for it.
public enum ListMove: Sendable, Equatable, CaseIterable {
    case up, down, pageUp, pageDown, first, last

    /// The keys that ask for each move, and how help names them.
    public var keys: [Key] {
        switch self {
        case .up: return [.up, .char("k")]
        case .down: return [.down, .char("j")]
        case .pageUp: return [.pageUp]
        case .pageDown: return [.pageDown]
        case .first: return [.home, .char("g")]
        case .last: return [.end, .char("G")]
        }
    }

    public var help: String {
        switch self {
        case .up: return "move up"
        case .down: return "move down"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .first: return "first row"
        case .last: return "last row"
        }
    }

    /// The moves of arrow keys only, for screens where letters are typed (a picker's filter).
    public var arrowKeys: [Key] { keys.filter { if case .char = $0 { return false } else { return true } } }
}

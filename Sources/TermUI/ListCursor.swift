/// The selection and scroll position of a list: which row is selected, which is at the top.
public struct ListCursor: Equatable, Sendable {
    public var selected = 0
    public var top = 0

    public init(selected: Int = 0) { self.selected = selected }

    /// Moves the selection for a navigation key (↑↓ j k PgUp PgDn Home End g G).
    /// Returns false when the key is not a navigation key.
    public mutating func handle(_ key: Key, count: Int, pageHeight: Int) -> Bool {
        let page = max(1, pageHeight - 1)
        switch key {
        case .up, .char("k"): selected -= 1
        case .down, .char("j"): selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .home, .char("g"): selected = 0
        case .end, .char("G"): selected = count - 1
        default: return false
        }
        clamp(count: count)
        return true
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

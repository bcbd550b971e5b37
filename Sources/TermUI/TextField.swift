/// An editable line of text with a cursor, counted in characters (graphemes).
public struct TextField: Equatable, Sendable, Codable {
    public var text: String
    /// The cursor's position in characters, 0...text.count.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Edits for a key. Returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            let i = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: i)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    /// Draws the field into `width` cells at (x, y), scrolled so the cursor shows; the cursor
    /// cell is drawn reversed when `focused` (the terminal's own cursor is hidden).
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        guard width > 0 else { return }
        guard focused else {
            // Not being edited: show the start, cut with … like any other value.
            canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            canvas.put(text, x: x, y: y, maxWidth: width, style: style)
            return
        }
        let chars = Array(text)
        // Scroll so that the cursor and a cell for it fit.
        var start = 0
        var used = chars[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while used > width - 1, start < cursor {
            used -= DisplayWidth.of(chars[start])
            start += 1
        }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(style.role, underline: focused))
        var col = x
        for i in start..<chars.count {
            let w = DisplayWidth.of(chars[i])
            if col + w > x + width { break }
            let cellStyle = focused && i == cursor ? Style.selected : Style(style.role, bold: style.bold, underline: focused)
            canvas.put(String(chars[i]), x: col, y: y, maxWidth: w, style: cellStyle)
            col += w
        }
        if focused, cursor == chars.count, col < x + width {
            canvas[col, y] = Cell(" ", .selected)
        }
    }
}

import Foundation

/// An editable line of text with a cursor, counted in characters (graphemes).
///
/// The text is kept in NFC. A combining mark typed after its letter (`e` then U+0301, as some
/// keyboards and pasted macOS text send it) joins that letter into one character, so the
/// cursor is recomputed after every edit rather than counted up; it is also kept in range
/// whatever a draft file says, so no edit or drawing can index past the text.
public struct TextField: Equatable, Sendable, Codable {
    public var text: String {
        didSet { cursor = min(cursor, text.count) }
    }
    /// The cursor's position in characters, 0...text.count.
    public var cursor: Int {
        didSet { if cursor < 0 || cursor > text.count { cursor = max(0, min(cursor, text.count)) } }
    }

    public init(_ text: String = "") {
        self.text = text.precomposedStringWithCanonicalMapping
        cursor = self.text.count
    }

    enum CodingKeys: String, CodingKey { case text, cursor }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text).precomposedStringWithCanonicalMapping
        cursor = 0
        cursor = max(0, min(try c.decode(Int.self, forKey: .cursor), text.count))
    }

    /// Edits for a key. Returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            let i = text.index(text.startIndex, offsetBy: min(cursor, text.count))
            let before = (String(text[..<i]) + String(c)).precomposedStringWithCanonicalMapping
            text = (before + String(text[i...])).precomposedStringWithCanonicalMapping
            cursor = min(text.count, before.count)
        case .backspace:
            guard cursor > 0 else { return true }
            remove(cursor - 1)
        case .delete:
            guard cursor < text.count else { return true }
            remove(cursor)
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

    /// Removes the character at `offset`; the cursor stays before what followed it.
    private mutating func remove(_ offset: Int) {
        let i = text.index(text.startIndex, offsetBy: offset)
        let before = String(text[..<i])
        text = (before + String(text[text.index(after: i)...])).precomposedStringWithCanonicalMapping
        cursor = min(text.count, before.count)
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
        let cursor = min(self.cursor, chars.count)
        // Scroll so that the cursor and a cell for it fit.
        var start = 0
        var used = chars[0..<cursor].reduce(0) { $0 + max(1, DisplayWidth.of($1)) }
        while used > width - 1, start < cursor {
            used -= max(1, DisplayWidth.of(chars[start]))
            start += 1
        }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(style.role, underline: focused))
        var col = x
        for i in start..<chars.count {
            // A character that takes no cell of its own (a combining mark with no letter before
            // it, a lone joiner) is shown on a dotted circle, so the cursor can sit on it.
            let zeroWidth = DisplayWidth.of(chars[i]) == 0
            let shown = zeroWidth ? "◌" + String(chars[i]) : String(chars[i])
            let w = max(1, DisplayWidth.of(chars[i]))
            if col + w > x + width { break }
            let cellStyle = focused && i == cursor ? Style.selected : Style(style.role, bold: style.bold, underline: focused)
            canvas.put(shown, x: col, y: y, maxWidth: w, style: cellStyle)
            col += w
        }
        if focused, cursor == chars.count, col < x + width {
            canvas[col, y] = Cell(" ", .selected)
        }
    }
}

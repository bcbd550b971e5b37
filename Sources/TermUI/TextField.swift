import Foundation

/// An editable line of text with a cursor, counted in characters (graphemes).
///
/// The text is kept in NFC. A combining mark typed after its letter (`e` then U+0301, as some
/// keyboards and pasted macOS text send it) joins that letter into one character. NFC can only
/// join what meets where the text was changed, so each edit normalises the characters on either
/// side of it, never the whole text: a paste of thousands of characters, which arrives as one
/// key each, costs the same per key at its end as at its start.
///
/// A field can hold an offered value (`today` in a date the form fills in for the person to
/// accept or replace): the first character typed replaces it whole; a cursor move, Backspace
/// or Ctrl-U first turns it into ordinary text to edit.
public struct TextField: Sendable, Codable {
    public private(set) var text: String
    /// The cursor as a UTF-8 offset into `text`, always on a character boundary: turned into a
    /// `String.Index` without counting characters.
    private var offset: Int
    /// True while the text is an offered value the first typed character replaces.
    public private(set) var isOffered: Bool

    /// - Parameter offered: the text is a value offered to accept or replace (see the type).
    public init(_ text: String = "", offered: Bool = false) {
        self.text = text.precomposedStringWithCanonicalMapping
        offset = self.text.utf8.count
        isOffered = offered && !text.isEmpty
    }

    /// The cursor's position in characters, 0...text.count.
    ///
    /// - Complexity: O(n) in the characters before the cursor.
    public var cursor: Int { text[..<index].count }

    private var index: String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }

    private mutating func place(_ at: String.Index) { offset = text.utf8.distance(from: text.utf8.startIndex, to: at) }

    enum CodingKeys: String, CodingKey { case text, cursor, offered }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(String.self, forKey: .text), offered: try c.decodeIfPresent(Bool.self, forKey: .offered) ?? false)
        // Whatever a draft file says, the cursor lands inside the text.
        let characters = max(0, min(try c.decode(Int.self, forKey: .cursor), text.count))
        place(text.index(text.startIndex, offsetBy: characters))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(cursor, forKey: .cursor)
        if isOffered { try c.encode(true, forKey: .offered) }
    }

    /// True for the keys `handle` edits with.
    public static func edits(with key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("u"): return true
        default: return false
        }
    }

    /// Edits for a key. Returns false when the key is not an editing key.
    ///
    /// - Complexity: O(1) for a character typed or removed at the end of the text (amortised);
    ///   elsewhere O(n) in the bytes of the text, for moving what follows.
    public mutating func handle(_ key: Key) -> Bool {
        guard Self.edits(with: key) else { return false }
        let offered = isOffered
        isOffered = false
        switch key {
        case .char(let c):
            if offered {
                text = ""
                offset = 0
            }
            replace(index..<index, with: String(c))
        case .backspace:
            let at = index
            if at > text.startIndex { replace(text.index(before: at)..<at, with: "") }
        case .delete:
            let at = index
            if at < text.endIndex { replace(at..<text.index(after: at), with: "") }
        case .left: if index > text.startIndex { place(text.index(before: index)) }
        case .right: if index < text.endIndex { place(text.index(after: index)) }
        case .home, .ctrl("a"): offset = 0
        case .end, .ctrl("e"): offset = text.utf8.count
        default:
            text = ""
            offset = 0
        }
        return true
    }

    /// Replaces `range` (on character boundaries) with `new` and puts the cursor after it.
    /// Only the character before and the one after the seam can join what was put in under NFC,
    /// so only they are normalised with it.
    private mutating func replace(_ range: Range<String.Index>, with new: String) {
        // ASCII never composes with what comes before it; it needs only an ASCII neighbour after.
        let end: Int
        if new.utf8.allSatisfy({ $0 < 0x80 }), range.upperBound == text.endIndex || text.utf8[range.upperBound] < 0x80 {
            end = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound) + new.utf8.count
            text.replaceSubrange(range, with: new)
        } else {
            let lower = range.lowerBound > text.startIndex ? text.index(before: range.lowerBound) : range.lowerBound
            let upper = range.upperBound < text.endIndex ? text.index(after: range.upperBound) : range.upperBound
            let head = (String(text[lower..<range.lowerBound]) + new).precomposedStringWithCanonicalMapping
            let joined = (head + String(text[range.upperBound..<upper])).precomposedStringWithCanonicalMapping
            let start = text.utf8.distance(from: text.utf8.startIndex, to: lower)
            text.replaceSubrange(lower..<upper, with: joined)
            // After what was put in; when what followed merged into it, after the merged character.
            end = start + (joined.utf8.starts(with: head.utf8) ? head.utf8.count : joined.utf8.count)
        }
        let at = text.utf8.index(text.utf8.startIndex, offsetBy: end)
        if at.samePosition(in: text) != nil {
            offset = end
        } else {
            place(text.index(after: at))
        }
    }

    /// Draws the field into `width` cells at (x, y), scrolled so the cursor shows. When
    /// `focused`, the cursor cell is drawn reversed (seen in any terminal, and in a snapshot) and
    /// the canvas's cursor is put on it, counted in display cells, so that the terminal's own
    /// cursor (which a screen reader follows) sits at the caret. An offered value is drawn
    /// reversed whole while focused, as text the next key replaces.
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
        let widths = chars.map { max(1, DisplayWidth.of($0)) }
        // Scroll so that the cursor and the character under it fit whole (a wide one takes two
        // cells: at the field's last cell it would not be drawn, and the caret with it).
        let under = cursor < chars.count ? widths[cursor] : 1
        var start = 0
        var used = widths[0..<cursor].reduce(0, +)
        while used + under > width, start < cursor {
            used -= widths[start]
            start += 1
        }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(style.role, underline: focused))
        var col = x
        for i in start..<chars.count {
            // A character that takes no cell of its own (a combining mark with no letter before
            // it, a lone joiner) is shown on a dotted circle, so the cursor can sit on it.
            let zeroWidth = DisplayWidth.of(chars[i]) == 0
            let shown = zeroWidth ? "◌" + String(chars[i]) : String(chars[i])
            var w = widths[i]
            let cellStyle = isOffered || i == cursor ? Style.selected : Style(style.role, bold: style.bold, underline: focused)
            // A wide character under the caret of a one-cell field is shown cut (`…`) there.
            if i == cursor, w > width { w = width }
            if col + w > x + width { break }
            canvas.put(shown, x: col, y: y, maxWidth: w, style: cellStyle)
            if i == cursor { canvas.placeCursor(x: col, y: y) }
            col += w
        }
        if cursor == chars.count, col < x + width {
            canvas[col, y] = Cell(" ", .selected)
            canvas.placeCursor(x: col, y: y)
        }
    }
}

extension TextField: Equatable {
    /// Byte for byte: both texts are NFC, so equal text is equal bytes, and a text that grew by
    /// a key differs in length, told without reading it.
    public static func == (a: TextField, b: TextField) -> Bool {
        a.offset == b.offset && a.isOffered == b.isOffered && a.text.utf8.count == b.text.utf8.count
            && a.text.utf8.elementsEqual(b.text.utf8)
    }
}

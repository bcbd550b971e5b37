/// One terminal cell: a single grapheme and its style. A wide character's second cell holds
/// an empty string, so that the grid keeps the terminal's geometry.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells in a canvas.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// A cell of a canvas, by column and row from the top left.
public struct CursorPosition: Hashable, Sendable, CustomStringConvertible {
    public var x: Int, y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
    public var description: String { "(\(x), \(y))" }
}

/// A frame drawn in memory. Screens render into it; the terminal backend writes only the
/// cells that differ from the previous frame; tests compare its text with snapshots.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor rests once the frame is shown: on the focused row, or at the
    /// caret of the focused field, so that a screen reader or a braille display follows focus.
    /// Nil leaves it hidden.
    public var cursor: CursorPosition?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Puts the cursor at (x, y), kept inside the canvas.
    public mutating func placeCursor(x: Int, y: Int) {
        guard width > 0, height > 0, y >= 0, y < height else { return }
        cursor = CursorPosition(x: min(max(0, x), width - 1), y: y)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `maxWidth` cells (and the canvas edge), with `…`
    /// where it was cut. Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let clipped = DisplayWidth.truncate(Canvas.visible(text), to: limit)
        var col = x
        for ch in clipped {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A lone combining mark: attach it to the previous cell so it is not lost.
                if col > x, col - 1 < width { self[col - 1, y].text.append(ch) }
                continue
            }
            if col + w > x + limit { break }
            if col >= 0 {
                self[col, y] = Cell(String(ch), style)
                if w == 2 { self[col + 1, y] = Cell("", style) }
            }
            col += w
        }
        return col - x
    }

    /// Text with what would act on a terminal instead of showing made visible: C0 controls
    /// and DEL in caret notation (`^[`), C1 controls and bidirectional overrides as `�`. Data
    /// (a school's name from a register) never reaches the terminal raw.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x00..<0x20: out.append(contentsOf: "^\(Character(Unicode.Scalar(s.value + 0x40)!))".unicodeScalars)
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case _ where needsEscape(s): out.append("\u{FFFD}")
            default: out.append(s)
            }
        }
        return String(out)
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Fills a rectangle with blanks of `style` (a selection bar, a cleared panel).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = Cell(" ", style) }
        }
    }

    /// Gives every cell in a row range a style, keeping the text (selection highlight).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y].style = style }
        }
    }

    /// Row `y` as text, trailing spaces trimmed.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width { line += self[x, y].text }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// The whole canvas as text, one line per row: what a snapshot test compares.
    public var text: String { (0..<height).map(row).joined(separator: "\n") }

    /// The positions whose cells differ from `previous` (all of them when the size changed).
    public func changedCells(since previous: Canvas?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(cells.indices) }
        var changed: [Int] = []
        for i in cells.indices where cells[i] != previous.cells[i] { changed.append(i) }
        return changed
    }
}

/// A column of a table: a title and a width; a width of 0 takes what the others leave.
public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var alignRight: Bool

    public init(_ title: String, width: Int = 0, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// A scrolling table: header, rows, the selected one highlighted (reversed, and marked with
/// `>` so the selection shows on a monochrome terminal too).
public struct Table {
    public var columns: [Column]
    /// How many rows the table has; only those on screen are asked for.
    public var count: Int
    /// A row's cells and its optional style (overdue in bold, done muted), by index.
    public var row: (Int) -> (cells: [String], style: Style?)

    /// A table whose rows are fetched as drawn: a list of 100,000 checkpoints costs a screenful.
    public init(columns: [Column], count: Int, row: @escaping (Int) -> (cells: [String], style: Style?)) {
        self.columns = columns
        self.count = count
        self.row = row
    }

    public init(columns: [Column], rows: [[String]], rowStyles: [Style?] = []) {
        self.init(columns: columns, count: rows.count) { i in (rows[i], i < rowStyles.count ? rowStyles[i] : nil) }
    }

    /// The widths each column gets in `width` cells (two cells of marker, one between columns).
    public func widths(in width: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width }
        let flexible = columns.filter { $0.width == 0 }.count
        let room = max(0, width - 2 - fixed - (columns.count - 1))
        return columns.map { $0.width > 0 ? $0.width : max(4, room / max(1, flexible)) }
    }

    /// Draws the header and the rows from `cursor.top`. The owner keeps the scroll position
    /// (`ListCursor.scroll` in its update), so that it lasts from one frame to the next; this
    /// only corrects a cursor left off screen, without keeping the correction.
    public func render(into canvas: inout Canvas, area: Rect, cursor given: ListCursor, focused: Bool = true) {
        guard area.height >= 1 else { return }
        let visible = area.height - 1
        var cursor = given
        cursor.scroll(visibleRows: visible, count: count)
        // The position counter sits at the header's right end; the columns give it room.
        let info = count > visible && visible > 0 ? " \(cursor.selected + 1)/\(count) " : ""
        let widths = widths(in: area.width - DisplayWidth.of(info))
        var x = area.x + 2
        for (i, c) in columns.enumerated() {
            canvas.put(
                cell(c.title, width: widths[i], right: c.alignRight), x: x, y: area.y, maxWidth: widths[i],
                style: Style(.title, bold: true, underline: true))
            x += widths[i] + 1
        }
        for r in 0..<visible {
            let index = cursor.top + r
            guard index < count else { break }
            let y = area.y + 1 + r
            let selected = index == cursor.selected && focused
            let (cells, rowStyle) = row(index)
            let base = rowStyle ?? .plain
            let style = selected ? Style(.selection, bold: base.bold, reverse: true) : base
            if selected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            canvas.put(selected ? ">" : " ", x: area.x, y: y, style: style)
            var x = area.x + 2
            for (i, c) in columns.enumerated() {
                let value = i < cells.count ? cells[i] : ""
                canvas.put(cell(value, width: widths[i], right: c.alignRight), x: x, y: y, maxWidth: widths[i], style: style)
                x += widths[i] + 1
            }
        }
        if !info.isEmpty { canvas.put(info, x: area.maxX - DisplayWidth.of(info), y: area.y, style: .muted) }
    }

    private func cell(_ text: String, width: Int, right: Bool) -> String {
        let cut = DisplayWidth.truncate(text, to: width)
        return right ? String(repeating: " ", count: max(0, width - DisplayWidth.of(cut))) + cut : cut
    }
}

/// A column of a table: a title and a width; a width of 0 takes what the others leave.
public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var alignRight: Bool
    /// Shown only on a table at least this wide (the evidence beside a checkpoint): below it
    /// the column is left out, its text still on the record's own screen.
    public var from: Int
    /// Left out on a table narrower than this (a projector's 64 columns), so that the columns
    /// people read first keep their words; laid out as any other column from there.
    public var dropsBelow: Int

    public init(_ title: String, width: Int = 0, alignRight: Bool = false, from: Int = 0, dropsBelow: Int = 0) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.from = from
        self.dropsBelow = dropsBelow
    }
}

/// A scrolling table: header, rows, the selected one highlighted (its first column reversed,
/// and marked with `>` so the selection shows on a monochrome terminal too).
public struct Table {
    public var columns: [Column]
    /// How many rows the table has; only those on screen are asked for.
    public var count: Int
    /// A row's cells and its optional style (overdue in bold, done muted), by index.
    public var row: (Int) -> (cells: [String], style: Style?)
    /// Whether a row is marked to act on with others: drawn as `*` beside the selection's `>`,
    /// so a mark shows without colour.
    public var marked: (Int) -> Bool = { _ in false }

    /// The columns shown at `width`, with the index of each one's cell.
    func shown(at width: Int) -> [(index: Int, column: Column)] {
        columns.enumerated().filter { $0.element.from <= width && $0.element.dropsBelow <= width }.map { ($0.offset, $0.element) }
    }

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
    ///
    /// The widths are laid out for 80 columns. Beyond that the extra room goes to every column
    /// whose text is cut in `sample` (the rows on screen), in proportion to its width and no
    /// wider than its longest text, so that a region or a lead is read whole rather than only
    /// the name growing; what is left goes to the flexible column.
    public func widths(in width: Int, sample: [[String]] = []) -> [Int] {
        // The columns every width shows are laid out first; those shown only on a wide table
        // (`from`) then take their width out of the extra room.
        let always = columns.filter { $0.from == 0 }
        let fixed = always.reduce(0) { $0 + $1.width }
        let flexible = always.filter { $0.width == 0 }.count
        // Columns laid out for a wider screen (a layout chosen at 100 columns) start from there.
        let design = min(width, max(Self.designWidth, 2 + fixed + always.count - 1 + 12 * flexible))
        let room = max(0, design - 2 - fixed - (always.count - 1))
        var widths = columns.map { $0.from > 0 ? 0 : $0.width > 0 ? $0.width : max(4, room / max(1, flexible)) }
        var extra = width - design
        for i in columns.indices where columns[i].from > 0 {
            widths[i] = min(columns[i].width, max(0, extra - 1))
            extra -= widths[i] + 1
        }
        guard extra > 0 else { return widths }
        let needs = columns.indices.map { i in
            sample.reduce(DisplayWidth.of(columns[i].title)) { max($0, i < $1.count ? DisplayWidth.of($1[i]) : 0) }
        }
        let base = widths
        // Rounds of sharing, so that what one column needs less goes to the others still cut.
        while extra > 0 {
            let cut = columns.indices.filter { needs[$0] > widths[$0] }
            let weight = cut.reduce(0) { $0 + base[$1] }
            guard weight > 0 else { break }
            let share = extra
            var given = 0
            for i in cut {
                let grow = min(needs[i] - widths[i], max(1, share * base[i] / weight), extra)
                widths[i] += grow
                extra -= grow
                given += grow
            }
            if given == 0 { break }
        }
        // The rest to the flexible column (or the last one), as before.
        let last = columns.lastIndex { $0.width == 0 } ?? columns.count - 1
        if last >= 0 { widths[last] += extra }
        return widths
    }

    /// The width the columns are laid out for: 80 columns less nothing.
    public static let designWidth = 80

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
        let shown = shown(at: area.width)
        let onScreen = (0..<max(0, min(visible, count - cursor.top))).map { r in
            let cells = row(cursor.top + r).cells
            return shown.map { $0.index < cells.count ? cells[$0.index] : "" }
        }
        let table = Table(columns: shown.map(\.column), count: count, row: row)
        // Room for the counter at its widest, so the columns do not shift when the selection
        // passes 9 or 99 (every row would be sent again).
        let room = info.isEmpty ? 0 : DisplayWidth.of(" \(count)/\(count) ")
        let widths = table.widths(in: area.width - room, sample: onScreen)
        var x = area.x + 2
        for (i, (_, c)) in shown.enumerated() {
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
            // Only the marker and the first column are reversed: moving the selection then
            // rewrites those cells of two rows, not both rows whole (fewer bytes per key over
            // SSH), and the rest of the selected row keeps its colours (overdue stays overdue).
            let mark = selected ? Style(.selection, bold: base.bold, reverse: true) : base
            let markWidth = 2 + (widths.first ?? 0)
            if selected { canvas.fill(Rect(x: area.x, y: y, width: min(markWidth, area.width), height: 1), style: mark) }
            canvas.put(selected ? ">" : " ", x: area.x, y: y, style: mark)
            if marked(index) { canvas.put("*", x: area.x + 1, y: y, style: Style(.accent, bold: true, reverse: selected)) }
            var x = area.x + 2
            for (i, (index, c)) in shown.enumerated() {
                let value = index < cells.count ? cells[index] : ""
                canvas.put(
                    cell(value, width: widths[i], right: c.alignRight), x: x, y: y, maxWidth: widths[i], style: i == 0 ? mark : base)
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

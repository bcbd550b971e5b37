/// A column of a table: a title and a designed width. A table lays its columns out by what the
/// rows on screen hold (`Table.widths`); the designed width counts only with nothing to measure.
/// A width of 0 marks the flexible column, which takes the room the others leave.
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

    /// The widths each column gets in `width` cells (two cells of marker, one between columns),
    /// by what the columns hold.
    ///
    /// Each column needs the display width of its title and of its widest cell in `sample`
    /// (the rows on screen: never every row of a long list). When all fit, each gets what it
    /// needs and the flexible column (width 0, else the last) the rest. When they do not, no
    /// column is cut while a wider one could give it room: every column gets what it needs up
    /// to one shared cap, so a short role stays whole beside a long name, and the name is cut
    /// only when the line really lacks room. With no sample (nothing to measure) the columns
    /// take their designed widths and the flexible one what is left.
    ///
    /// - Complexity: O(cells in `sample` + columns²).
    public func widths(in width: Int, sample: [[String]] = []) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let room = max(0, width - 2 - (columns.count - 1))
        let flexible = columns.lastIndex { $0.width == 0 } ?? columns.count - 1
        var needs = columns.map(\.width)
        if sample.isEmpty {
            let designed = needs.indices.reduce(0) { $0 + ($1 == flexible ? 0 : needs[$1]) }
            needs[flexible] = max(4, room - designed)
        } else {
            needs = columns.indices.map { i in
                sample.reduce(DisplayWidth.of(columns[i].title)) { max($0, i < $1.count ? DisplayWidth.of($1[i]) : 0) }
            }
        }
        let total = needs.reduce(0, +)
        if total <= room {
            var widths = needs
            widths[flexible] += room - total
            return widths
        }
        // The highest cap at which the columns, each cut to it, still fit.
        var cap = 0
        let sorted = needs.sorted()
        var below = 0
        for (k, need) in sorted.enumerated() {
            let wider = sorted.count - k
            if below + need * wider > room {
                cap = (room - below) / wider
                break
            }
            below += need
        }
        var widths = needs.map { min($0, cap) }
        // The cells a cap rounded down: to the flexible column first, then to the others cut.
        var left = room - widths.reduce(0, +)
        for i in [flexible] + columns.indices.filter({ $0 != flexible }) where left > 0 && widths[i] < needs[i] {
            let grow = min(left, needs[i] - widths[i])
            widths[i] += grow
            left -= grow
        }
        return widths
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
        var shown = shown(at: area.width)
        var onScreen = (0..<max(0, min(visible, count - cursor.top))).map { r in
            let cells = row(cursor.top + r).cells
            return shown.map { $0.index < cells.count ? cells[$0.index] : "" }
        }
        // Room for the counter at its widest, so the columns do not shift when the selection
        // passes 9 or 99 (every row would be sent again).
        let room = info.isEmpty ? 0 : DisplayWidth.of(" \(count)/\(count) ")
        // A column with nothing in the rows on screen is left out while text would be cut
        // beside it: its title alone says nothing, and comes back once a row fills it.
        let needs = shown.indices.map { i in onScreen.reduce(DisplayWidth.of(shown[i].column.title)) { max($0, DisplayWidth.of($1[i])) } }
        let empty = Set(shown.indices.dropFirst().filter { i in !onScreen.isEmpty && onScreen.allSatisfy { $0[i].isEmpty } })
        if !empty.isEmpty, needs.reduce(shown.count + 1, +) > area.width - room {
            shown = shown.indices.filter { !empty.contains($0) }.map { shown[$0] }
            onScreen = onScreen.map { cells in cells.indices.filter { !empty.contains($0) }.map { cells[$0] } }
        }
        let table = Table(columns: shown.map(\.column), count: count, row: row)
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
            if selected { canvas.placeCursor(x: area.x, y: y) }
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

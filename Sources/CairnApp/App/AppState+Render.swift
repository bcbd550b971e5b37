import CairnCore
import CairnWords
import TermUI

extension AppState {
    /// Draws the whole screen for the current state. Pure: the same state gives the same canvas.
    public func render() -> Canvas {
        var canvas = Canvas(width: env.width, height: env.height)
        if isTooSmall {
            renderTooSmall(into: &canvas)
            return canvas
        }
        // The screen that fills the body: the top one that is not an overlay.
        let base = stack.lastIndex { !$0.screen.isOverlay } ?? 0
        let screen = stack[base].screen
        if !screen.hidesTitleBar { renderTitle(upTo: base, into: &canvas) }
        let body = Rect(x: 0, y: 1, width: env.width, height: env.bodyHeight)
        screen.render(into: &canvas, area: body, env)
        renderStatus(screen.filteredList, into: &canvas, y: env.height - 2)
        top.screen.drawFooter(into: &canvas, y: env.height - 1, env)
        // The cursor follows focus: the focused row or field of the screen on top (an overlay's
        // own, not one left under it), else the start of what the screen shows.
        var start = CursorPosition(x: 0, y: body.y)
        for overlay in stack[(base + 1)...] {
            canvas.cursor = nil
            overlay.screen.render(into: &canvas, area: canvas.bounds, env)
            start = CursorPosition(x: 0, y: 0)
        }
        if canvas.cursor == nil { canvas.cursor = start }
        return canvas
    }

    func renderTitle(upTo base: Int, into canvas: inout Canvas) {
        canvas.fill(Rect(x: 0, y: 0, width: env.width, height: 1), style: Style(.title, reverse: true))
        let crumbs = ["Cairn"] + stack[1..<(base + 1)].map { $0.screen.crumb(env) }
        // On every screen, since each is a value someone believes saved: Home's C lists them.
        let count = env.conflictCount
        var conflicts = count == 0 ? "" : " \(Words.count("{count} conflict (C on Home)", "{count} conflicts (C on Home)", count)) "
        if env.readOnly != nil { conflicts = " \(Words.say("READ-ONLY: nothing can be saved")) " + conflicts }
        func rightSide(compact: Bool) -> String {
            (env.syncLine.map { " \($0.text(compact: compact)) ·" } ?? "") + " \(env.today) · \(env.user) "
        }
        // The crumbs keep at least 24 cells: the sync line gives up the day first.
        var right = rightSide(compact: false)
        if env.width - DisplayWidth.of(right) - DisplayWidth.of(conflicts) < 24 { right = rightSide(compact: true) }
        let rightWidth = DisplayWidth.of(right) + DisplayWidth.of(conflicts)
        let x = canvas.put(
            " " + Trail.fitted(crumbs, room: env.width - rightWidth - 2), x: 0, y: 0, maxWidth: env.width - rightWidth - 1,
            style: Style(.title, bold: true, reverse: true))
        // On Home, where the trail is just "Cairn": what others changed while this person was away.
        if base == 0, let since = env.sinceLastOpen {
            let room = env.width - rightWidth - x - 3
            let n = since.changes
            let when = ["when": since.when]
            let candidates =
                n == 0
                ? [Words.say("nothing new since {when}", when), Words.say("nothing new")]
                : [
                    Words.count(
                        "{count} change by others since {when} · L lists", "{count} changes by others since {when} · L lists", n, when),
                    Words.count("{count} new since {when} · L", "{count} new since {when} · L", n, when),
                    Words.count("{count} new · L", "{count} new · L", n),
                ]
            if let text = candidates.first(where: { DisplayWidth.of($0) <= room }) {
                canvas.put(text, x: x + 2, y: 0, style: Style(n == 0 ? .title : .accent, bold: n > 0, reverse: true))
            }
        }
        let shown = canvas.put(conflicts, x: env.width - rightWidth, y: 0, style: Style(.error, bold: true, reverse: true))
        canvas.put(right, x: env.width - rightWidth + shown, y: 0, style: Style(.title, reverse: true))
    }

    /// What was saved or went wrong and, while a list is filtered, the filter: both at once, so
    /// that "Deleted …" shows with a filter kept.
    func renderStatus(_ list: ListModel?, into canvas: inout Canvas, y: Int) {
        let filtered = list.map { $0.filtering || !$0.filter.text.isEmpty } ?? false
        let info =
            list.map {
                "  " + Words.say("{shown}/{total} · Esc clears", ["shown": String($0.visible.count), "total": String($0.rowCount)])
            } ?? ""
        // The filter takes what it needs (its text, a cell for the cursor); the status the rest.
        let filterWidth = filtered ? 8 + min(40, max(6, DisplayWidth.of(list?.filter.text ?? "") + 1)) + DisplayWidth.of(info) : 0
        var x = 0
        if let status {
            let room = env.width - 2 - (filtered ? filterWidth + 2 : 0)
            let style: Style = status.isError ? .error : .accent
            // A line too long for one row (a report's full path) takes the rows above too,
            // rather than being cut where the person needs it most.
            let words = Layout.wrap(status.text, width: room)
            let fits = words.allSatisfy { DisplayWidth.of($0) <= room }
            let pieces = fits ? words : DisplayWidth.chunks(status.text, width: room)
            if filtered, DisplayWidth.of(status.text) > room {
                // Beside the filter it would be cut: it takes the row above, whole.
                let wide = Array(Layout.wrap(status.text, width: env.width - 2).prefix(2))
                let top = y - wide.count
                canvas.fill(Rect(x: 0, y: top, width: env.width, height: wide.count))
                for (i, piece) in wide.enumerated() { canvas.put(piece, x: 1, y: top + i, maxWidth: env.width - 2, style: style) }
            } else if !filtered, pieces.count >= 2 {
                // Up to three rows (a long path on a projector's 64 columns), the end kept.
                let shown = Array(pieces.prefix(3))
                let top = y - shown.count + 1
                canvas.fill(Rect(x: 0, y: top, width: env.width, height: shown.count))
                for (i, piece) in shown.enumerated() { canvas.put(piece, x: 1, y: top + i, maxWidth: room, style: style) }
            } else {
                x = 1 + canvas.put(status.text, x: 1, y: y, maxWidth: room, style: style) + 2
            }
        }
        guard let list, filtered else { return }
        x += canvas.put(Words.say("Filter:") + " ", x: x, y: y, style: .accent)
        let fieldWidth = max(4, min(40, env.width - x - DisplayWidth.of(info) - 1))
        list.filter.render(into: &canvas, x: x, y: y, width: fieldWidth, focused: list.filtering)
        canvas.put(info, x: x + fieldWidth, y: y, style: .muted)
    }

    func renderTooSmall(into canvas: inout Canvas) {
        let (width, height) = minimumSize
        let message = Words.say(
            "Terminal too small: {width}×{height}. Cairn needs at least {needWidth}×{needHeight}. Enlarge the window; until then only q (back, or quit on Home) and Ctrl-C (quit) work.",
            ["width": String(env.width), "height": String(env.height), "needWidth": String(width), "needHeight": String(height)])
        let lines = Layout.wrap(message, width: max(1, env.width - 2))
        let top = max(0, (env.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < env.height {
            canvas.put(line, x: 1, y: top + i, style: i == 0 ? .error : .plain)
        }
        canvas.placeCursor(x: 1, y: top)
    }
}

/// Drawing helpers the screens share.
enum Layout {
    /// Words laid out in lines of at most `width` cells.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Parts of a line (`1 overdue`, `showing all (f, R)`) joined with ` · ` in lines of at most
    /// `width` cells, a part never split between lines unless it is itself too long for one.
    static func wrap(parts: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for part in parts {
            let candidate = line.isEmpty ? part : line + " · " + part
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            // A part too long for any line goes on in words after what the line holds.
            let tooLong = DisplayWidth.of(part) > width
            if !line.isEmpty, !tooLong { lines.append(line) }
            let pieces = wrap(tooLong ? candidate : part, width: width)
            lines += pieces.dropLast()
            line = pieces.last ?? ""
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func box(_ r: Rect, title: String, into canvas: inout Canvas) {
        canvas.fill(r)
        let border = Style(.accent, bold: true)
        canvas.put("┌" + String(repeating: "─", count: max(0, r.width - 2)) + "┐", x: r.x, y: r.y, style: border)
        for y in r.y + 1..<r.maxY - 1 {
            canvas.put("│", x: r.x, y: y, style: border)
            canvas.put("│", x: r.maxX - 1, y: y, style: border)
        }
        canvas.put("└" + String(repeating: "─", count: max(0, r.width - 2)) + "┘", x: r.x, y: r.maxY - 1, style: border)
        canvas.put(" \(title) ", x: r.x + 2, y: r.y, maxWidth: r.width - 4, style: Style(.title, bold: true))
    }

    /// A list as a table, or a line saying why it is empty.
    static func list(_ list: ListModel, columns: [Column], into canvas: inout Canvas, area: Rect, empty: String) {
        if list.visible.isEmpty {
            let message =
                list.rowCount == 0 ? empty : Words.say("Nothing matches “{filter}”. Esc clears the filter.", ["filter": list.filter.text])
            // Wrapped, not cut: on a projector the reason is what the room reads.
            for (i, line) in wrap(message, width: max(1, area.width - 4)).enumerated() where i + 1 < area.height {
                canvas.put(line, x: 2, y: area.y + 1 + i, maxWidth: area.width - 4, style: .muted)
            }
            return
        }
        // Titles in the session's language; a CSV written from the list keeps the English ones.
        var shown = columns.map { c in
            var said = c
            said.title = ColumnTitle.said(c.title)
            return said
        }
        // The arrow after the title: the column's width is measured with it.
        if let sort = list.sort, shown.indices.contains(sort.column) { shown[sort.column].title += " " + sort.arrow }
        var table = Table(columns: shown, count: list.visible.count) { i in
            let row = list.visibleRow(i)
            return (row.cells, row.style)
        }
        if !list.marked.isEmpty { table.marked = { list.marked.contains(list.visibleRow($0).id) } }
        table.render(into: &canvas, area: area, cursor: list.cursor)
    }
}

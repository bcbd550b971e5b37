import CairnCore
import CairnWords
import TermUI

extension ImportScreen {
    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        canvas.put(Words.say("Import a register of schools (CSV or TSV)"), x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(focus == 0 ? "▸" : " ", x: 1, y: area.y + 2, style: .accent)
        canvas.put(Words.say("File", context: "import"), x: 3, y: area.y + 2, style: Style(.normal, bold: true))
        path.render(into: &canvas, x: 16, y: area.y + 2, width: area.width - 18, focused: focus == 0)
        if let error {
            canvas.put(error, x: 3, y: area.y + 4, maxWidth: area.width - 4, style: .error)
            return
        }
        guard let p = preview else {
            let hint = Words.say("Type the file's path and press Enter to preview it; nothing is written until you confirm.")
            for (i, line) in Layout.wrap(hint, width: area.width - 4).enumerated() {
                canvas.put(line, x: 3, y: area.y + 4 + i, maxWidth: area.width - 4, style: .muted)
            }
            return
        }
        // The format line ends where "↑ N more above" begins, when the list is scrolled.
        let above = top > 0 ? Words.count("↑ {count} more above", "↑ {count} more above", top) : ""
        let formatRoom = area.width - 4 - (above.isEmpty ? 0 : DisplayWidth.of(above) + 2)
        canvas.put(p.format, x: 3, y: area.y + 3, maxWidth: formatRoom, style: p.format.contains("Windows-1252") ? .error : .muted)
        let listTop = area.y + 4
        let last = area.maxY - 1
        if let progress {
            let filled = progress.total == 0 ? 20 : progress.done * 20 / progress.total
            canvas.put(
                "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "] "
                    + Words.count(
                        "{done} of {count} change written", "{done} of {count} changes written", progress.total,
                        ["done": String(progress.done)]),
                x: 3, y: listTop + 1, style: Style(.accent, bold: true))
            return
        }
        let listed = listing(area.width)
        let all = listed.rows
        let selectable = listed.selectable
        // The row above the last says what is below; the format line's end, what is above.
        let visible = max(1, last - 1 - listTop)
        let focusedRow = focus > 0 && focus <= selectable.count ? selectable[focus - 1] : nil
        let labelWidth = phaseLabelWidth(all, p, width: area.width)
        for (offset, index) in (top..<min(all.count, top + visible)).enumerated() {
            draw(all[index], p, into: &canvas, y: listTop + offset, width: area.width, focused: index == focusedRow, labelWidth: labelWidth)
        }
        if !above.isEmpty {
            canvas.put(above, x: area.width - 1 - DisplayWidth.of(above), y: area.y + 3, style: .muted)
        }
        let below = all.count - (top + visible)
        let longError = editError.map { DisplayWidth.of($0) > area.width - 4 } ?? false
        if below > 0, !longError {
            canvas.put(
                Words.count("↓ {count} more (↓ or PgDn)", "↓ {count} more (↓ or PgDn)", below), x: 3, y: last - 1, maxWidth: area.width - 4,
                style: .muted)
        }
        // The last line: what Enter does now, or what is in the way.
        if let editError {
            // Over the two last lines when it needs them: the phases it lists are the answer.
            let lines = Layout.wrap(editError, width: area.width - 4).prefix(2)
            for (i, line) in lines.enumerated() {
                canvas.put(line, x: 3, y: last - lines.count + 1 + i, maxWidth: area.width - 4, style: .error)
            }
        } else if editing != nil {
            canvas.put(
                Words.say("Type phases separated by commas; Enter keeps them, Esc cancels"), x: 3, y: last, maxWidth: area.width - 4,
                style: .muted)
        } else if let problem = p.problem {
            canvas.put(problem, x: 3, y: last, maxWidth: area.width - 4, style: .error)
        } else {
            canvas.put(
                Words.count(
                    "Enter imports this {count} change: {counts}", "Enter imports these {count} changes: {counts}", p.changes,
                    ["counts": p.counts]),
                x: 3, y: last, maxWidth: area.width - 4,
                style: .accent)
        }
    }

    /// A phase word's or a yes/no column's label and the phases it gives.
    private func phaseWord(_ row: ImportRow, _ p: ImportPreview) -> (label: String, phases: [String])? {
        switch row {
        case .word(let i):
            let word = p.phaseWords[i]
            let rows = Words.count("{count} row", "{count} rows", word.rows)
            return ("“\(word.word)” (\(rows))", wordPhases[word.word] ?? word.phases ?? [])
        case .yesNo(let i):
            let c = p.yesNoColumns[i]
            return ("“\(p.header[c.column])” (" + Words.say("yes on {count}", ["count": String(c.yes)]) + ")", c.phases)
        default: return nil
        }
    }

    /// The room of the phase words' labels: 30 cells, more on a wide terminal where every label
    /// and the phases beside it fit whole.
    private func phaseLabelWidth(_ rows: [ImportRow], _ p: ImportPreview, width: Int) -> Int {
        let words = rows.compactMap { phaseWord($0, p) }
        let labels = words.map { DisplayWidth.of($0.label) }.max() ?? 0
        let phases = words.map { DisplayWidth.of("→ " + $0.phases.joined(separator: ", ")) }.max() ?? 0
        return max(30, min(labels, width - 6 - phases))
    }

    private func draw(
        _ row: ImportRow, _ p: ImportPreview, into canvas: inout Canvas, y: Int, width: Int, focused: Bool, labelWidth: Int
    ) {
        if focused {
            canvas.put("▸", x: 1, y: y, style: .accent)
            canvas.placeCursor(x: 1, y: y)
        }
        let chosen = focused ? Style(.selection, reverse: true) : Style.plain
        switch row {
        case .blank: break
        case .heading(let text): canvas.put(text, x: 3, y: y, maxWidth: width - 4, style: Style(.normal, bold: true, underline: true))
        case .field(let field):
            let column = p.mapping[field].map { p.header[$0] } ?? Words.say("— not imported —")
            let example = p.mapping[field].flatMap { c in p.sample.first.map { c < $0.count ? $0[c] : "" } } ?? ""
            canvas.put(field, x: 3, y: y, maxWidth: 14, style: focused ? Style(.normal, bold: true) : .muted)
            canvas.put("← " + column, x: 18, y: y, maxWidth: 32, style: chosen)
            canvas.put(example, x: 52, y: y, maxWidth: width - 53, style: .muted)
        case .word, .yesNo:
            guard let (label, phases) = phaseWord(row, p) else { return }
            let x = 4 + labelWidth
            canvas.put(label, x: 3, y: y, maxWidth: labelWidth, style: focused ? Style(.normal, bold: true) : .plain)
            if focused, let editing {
                canvas.put("→", x: x, y: y, style: .accent)
                editing.render(into: &canvas, x: x + 2, y: y, width: width - x - 4, focused: true)
            } else if phases.isEmpty {
                let none =
                    if case .word = row { "→ " + Words.say("not known: Enter to say its phases") } else {
                        "→ " + Words.say("not read as phases")
                    }
                canvas.put(none, x: x, y: y, maxWidth: width - x - 1, style: focused ? chosen : .error)
            } else {
                canvas.put("→ " + phases.joined(separator: ", "), x: x, y: y, maxWidth: width - x - 1, style: chosen)
            }
        case .line(let text, let error):
            canvas.put(text, x: 3, y: y, maxWidth: width - 4, style: focused ? chosen : error ? .error : .plain)
        }
    }
}

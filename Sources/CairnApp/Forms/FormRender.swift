import CairnCore
import CairnWords
import TermUI

extension FormState {
    /// Labels, values, the focus marker, errors beside their fields; long forms scroll.
    func render(into canvas: inout Canvas, area: Rect) {
        let f = self
        canvas.put(f.title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        // Labels get the room the longest needs (a health check's are long), up to 34 cells.
        let labelWidth = min(34, max(18, f.fields.map { DisplayWidth.of($0.label) }.max() ?? 18))
        // Narrower than 80 columns (a projector) each label sits above its value, which takes
        // the whole width rather than a sliver beside the label.
        let narrow = area.width < 80
        let valueX = narrow ? 5 : labelWidth + 4
        // A value takes the line: its error goes at the line's end (beside the label when
        // narrow) and the focused field's hint under the form.
        let lineWidth = area.width - valueX - 2
        let rowsPerField = narrow ? 2 : 1
        // The focused field's error, else its hint, goes whole under the form: the fields give
        // up the rows it needs beyond one.
        let focusedField = f.fields[f.focus]
        let note = Layout.wrap(f.errors[focusedField.key] ?? focusedField.hint, width: area.width - 4)
        // Long forms (a health check) scroll so that the focused field stays in view.
        let room = max(1, (area.height - 4 - max(1, note.count)) / rowsPerField)
        let first = f.fields.count <= room ? 0 : min(max(0, f.focus - room / 2), f.fields.count - room)
        if first > 0 {
            let more = Words.say("↑ more")
            canvas.put(more, x: area.width - 2 - DisplayWidth.of(more), y: area.y + 1, style: .muted)
        }
        if first + room < f.fields.count {
            let more = Words.say("↓ more")
            canvas.put(more, x: area.width - 2 - DisplayWidth.of(more), y: area.y + 2 + room * rowsPerField, style: .muted)
        }
        for (i, field) in f.fields.enumerated() where i >= first && i < first + room {
            let labelY = area.y + 2 + (i - first) * rowsPerField
            let y = labelY + rowsPerField - 1
            let focused = i == f.focus
            let error = f.errors[field.key].map { "✗ " + $0 }
            // Beside the value (wide), an error takes up to half the line; the value the rest.
            let errorWidth = narrow ? 0 : error.map { min(DisplayWidth.of($0), lineWidth / 2) + 1 } ?? 0
            let valueWidth = lineWidth - errorWidth
            canvas.put(focused ? "▸" : " ", x: 1, y: labelY, style: .accent)
            // On a focused choice, flag or list the cursor sits where its value starts; a text
            // field puts it at its caret.
            if focused { canvas.placeCursor(x: valueX, y: y) }
            canvas.put(
                field.label, x: 3, y: labelY, maxWidth: narrow ? area.width - 4 : labelWidth,
                style: focused ? Style(.normal, bold: true) : .muted)
            switch field.kind {
            case .text, .longText:
                field.text.render(into: &canvas, x: valueX, y: y, width: valueWidth, focused: focused)
            case .choice:
                canvas.put(
                    "‹ " + field.shownValue + " ›", x: valueX, y: y, maxWidth: valueWidth,
                    style: focused ? Style(.selection, reverse: true) : .plain)
            case .multi(let options):
                let chosen = options.indices.filter { field.chosen.contains(options[$0]) }.map { field.shown(option: $0, of: options) }
                if focused {
                    let option = options[field.index]
                    let mark = field.chosen.contains(option) ? "[x] " : "[ ] "
                    // Room for the longest option whole (`blynyddoedd cynnar`), and the same room
                    // for each, so that the chosen ones beside it stay in place while moving.
                    let widest = options.indices.map { DisplayWidth.of(field.shown(option: $0, of: options)) }.max() ?? 0
                    let box = min(max(24, widest + 8), valueWidth)
                    let end = canvas.put(
                        "‹ " + mark + field.shown(option: field.index, of: options) + " ›", x: valueX, y: y, maxWidth: box,
                        style: Style(.selection, reverse: true))
                    let chosenX = valueX + (narrow ? end + 1 : box + 1)
                    canvas.put(
                        chosen.isEmpty ? Words.say("none chosen") : Self.whole(chosen, width: area.width - chosenX - 1), x: chosenX, y: y,
                        maxWidth: area.width - chosenX - 1, style: .muted)
                    continue
                }
                canvas.put(chosen.isEmpty ? "—" : chosen.joined(separator: ", "), x: valueX, y: y, maxWidth: valueWidth)
            case .flag:
                canvas.put(
                    field.flag ? "[x] " + Words.say("yes", context: "flag") : "[ ] " + Words.say("no", context: "flag"), x: valueX, y: y,
                    style: focused ? Style(.selection, reverse: true) : .plain)
            }
            // Narrow, an error follows its label; wide, it ends the value's line.
            if let error {
                let noteX = narrow ? 3 + DisplayWidth.of(field.label) + 2 : valueX + valueWidth + 1
                canvas.put(error, x: noteX, y: narrow ? labelY : y, maxWidth: area.width - noteX - 1, style: .error)
            }
        }
        var y = area.y + 3 + min(room, f.fields.count) * rowsPerField
        if y < area.maxY {
            canvas.put(Words.say("Enter saves from any field · Esc cancels"), x: 3, y: y, maxWidth: area.width - 4, style: .muted)
        }
        for line in note where y + 1 < area.maxY {
            y += 1
            canvas.put(line, x: 3, y: y, maxWidth: area.width - 4, style: f.errors[focusedField.key] == nil ? .muted : .error)
        }
    }
}

extension FormState {
    /// As many of `items` as fit whole in `width`, then how many more (`kleuteronderwijs +1`),
    /// rather than a word cut.
    static func whole(_ items: [String], width: Int) -> String {
        let all = items.joined(separator: ", ")
        guard DisplayWidth.of(all) > width else { return all }
        for count in stride(from: items.count - 1, through: 1, by: -1) {
            let shown = items.prefix(count).joined(separator: ", ") + " +\(items.count - count)"
            if DisplayWidth.of(shown) <= width { return shown }
        }
        return all
    }
}

import CairnCore
import TermUI

extension FormState {
    /// Labels, values, the focus marker, errors beside their fields; long forms scroll.
    func render(into canvas: inout Canvas, area: Rect) {
        let f = self
        canvas.put(f.title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        // Labels get the room the longest needs (a health check's are long), up to 34 cells.
        let labelWidth = min(34, max(18, f.fields.map { DisplayWidth.of($0.label) }.max() ?? 18))
        let valueX = labelWidth + 4
        let valueWidth = min(34, area.width - valueX - 24)
        // Long forms (a health check) scroll so that the focused field stays in view.
        let room = max(1, area.height - 5)
        let first = f.fields.count <= room ? 0 : min(max(0, f.focus - room / 2), f.fields.count - room)
        if first > 0 { canvas.put("↑ more", x: area.width - 8, y: area.y + 1, style: .muted) }
        if first + room < f.fields.count { canvas.put("↓ more", x: area.width - 8, y: area.y + 2 + room, style: .muted) }
        for (i, field) in f.fields.enumerated() where i >= first && i < first + room {
            let y = area.y + 2 + i - first
            let focused = i == f.focus
            canvas.put(focused ? "▸" : " ", x: 1, y: y, style: .accent)
            canvas.put(field.label, x: 3, y: y, maxWidth: labelWidth, style: focused ? Style(.normal, bold: true) : .muted)
            switch field.kind {
            case .text, .longText:
                field.text.render(into: &canvas, x: valueX, y: y, width: valueWidth, focused: focused)
            case .choice:
                canvas.put(
                    "‹ " + field.shownValue + " ›", x: valueX, y: y, maxWidth: valueWidth,
                    style: focused ? Style(.selection, reverse: true) : .plain)
            case .multi(let options):
                let chosen = options.filter(field.chosen.contains)
                if focused {
                    let option = options[field.index]
                    let mark = field.chosen.contains(option) ? "[x] " : "[ ] "
                    canvas.put("‹ " + mark + option + " ›", x: valueX, y: y, maxWidth: 24, style: Style(.selection, reverse: true))
                    canvas.put(
                        chosen.isEmpty ? "none chosen" : chosen.joined(separator: ", "), x: valueX + 25, y: y,
                        maxWidth: area.width - valueX - 26, style: .muted)
                    continue
                }
                canvas.put(chosen.isEmpty ? "—" : chosen.joined(separator: ", "), x: valueX, y: y, maxWidth: valueWidth)
            case .flag:
                canvas.put(field.flag ? "[x] yes" : "[ ] no", x: valueX, y: y, style: focused ? Style(.selection, reverse: true) : .plain)
            }
            let noteX = valueX + valueWidth + 1
            if let error = f.errors[field.key] {
                canvas.put("✗ " + error, x: noteX, y: y, maxWidth: area.width - noteX, style: .error)
            } else if focused, !field.hint.isEmpty {
                canvas.put(field.hint, x: noteX, y: y, maxWidth: area.width - noteX, style: .muted)
            }
        }
        let y = area.y + 3 + min(room, f.fields.count)
        if y < area.maxY {
            canvas.put("Enter saves from any field · Esc cancels", x: 3, y: y, maxWidth: area.width - 4, style: .muted)
        }
        if let error = f.errors[f.fields[f.focus].key], y + 1 < area.maxY {
            canvas.put(error, x: 3, y: y + 1, maxWidth: area.width - 4, style: .error)
        }
    }
}

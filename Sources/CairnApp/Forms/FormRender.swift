import CairnCore
import TermUI

extension AppState {
    func renderForm(_ f: FormState, into canvas: inout Canvas, area: Rect) {
        canvas.put(f.title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        let labelWidth = 18
        let valueX = labelWidth + 3
        let valueWidth = min(34, area.width - valueX - 24)
        for (i, field) in f.fields.enumerated() {
            let y = area.y + 2 + i
            guard y < area.maxY else { break }
            let focused = i == f.focus
            canvas.put(focused ? "▸" : " ", x: 1, y: y, style: .accent)
            canvas.put(field.label, x: 3, y: y, maxWidth: labelWidth, style: focused ? Style(.normal, bold: true) : .muted)
            switch field.kind {
            case .text, .longText:
                field.text.render(into: &canvas, x: valueX, y: y, width: valueWidth, focused: focused)
            case .choice:
                canvas.put("‹ " + field.shownValue + " ›", x: valueX, y: y, maxWidth: valueWidth, style: focused ? Style(.selection, reverse: true) : .plain)
            case .multi(let options):
                let chosen = options.filter(field.chosen.contains)
                if focused {
                    let option = options[field.index]
                    let mark = field.chosen.contains(option) ? "[x] " : "[ ] "
                    canvas.put("‹ " + mark + option + " ›", x: valueX, y: y, maxWidth: 24, style: Style(.selection, reverse: true))
                    canvas.put(chosen.isEmpty ? "none chosen" : chosen.joined(separator: ", "), x: valueX + 25, y: y, maxWidth: area.width - valueX - 26, style: .muted)
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
        let y = area.y + 3 + f.fields.count
        if y < area.maxY {
            canvas.put("Enter saves from any field · Esc cancels", x: 3, y: y, maxWidth: area.width - 4, style: .muted)
        }
        if let error = f.errors[f.fields[f.focus].key], y + 1 < area.maxY {
            canvas.put(error, x: 3, y: y + 1, maxWidth: area.width - 4, style: .error)
        }
    }
}

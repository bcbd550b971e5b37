import CairnCore
import TermUI

extension AppState {
    /// Draws the whole screen for the current state. Pure: the same state gives the same canvas.
    public func render() -> Canvas {
        var canvas = Canvas(width: width, height: height)
        if isTooSmall {
            renderTooSmall(into: &canvas)
            return canvas
        }
        // Workshop mode is for a projector: nothing but the step (and its keys) on screen.
        if case .workshop? = stack.last {} else { renderTitle(into: &canvas) }
        let body = Rect(x: 0, y: 1, width: width, height: height - 3)
        let bindings: [KeyBinding<Command>]
        switch stack.last {
        case nil:
            renderHome(into: &canvas, area: body)
            bindings = Bindings.home(tab: home.tab, empty: world.isEmpty)
        case .cluster(let s)?:
            renderCluster(s, into: &canvas, area: body)
            bindings = Bindings.cluster(tab: s.current)
        case .record(let s)?:
            renderRecord(s, into: &canvas, area: body)
            bindings = Bindings.record
        case .form(let f)?:
            renderForm(f, into: &canvas, area: body)
            bindings = Bindings.form
        case .picker(let p)?:
            renderPicker(p, into: &canvas, area: body)
            bindings = Bindings.picker
        case .workshop(let w)?:
            renderWorkshop(w, into: &canvas, area: body)
            bindings = Bindings.workshop(step: w.step)
        case .importing(let i)?:
            renderImport(i, into: &canvas, area: body)
            bindings = Bindings.importing
        }
        renderStatus(into: &canvas, y: height - 2)
        Chrome.footer(bindings, into: &canvas, y: height - 1)
        if let modal { renderModal(modal, into: &canvas) }
        return canvas
    }

    func renderTitle(into canvas: inout Canvas) {
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Style(.title, reverse: true))
        var crumbs = ["Cairn"]
        for screen in stack {
            switch screen {
            case .cluster(let s): crumbs.append(world.clusters[s.clusterID]?.name ?? "cluster")
            case .record(let s): crumbs.append((s.type == .school ? world.schools[s.id]?.name : world.agencies[s.id]?.name) ?? "")
            case .form(let f): crumbs.append(f.title)
            case .picker: crumbs.append("Add member")
            case .workshop: crumbs.append("Workshop")
            case .importing: crumbs.append("Import")
            }
        }
        let right = " \(today) · \(user) "
        let rightWidth = DisplayWidth.of(right)
        canvas.put(
            " " + crumbs.joined(separator: " › "), x: 0, y: 0, maxWidth: width - rightWidth - 1,
            style: Style(.title, bold: true, reverse: true))
        canvas.put(right, x: width - rightWidth, y: 0, style: Style(.title, reverse: true))
    }

    func renderStatus(into canvas: inout Canvas, y: Int) {
        if let list = activeList, list.filtering || !list.filter.text.isEmpty {
            let label = "Filter: "
            canvas.put(label, x: 0, y: y, style: .accent)
            let x = DisplayWidth.of(label)
            list.filter.render(into: &canvas, x: x, y: y, width: min(40, width - x - 30), focused: list.filtering)
            let info = "  \(list.visible.count) of \(list.rows.count) · Esc clears"
            canvas.put(info, x: x + min(40, width - x - 30), y: y, style: .muted)
            return
        }
        if let status {
            canvas.put(status.text, x: 1, y: y, maxWidth: width - 2, style: status.isError ? .error : .accent)
        }
    }

    /// The list that `/` filters on the current screen.
    var activeList: ListModel? {
        switch stack.last {
        case nil: return home.lists[home.tab]
        case .cluster(let s)?: return s.lists[s.tab]
        case .picker(let p)?: return p.list
        default: return nil
        }
    }

    func renderTooSmall(into canvas: inout Canvas) {
        let message =
            "Terminal too small: \(width)×\(height). Cairn needs at least \(Self.minimumWidth)×\(Self.minimumHeight). Enlarge the window, or press Ctrl-C to quit."
        let lines = wrap(message, width: max(1, width - 2))
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            canvas.put(line, x: 1, y: top + i, style: i == 0 ? .error : .plain)
        }
    }

    func renderModal(_ modal: Modal, into canvas: inout Canvas) {
        switch modal {
        case .help(let title, let lines):
            // One column while the keys fit, two when a screen has more keys than rows.
            let rows = height - 8
            let columns = lines.count > rows ? 2 : 1
            let perColumn = (lines.count + columns - 1) / columns
            let box = Rect(x: 2, y: 2, width: width - 4, height: min(height - 4, perColumn + 4))
            drawBox(box, title: "Keys: \(title)", into: &canvas)
            let columnWidth = (box.width - 4) / columns
            let keyWidth = columns == 1 ? 22 : 12
            for (i, (keys, help)) in lines.enumerated() {
                let column = i / perColumn
                let row = i % perColumn
                guard row < box.height - 4 else { continue }
                let x = box.x + 2 + column * columnWidth
                canvas.put(keys, x: x, y: box.y + 2 + row, maxWidth: keyWidth, style: .key)
                canvas.put(help, x: x + keyWidth + 1, y: box.y + 2 + row, maxWidth: columnWidth - keyWidth - 2)
            }
            canvas.put("Any key closes this help", x: box.x + 2, y: box.maxY - 1, style: .muted)
        case .confirm(let question, _):
            let lines = wrap(question, width: width - 16)
            let box = Rect(x: 6, y: height / 2 - 2, width: width - 12, height: lines.count + 4)
            drawBox(box, title: "Confirm", into: &canvas)
            for (i, line) in lines.enumerated() { canvas.put(line, x: box.x + 2, y: box.y + 2 + i, style: .accent) }
        case .prompt(let label, let field, _):
            let box = Rect(x: 4, y: height / 2 - 3, width: width - 8, height: 6)
            drawBox(box, title: "Tick off", into: &canvas)
            canvas.put(label, x: box.x + 2, y: box.y + 1, maxWidth: box.width - 4)
            field.render(into: &canvas, x: box.x + 2, y: box.y + 3, width: box.width - 4, focused: true)
            canvas.put("Enter confirms · Esc cancels", x: box.x + 2, y: box.y + 4, style: .muted)
        }
    }

    func drawBox(_ r: Rect, title: String, into canvas: inout Canvas) {
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

    /// Words laid out in lines of at most `width` cells.
    func wrap(_ text: String, width: Int) -> [String] {
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
}

import CairnCore
import CairnWords
import TermUI

/// A goal's measurements drawn as points in time order, against a line at the baseline (`·`)
/// and one at the target (`─`), so a reader sees at a glance whether the series heads for the
/// target. Readable without colour; a measurement dated after today is left out, as it is
/// from "latest".
struct SeriesChart {
    var goal: Goal
    var points: [Measurement]
    var today: Day

    func render(into canvas: inout Canvas, area: Rect) {
        let shown = points.filter { $0.date <= today && $0.value.isFinite }
        let labelWidth = 16
        let plotWidth = area.width - labelWidth - 1
        guard area.height >= 2, plotWidth >= 4 else { return }
        guard !shown.isEmpty else {
            canvas.put(Words.say("No measurement to draw yet."), x: area.x, y: area.y, maxWidth: area.width, style: .muted)
            return
        }
        let references = [goal.baseline, goal.target].compactMap { $0 }
        let values = shown.map(\.value) + references
        var low = values.min()!
        var high = values.max()!
        if high == low {
            low -= 1
            high += 1
        }
        // The last row is the time axis: the first and the last point's dates under them.
        let rows = area.height - 1
        func row(_ v: Double) -> Int { area.y + Int(((high - v) / (high - low) * Double(rows - 1)).rounded()) }
        let plotX = area.x + labelWidth + 1
        let u = goal.unit
        // At a scale where both lines fall on one row, one label names both.
        if let b = goal.baseline, let t = goal.target, row(b) == row(t) {
            let y = row(t)
            canvas.put(String(repeating: "─", count: plotWidth), x: plotX, y: y, style: Style(.done))
            canvas.put(
                Words.say("{from}→{to} aim", ["from": World.number(b), "to": World.amount(t, unit: u)]), x: area.x, y: y,
                maxWidth: labelWidth,
                style: Style(.done))
        } else if let b = goal.baseline {
            let y = row(b)
            canvas.put(String(repeating: "·", count: plotWidth), x: plotX, y: y, style: .muted)
            canvas.put(
                Words.say("baseline {value}", ["value": World.amount(b, unit: u)]), x: area.x, y: y, maxWidth: labelWidth, style: .muted)
        }
        if let t = goal.target, goal.baseline.map({ row($0) != row(t) }) ?? true {
            let y = row(t)
            canvas.put(String(repeating: "─", count: plotWidth), x: plotX, y: y, style: Style(.done))
            canvas.put(
                Words.say("target {value}", ["value": World.amount(t, unit: u)]), x: area.x, y: y, maxWidth: labelWidth, style: Style(.done)
            )
        }
        // The latest points when there are more than columns; spaced out when there are few.
        let visible = Array(shown.suffix(plotWidth))
        let step = max(1, min(6, plotWidth / max(1, visible.count)))
        for (i, m) in visible.enumerated() {
            canvas.put("●", x: plotX + i * step, y: row(m.value), style: Style(.accent, bold: true))
        }
        let first = visible.first!.date.description
        let span =
            visible.count == 1
            ? first
            : Words.count(
                "{first} → {last} ({count} measurement)", "{first} → {last} ({count} measurements)", visible.count,
                ["first": first, "last": visible.last!.date.description])
        canvas.put(span, x: plotX, y: area.maxY - 1, maxWidth: plotWidth, style: .muted)
    }
}

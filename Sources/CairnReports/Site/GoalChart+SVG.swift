import CairnCore
import CairnWords
import Foundation

extension GoalChart {
    /// The chart as inline SVG: the measurements joined by a line, each a dot; the baseline
    /// (dashed) and the target (solid) across the plot, named at their right end with their
    /// values; the way from one to the other (dotted); the deadline and today upright; the
    /// values and days on the axes. Line styles and names, not colours, tell the lines apart.
    /// The summary is the image's `<title>` and `aria-label`, for a screen reader.
    ///
    /// - Parameter id: unique on the page, for the title's id.
    public func svg(id: String) -> String {
        let esc = HTMLReport.esc
        let plotRight = Self.width - Self.right
        let plotBottom = Self.height - Self.bottom
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" width=\"\(n(Self.width))\" height=\"\(n(Self.height))\" role=\"img\" aria-label=\"\(esc(summary))\" aria-labelledby=\"\(id)-title\">"
        s += "<title id=\"\(id)-title\">\(esc(summary))</title>"
        s +=
            "<rect x=\"\(n(Self.left))\" y=\"\(n(Self.top))\" width=\"\(n(plotRight - Self.left))\" height=\"\(n(plotBottom - Self.top))\" fill=\"#fafafa\" stroke=\"#999\"/>"
        // The smallest and the largest value drawn, and the one halfway.
        let values = points.isEmpty && baselineY == nil && targetY == nil ? [] : Array(Set([least, (least + most) / 2, most]))
        for value in values.sorted() {
            s += text(label(value), x: Self.left - 4, y: y(value) + 4, anchor: "end", cls: "axis")
        }
        s += text(shortDay(start), x: Self.left, y: plotBottom + 14, anchor: "start", cls: "axis")
        s += text(shortDay(end), x: plotRight, y: plotBottom + 14, anchor: "end", cls: "axis")
        s += text(axisTitle, x: Self.left, y: Self.height - 4, anchor: "start", cls: "axis")
        // Today and the deadline named above the plot; when close, each on its own side.
        let close = deadlineX.map { abs($0 - todayX) < 60 } ?? false
        let todayFirst = deadlineX.map { todayX <= $0 } ?? true
        let todayWord = Words.say("today", context: "chart")
        s += upright(todayX, "today", todayWord, dash: "1,3", anchor: close ? (todayFirst ? "end" : "start") : "middle")
        if let deadlineX {
            let word = Words.say("deadline", context: "chart")
            s += upright(deadlineX, "deadline", word, dash: "6,3", anchor: close ? (todayFirst ? "start" : "end") : "middle")
        }
        if let way = plannedWay {
            s +=
                "<line class=\"way\" x1=\"\(n(way.x1))\" y1=\"\(n(way.y1))\" x2=\"\(n(way.x2))\" y2=\"\(n(way.y2))\" stroke=\"#777\" stroke-dasharray=\"2,3\"/>"
        }
        var labels: [(y: Double, text: String)] = []
        if let baselineY, let words = baselineWords(dated: false) {
            s += across(baselineY, dash: "6,3", cls: "baseline")
            labels.append((baselineY, words))
        }
        if let targetY, let words = targetWords(dated: false) {
            s += across(targetY, dash: nil, cls: "target")
            labels.append((targetY, words))
        }
        // The lines' names inside the plot at its right end, above each line (below, when the
        // line is at the top); two close together are moved apart, so both stay readable.
        for i in labels.indices { labels[i].y = labels[i].y - Self.top < 14 ? labels[i].y + 13 : labels[i].y - 4 }
        if labels.count == 2, abs(labels[0].y - labels[1].y) < 12 {
            let (upper, lower) = labels[0].y < labels[1].y ? (0, 1) : (1, 0)
            let middle = (labels[0].y + labels[1].y) / 2
            labels[upper].y = middle - 6
            labels[lower].y = middle + 6
        }
        for l in labels { s += text(l.text, x: plotRight - 4, y: l.y, anchor: "end", cls: "line-name") }
        if points.count > 1 {
            let path = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
            s += "<polyline class=\"measured\" points=\"\(path)\" fill=\"none\" stroke=\"#124\" stroke-width=\"2\"/>"
        }
        for p in points {
            s +=
                "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"3.5\" fill=\"#124\"><title>\(esc("\(p.date): \(label(p.value))"))</title></circle>"
        }
        if points.isEmpty {
            s += text(
                Words.say("no measurement yet", context: "chart"), x: (Self.left + plotRight) / 2, y: (Self.top + plotBottom) / 2,
                anchor: "middle", cls: "axis")
        }
        return s + "</svg>"
    }

    /// What the chart says, in words: for the title, a screen reader, and a printer without colour.
    public var summary: String {
        var parts = ["\(goal.statement): \(progress.status.label)"]
        if let latest = progress.latest {
            parts.append(Words.say("latest {value} on {day}", context: "chart", ["value": label(latest.value), "day": "\(latest.date)"]))
        }
        parts.append(Words.count("{count} measurement", "{count} measurements", points.count, context: "chart"))
        if let b = baselineWords(dated: true) { parts.append(b) }
        if let t = targetWords(dated: true) { parts.append(t) }
        return parts.joined(separator: "; ")
    }

    /// "baseline 12.4% on 2025-09-01" (its day when `dated` and known), or nil with no baseline.
    func baselineWords(dated: Bool) -> String? {
        guard let b = goal.baseline else { return nil }
        if dated, let day = goal.baselineDate {
            return Words.say("baseline {value} on {day}", context: "chart", ["value": label(b), "day": "\(day)"])
        }
        return Words.say("baseline {value}", context: "chart", ["value": label(b)])
    }

    /// "target 8% by 2027-11-22" (its deadline when `dated` and known), or nil with no target.
    func targetWords(dated: Bool) -> String? {
        guard let t = goal.target else { return nil }
        if dated, let day = goal.deadline {
            return Words.say("target {value} by {day}", context: "chart", ["value": label(t), "day": "\(day)"])
        }
        return Words.say("target {value}", context: "chart", ["value": label(t)])
    }

    /// The indicator and its unit, under the plot.
    var axisTitle: String {
        let indicator = goal.indicator.isEmpty ? Words.say("value", context: "chart") : goal.indicator
        let cut = indicator.count > 60 ? String(indicator.prefix(59)) + "…" : indicator
        return goal.unit.isEmpty ? cut : "\(cut) (\(goal.unit))"
    }

    /// A value as the page writes it: rounded to what a reader compares, with the unit.
    func label(_ value: Double) -> String {
        let rounded = abs(value) >= 100 ? value.rounded() : (value * 10).rounded() / 10
        return World.amount(rounded, unit: goal.unit)
    }

    /// `2026-11`: the axis needs the month, the table beside gives the day.
    func shortDay(_ day: Day) -> String { String(day.description.prefix(7)) }

    func n(_ v: Double) -> String { String(format: "%.1f", v) }

    func text(_ t: String, x: Double, y: Double, anchor: String, cls: String) -> String {
        "<text class=\"\(cls)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">\(HTMLReport.esc(t))</text>"
    }

    func across(_ y: Double, dash: String?, cls: String) -> String {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return
            "<line class=\"\(cls)\" x1=\"\(n(Self.left))\" y1=\"\(n(y))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(y))\" stroke=\"#333\" stroke-width=\"1.5\"\(dashed)/>"
    }

    /// - Parameters:
    ///   - cls: the line's class (`today`, `deadline`), the same in every language.
    ///   - name: the word written above it.
    func upright(_ x: Double, _ cls: String, _ name: String, dash: String, anchor wanted: String) -> String {
        // A name centred on a line at the plot's edge would be cut by the drawing's edge.
        let anchor = wanted != "middle" ? wanted : x + 26 > Self.width ? "end" : x - 26 < 0 ? "start" : wanted
        let shift = anchor == "end" ? -2.0 : anchor == "start" ? 2.0 : 0
        return
            "<line class=\"\(cls)\" x1=\"\(n(x))\" y1=\"\(n(Self.top))\" x2=\"\(n(x))\" y2=\"\(n(Self.height - Self.bottom))\" stroke=\"#999\" stroke-dasharray=\"\(dash)\"/>"
            + text(name, x: x + shift, y: Self.top - 4, anchor: anchor, cls: "axis")
    }
}

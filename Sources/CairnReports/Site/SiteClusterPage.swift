import CairnCore
import Foundation

/// A cluster's published page: its plan (drawn by the plan's own renderer), a chart of each
/// goal with the numbers in a table beside it, its checkpoints, its health over time, and the
/// link to its calendar.
enum SiteClusterPage {
    static func html(_ id: String, world w: World, links: SiteLinks, today: Day, made: Date, stamp: String) -> String? {
        guard let c = w.clusters[id], let plan = Report.plan(id, world: w, today: today, made: made) else { return nil }
        let esc = HTMLReport.esc
        var nav = [links.anchor(SiteNames.index, "All clusters")]
        if links.isGrouping(id) { nav.append(links.anchor(links.rollUp(of: id), "Roll-up of this grouping")) }
        for g in w.groupings(of: id) where links.isGrouping(g.id) { nav.append(links.anchor(links.rollUp(of: g.id), "Within \(g.name)")) }
        nav.append(links.anchor(links.calendar(of: id), "Calendar (.ics)"))
        var body = "<header><h1>\(esc(plan.title))</h1><p class=\"facts\">\(esc(plan.facts))</p>"
        for note in plan.notes { body += "<p><strong>\(esc(note.label)).</strong> \(esc(note.text))</p>" }
        body += "</header>"
        body += HTMLReport.sections(plan)
        body += goalCharts(id, w, today)
        body += HTMLReport.sections(
            Report(title: c.name, facts: "", notes: [], sections: [checkpoints(id, w, today), health(id, w, today)]))
        body +=
            "<section id=\"calendar\"><h2>Calendar</h2><p>What falls due (open checkpoints, goal deadlines, open actions) as a calendar file to open in or subscribe to from a calendar program: "
            + links.anchor(links.calendar(of: id), links.calendar(of: id)) + ".</p></section>"
        return SitePage.html(title: c.name, nav: nav.joined(separator: " "), body: body, stamp: stamp)
    }

    /// Each goal: how it stands in words, its chart, and its numbers in a table beside it.
    static func goalCharts(_ id: String, _ w: World, _ today: Day) -> String {
        let goals = w.goals(of: id)
        var out = "<section id=\"goal-charts\"><h2>Goals over time</h2>"
        if goals.isEmpty { return out + "<p>No goals agreed yet.</p></section>" }
        for (n, g) in goals.enumerated() {
            let measurements = w.measurements(of: g.id)
            let chart = GoalChart(goal: g, measurements: measurements, today: today)
            out += "<div class=\"goal\"><h3>\(HTMLReport.esc(g.statement))</h3>"
            out += "<p>" + HTMLReport.cell(.progress(chart.progress)) + " <span class=\"status\">\(chart.progress.bar)</span>"
            out += " · " + HTMLReport.esc(line(g, chart)) + "</p>"
            out += "<div class=\"pair\">" + chart.svg(id: "goal-\(n + 1)") + HTMLReport.html(.table(numbers(g, chart))) + "</div></div>"
        }
        return out + "</section>"
    }

    /// "baseline 12.4% on 2025-09-01 · target 8% by 2027-11-22 · latest 11.6% on 2026-10-01".
    static func line(_ g: Goal, _ chart: GoalChart) -> String {
        var parts: [String] = []
        parts.append("baseline " + (g.baseline.map { chart.label($0) + (g.baselineDate.map { " on \($0)" } ?? "") } ?? "not set"))
        parts.append("target " + (g.target.map { chart.label($0) + (g.deadline.map { " by \($0)" } ?? "") } ?? "not set"))
        if let latest = chart.progress.latest { parts.append("latest \(chart.label(latest.value)) on \(latest.date)") }
        return parts.joined(separator: " · ")
    }

    /// The chart's numbers: each measurement (newest first), then the baseline and the target.
    static func numbers(_ g: Goal, _ chart: GoalChart) -> Report.Table {
        var rows: [[Report.Cell]] = chart.points.reversed().map { p in
            [p.date.description, World.number(p.value) + g.unit, "measured", p.by, p.source].map(Report.Cell.text)
        }
        if let b = g.baseline {
            rows.append([g.baselineDate?.description ?? "—", World.number(b) + g.unit, "baseline", "", ""].map(Report.Cell.text))
        }
        if let t = g.target {
            rows.append([g.deadline?.description ?? "—", World.number(t) + g.unit, "target", "", ""].map(Report.Cell.text))
        }
        return Report.Table(header: ["Date", "Value", "What", "By", "Source"], rows: rows)
    }

    /// Every checkpoint, open or done, in the order lists show them: whether it is done, and
    /// for a done one the day, who ticked it and on what evidence.
    static func checkpoints(_ id: String, _ w: World, _ today: Day) -> Report.Section {
        let all = w.checkpoints(of: id, on: today)
        guard !all.isEmpty else {
            return Report.Section(id: "checkpoints", heading: "Checkpoints", blocks: [.paragraph("No checkpoints yet.", .plain)])
        }
        let rows = all.map { c -> [Report.Cell] in
            let status = c.status(on: today)
            let word: Report.Cell =
                switch status {
                case .done: .text("done")
                case .overdue: .missing("open, OVERDUE")
                case .dueSoon: .text("open, due soon")
                case .upcoming: .text("open")
                }
            return [
                .text(c.title), .text(c.due.description), word, .text(c.doneOn?.description ?? ""), .text(c.doneBy ?? ""),
                .text(c.evidence ?? ""),
            ]
        }
        let done = all.filter(\.isDone).count
        return Report.Section(
            id: "checkpoints", heading: "Checkpoints",
            blocks: [
                .paragraph("\(done) of \(all.count) done; \(all.filter { $0.isOverdue(on: today) }.count) open past their day.", .plain),
                .table(Report.Table(header: ["Checkpoint", "Due", "Status", "Done on", "Ticked by", "Evidence"], rows: rows)),
            ])
    }

    /// The cluster's health checks side by side, oldest first (the latest eight): each
    /// condition's and challenge's rating (1 fragile, 4 solid) and the mean.
    static func health(_ id: String, _ w: World, _ today: Day) -> Report.Section {
        let checks = Array(w.assessments(of: id).prefix(8).reversed())
        guard let latest = checks.last else {
            return Report.Section(id: "health", heading: "Health over time", blocks: [.paragraph("No health check yet.", .plain)])
        }
        let rows =
            HealthItem.allCases.map { item -> [Report.Cell] in
                let ratings = checks.map { $0.rating(item) }
                let moved = ratings.first.flatMap { a in ratings.last.flatMap { b in a.flatMap { x in b.map { $0 - x } } } }
                return [.text((item.isChallenge ? "against " : "") + item.label)] + ratings.map { .text($0.map(String.init) ?? "—") }
                    + [.text(checks.count < 2 ? "" : moved.map(Report.change) ?? "")]
            }
            + [
                [.text("mean")] + checks.map { .text($0.score.map { String(format: "%.1f", $0) } ?? "—") } + [.text("")]
            ]
        let weakest = w.health(of: id, on: today).weakestPoint
        return Report.Section(
            id: "health", heading: "Health over time",
            blocks: [
                .paragraph(
                    "\(checks.count == 1 ? "One health check" : "The last \(checks.count) health checks"), oldest first; each rated 1 (fragile) to 4 (solid). The latest, of \(latest.date) by \(latest.by): weakest point \(weakest).",
                    .plain),
                .table(Report.Table(header: ["Condition or challenge"] + checks.map(\.date.description) + ["Change"], rows: rows)),
            ])
    }
}

import CairnCore
import CairnWords
import Foundation

/// A cluster's published page: its plan (drawn by the plan's own renderer), a chart of each
/// goal with the numbers in a table beside it, its checkpoints, its health over time, and the
/// link to its calendar.
enum SiteClusterPage {
    static func html(_ id: String, world w: World, links: SiteLinks, today: Day, made: Date, stamp: String) -> String? {
        guard let c = w.clusters[id], let plan = Report.plan(id, world: w, today: today, made: made) else { return nil }
        let esc = HTMLReport.esc
        var nav = [links.anchor(SiteNames.index, SiteWords.allClusters)]
        if links.isGrouping(id) { nav.append(links.anchor(links.rollUp(of: id), Words.say("Roll-up of this grouping", context: "site"))) }
        for g in w.groupings(of: id) where links.isGrouping(g.id) {
            nav.append(links.anchor(links.rollUp(of: g.id), SiteWords.within(g.name)))
        }
        nav.append(links.anchor(links.calendar(of: id), Words.say("Calendar (.ics)", context: "site")))
        var body = "<header><h1>\(esc(plan.title))</h1><p class=\"facts\">\(esc(plan.facts))</p>"
        for note in plan.notes { body += "<p><strong>\(esc(note.label)).</strong> \(esc(note.text))</p>" }
        body += "</header>"
        body += HTMLReport.sections(plan)
        body += goalCharts(id, w, today)
        body += HTMLReport.sections(
            Report(title: c.name, facts: "", notes: [], sections: [checkpoints(id, w, today), health(id, w, today)]))
        // The sentence is cut where the link stands, so that the link stays markup and the words
        // around it are escaped.
        let sentence = Words.say(
            "What falls due (open checkpoints, goal deadlines, open actions) as a calendar file to open in or subscribe to from a calendar program: {file}.",
            context: "site", ["file": "\u{0}"]
        ).split(separator: "\u{0}", omittingEmptySubsequences: false).map { esc(String($0)) }
        body +=
            "<section id=\"calendar\"><h2>\(esc(Words.say("Calendar", context: "site")))</h2><p>"
            + sentence.joined(separator: links.anchor(links.calendar(of: id), links.calendar(of: id))) + "</p></section>"
        return SitePage.html(title: c.name, nav: nav.joined(separator: " "), body: body, stamp: stamp)
    }

    /// Each goal: how it stands in words, its chart, and its numbers in a table beside it.
    static func goalCharts(_ id: String, _ w: World, _ today: Day) -> String {
        let goals = w.goals(of: id)
        var out = "<section id=\"goal-charts\"><h2>\(HTMLReport.esc(Words.say("Goals over time", context: "site")))</h2>"
        if goals.isEmpty { return out + "<p>\(HTMLReport.esc(Report.noGoalsYet))</p></section>" }
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
        parts.append(chart.baselineWords(dated: true) ?? Words.say("baseline not set", context: "chart"))
        parts.append(chart.targetWords(dated: true) ?? Words.say("target not set", context: "chart"))
        if let latest = chart.progress.latest {
            parts.append(
                Words.say("latest {value} on {day}", context: "chart", ["value": chart.label(latest.value), "day": "\(latest.date)"]))
        }
        return parts.joined(separator: " · ")
    }

    /// The chart's numbers: each measurement (newest first), then the baseline and the target.
    static func numbers(_ g: Goal, _ chart: GoalChart) -> Report.Table {
        let measured = Words.say("measured", context: "chart")
        var rows: [[Report.Cell]] = chart.points.reversed().map { p in
            [p.date.description, World.amount(p.value, unit: g.unit), measured, p.by, p.source].map(Report.Cell.text)
        }
        if let b = g.baseline {
            let word = Words.say("baseline", context: "chart")
            rows.append([g.baselineDate?.description ?? "—", World.amount(b, unit: g.unit), word, "", ""].map(Report.Cell.text))
        }
        if let t = g.target {
            let word = Words.say("target", context: "chart")
            rows.append([g.deadline?.description ?? "—", World.amount(t, unit: g.unit), word, "", ""].map(Report.Cell.text))
        }
        let header = [
            Report.dateHead, Words.say("Value", context: "chart"), Words.say("What", context: "report"), Words.say("By", context: "report"),
            Words.say("Source", context: "chart"),
        ]
        return Report.Table(header: header, rows: rows)
    }

    static var healthHeading: String { Words.say("Health over time", context: "site") }

    /// Every checkpoint, open or done, in the order lists show them: whether it is done, and
    /// for a done one the day, who ticked it and on what evidence.
    static func checkpoints(_ id: String, _ w: World, _ today: Day) -> Report.Section {
        let all = w.checkpoints(of: id, on: today)
        guard !all.isEmpty else {
            return Report.Section(
                id: "checkpoints", heading: Report.checkpointsHeading,
                blocks: [.paragraph(Words.say("No checkpoints yet.", context: "site"), .plain)])
        }
        let rows = all.map { c -> [Report.Cell] in
            let status = c.status(on: today)
            let word: Report.Cell =
                switch status {
                case .done: .text(Words.say("done", context: "site"))
                case .overdue: .missing(Words.say("open, OVERDUE", context: "site"))
                case .dueSoon: .text(Words.say("open, due soon", context: "site"))
                case .upcoming: .text(Words.say("open", context: "site"))
                }
            return [
                .text(c.title), .text(c.due.description), word, .text(c.doneOn?.description ?? ""), .text(c.doneBy ?? ""),
                .text(c.evidence ?? ""),
            ]
        }
        let done = all.filter(\.isDone).count
        return Report.Section(
            id: "checkpoints", heading: Report.checkpointsHeading,
            blocks: [
                .paragraph(
                    Words.count(
                        "{done} of {count} done; {overdue} open past their day.", "{done} of {count} done; {overdue} open past their day.",
                        all.count, context: "site", ["done": "\(done)", "overdue": "\(all.filter { $0.isOverdue(on: today) }.count)"]),
                    .plain),
                .table(
                    Report.Table(
                        header: [
                            Words.say("Checkpoint", context: "column"), Words.say("Due", context: "column"),
                            Words.say("Status", context: "column"),
                            Report.doneOnHead, Words.say("Ticked by", context: "site"), Words.say("Evidence", context: "column"),
                        ], rows: rows)),
            ])
    }

    /// The cluster's health checks side by side, oldest first (the latest eight): each
    /// condition's and challenge's rating (1 fragile, 4 solid) and the mean.
    static func health(_ id: String, _ w: World, _ today: Day) -> Report.Section {
        let checks = Array(w.assessments(of: id).prefix(8).reversed())
        guard let latest = checks.last else {
            return Report.Section(id: "health", heading: healthHeading, blocks: [.paragraph(Report.noHealthCheckYet, .plain)])
        }
        let rows =
            HealthItem.allCases.map { item -> [Report.Cell] in
                let ratings = checks.map { $0.rating(item) }
                let moved = ratings.first.flatMap { a in ratings.last.flatMap { b in a.flatMap { x in b.map { $0 - x } } } }
                return [.text(Report.itemLabel(item))] + ratings.map { .text($0.map(String.init) ?? "—") }
                    + [.text(checks.count < 2 ? "" : moved.map(Report.change) ?? "")]
            }
            + [
                [.text(Words.say("mean", context: "site"))] + checks.map { .text($0.score.map { String(format: "%.1f", $0) } ?? "—") } + [
                    .text("")
                ]
            ]
        let weakest = w.health(of: id, on: today).weakestPoint
        let said = ["day": "\(latest.date)", "who": latest.by, "weakest": weakest]
        return Report.Section(
            id: "health", heading: healthHeading,
            blocks: [
                .paragraph(
                    checks.count == 1
                        ? Words.say(
                            "One health check, oldest first; each rated 1 (fragile) to 4 (solid). The latest, of {day} by {who}: weakest point {weakest}.",
                            context: "site", said)
                        : Words.count(
                            "The last {count} health check, oldest first; each rated 1 (fragile) to 4 (solid). The latest, of {day} by {who}: weakest point {weakest}.",
                            "The last {count} health checks, oldest first; each rated 1 (fragile) to 4 (solid). The latest, of {day} by {who}: weakest point {weakest}.",
                            checks.count, context: "site", said),
                    .plain),
                .table(Report.Table(header: [Report.conditionHead] + checks.map(\.date.description) + [Report.changeHead], rows: rows)),
            ])
    }
}

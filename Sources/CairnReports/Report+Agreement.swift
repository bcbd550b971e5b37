import CairnCore

extension Report {
    /// How far ahead a report looks for what is coming up.
    public static let horizonDays = 90

    /// Step 4 of the framework: how the cluster agreed to monitor and evaluate its plan.
    static func agreement(_ id: String, _ w: World) -> Section {
        guard let a = w.agreement(of: id) else {
            return Section(
                id: "agreement", heading: "Monitoring agreement",
                blocks: [.paragraph("No monitoring agreement yet: how often the members meet, report and evaluate.", .warning)])
        }
        let rows: [[Cell]] = [
            ["Meetings a year", "\(a.meetingsPerYear), all stakeholders together"], ["Period", "\(a.periodStart) to \(a.periodEnd)"],
            ["How members report", a.reporting.isEmpty ? "—" : a.reporting],
            ["How it is evaluated", a.evaluation.isEmpty ? "—" : a.evaluation],
        ].map { $0.map(Cell.text) }
        return Section(id: "agreement", heading: "Monitoring agreement", blocks: [.table(Table(header: ["", "Agreed"], rows: rows))])
    }

    /// What falls due in the next 90 days: open checkpoints, goal deadlines and open actions,
    /// by date.
    static func comingUp(_ id: String, _ w: World, _ today: Day) -> Section {
        let end = today.adding(days: horizonDays)
        func soon(_ d: Day?) -> Bool { d.map { $0 >= today && $0 <= end } ?? false }
        var items: [(day: Day, what: String, kind: String)] = []
        for c in w.checkpoints(of: id, on: today) where !c.isDone && soon(c.due) { items.append((c.due, c.title, "checkpoint")) }
        for g in w.goals(of: id) where soon(g.deadline) { items.append((g.deadline!, g.statement, "goal deadline")) }
        for a in w.actions(of: id) where a.status != .completed && soon(a.due) { items.append((a.due!, a.description, "action due")) }
        items.sort { ($0.day, $0.what) < ($1.day, $1.what) }
        let heading = "The next \(horizonDays) days (to \(end))"
        guard !items.isEmpty else {
            return Section(id: "coming", heading: heading, blocks: [.paragraph("Nothing falls due.", .plain)])
        }
        let rows = items.map { [$0.day.description, $0.kind, $0.what].map(Cell.text) }
        return Section(id: "coming", heading: heading, blocks: [.table(Table(header: ["Date", "Kind", "What"], rows: rows))])
    }
}

import CairnCore
import CairnWords

extension Report {
    /// How far ahead a report looks for what is coming up.
    public static let horizonDays = 90

    /// Step 4 of the framework: how the cluster agreed to monitor and evaluate its plan.
    static func agreement(_ id: String, _ w: World) -> Section {
        guard let a = w.agreement(of: id) else {
            return Section(
                id: "agreement", heading: agreementHeading,
                blocks: [
                    .paragraph(
                        Words.say("No monitoring agreement yet: how often the members meet, report and evaluate.", context: "report"),
                        .warning)
                ])
        }
        let rows: [[Cell]] = [
            [
                Words.say("Meetings a year", context: "report"),
                Words.say("{count}, all stakeholders together", context: "report", ["count": "\(a.meetingsPerYear)"]),
            ],
            [
                Words.say("Period", context: "report"),
                Words.say("{from} to {to}", context: "report", ["from": "\(a.periodStart)", "to": "\(a.periodEnd)"]),
            ],
            [Words.say("How members report", context: "report"), a.reporting.isEmpty ? "—" : a.reporting],
            [Words.say("How it is evaluated", context: "report"), a.evaluation.isEmpty ? "—" : a.evaluation],
        ].map { $0.map(Cell.text) }
        return Section(
            id: "agreement", heading: agreementHeading,
            blocks: [.table(Table(header: ["", Words.say("Agreed", context: "report")], rows: rows))])
    }

    static var agreementHeading: String {
        Words.say("Monitoring agreement", context: "report")
    }

    /// What falls due in the next 90 days: open checkpoints, goal deadlines and open actions,
    /// by date.
    static func comingUp(_ id: String, _ w: World, _ today: Day) -> Section {
        let end = today.adding(days: horizonDays)
        func soon(_ d: Day?) -> Bool { d.map { $0 >= today && $0 <= end } ?? false }
        var items: [(day: Day, what: String, kind: String)] = []
        let checkpoint = Words.say("checkpoint", context: "report")
        let deadline = Words.say("goal deadline", context: "report")
        let actionDue = Words.say("action due", context: "report")
        for c in w.checkpoints(of: id, on: today) where !c.isDone && soon(c.due) { items.append((c.due, c.title, checkpoint)) }
        for g in w.goals(of: id) where soon(g.deadline) { items.append((g.deadline!, g.statement, deadline)) }
        for a in w.actions(of: id) where a.status != .completed && soon(a.due) { items.append((a.due!, a.description, actionDue)) }
        items.sort { ($0.day, $0.what) < ($1.day, $1.what) }
        let heading = Words.say("The next {count} days (to {day})", context: "report", ["count": "\(horizonDays)", "day": "\(end)"])
        guard !items.isEmpty else {
            return Section(id: "coming", heading: heading, blocks: [.paragraph(Words.say("Nothing falls due.", context: "report"), .plain)])
        }
        let rows = items.map { [$0.day.description, $0.kind, $0.what].map(Cell.text) }
        let header = [dateHead, Words.say("Kind", context: "report"), Words.say("What", context: "report")]
        return Section(id: "coming", heading: heading, blocks: [.table(Table(header: header, rows: rows))])
    }
}

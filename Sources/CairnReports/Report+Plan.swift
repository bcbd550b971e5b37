import CairnCore
import Foundation

extension Report {
    /// A cluster's local action plan, the document a workshop leaves behind: the stakeholders
    /// with their roles and the lead, the goals with what measures them, the actions by class
    /// with who is responsible and the goal each serves, the monitoring agreement with its
    /// meetings, and what is still missing. Each step is a section that starts a page on paper.
    ///
    /// - Parameters:
    ///   - made: when the plan is made, stated on it with the store's revision, so that two
    ///     printed copies can be told apart.
    public static func plan(_ id: String, world w: World, today: Day, made: Date) -> Report? {
        guard let c = w.clusters[id] else { return nil }
        var facts = ["Local action plan", "made \(stamp(made)) from revision \(w.revision) of the store", c.kind.label]
        if !c.region.isEmpty { facts.append("region \(c.region)") }
        var notes: [Note] = []
        if !c.purpose.isEmpty { notes.append(Note(label: "Purpose", text: c.purpose)) }
        let sections = [stakeholders(id, w), planGoals(id, w), planActions(id, w), planAgreement(id, w, today), missing(id, w, today)]
        return Report(title: c.name, facts: facts.joined(separator: " · "), notes: notes, sections: sections, pagePerSection: true)
    }

    /// "2026-11-22 14:02 UTC": the minute is enough to tell two printings of a day apart.
    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date) + " UTC"
    }

    static func stakeholders(_ id: String, _ w: World) -> Section {
        let heading = "Step 1 · Stakeholders"
        let members = w.members(of: id)
        guard !members.isEmpty else {
            return Section(id: "stakeholders", heading: heading, blocks: [.paragraph("No stakeholders yet.", .warning)])
        }
        let lead: Block =
            w.lead(of: id).map { .paragraph("Lead: \(w.memberName($0)).", .plain) } ?? .paragraph("No lead yet.", .warning)
        let rows = members.map { m in
            [w.memberName(m), m.memberType.label, m.role.isEmpty ? "—" : m.role, m.responsibilities, m.lead ? "lead" : ""]
                .map(Cell.text)
        }
        return Section(
            id: "stakeholders", heading: heading,
            blocks: [lead, .table(Table(header: ["Stakeholder", "Type", "Role", "Responsibilities", "Lead"], rows: rows))])
    }

    static func planGoals(_ id: String, _ w: World) -> Section {
        let heading = "Step 2 · Goals"
        let goals = w.goals(of: id)
        guard !goals.isEmpty else { return Section(id: "goals", heading: heading, blocks: [.paragraph("No goals agreed yet.", .warning)]) }
        let rows = goals.map { g in
            [
                g.statement, g.indicator.isEmpty ? "—" : g.indicator,
                g.baseline.map { World.number($0) + g.unit + (g.baselineDate.map { " (\($0))" } ?? "") } ?? "—",
                g.target.map { World.number($0) + g.unit } ?? "—", g.deadline?.description ?? "—", g.priority.label, owner(of: g, w),
            ].map(Cell.text)
        }
        return Section(
            id: "goals", heading: heading,
            blocks: [
                .table(Table(header: ["Goal", "Indicator", "Baseline", "Target", "Deadline", "Priority", "Owner"], rows: rows))
            ])
    }

    /// Every class of action under its own heading, an empty one said so: a plan without
    /// compensation is a choice the group should see.
    static func planActions(_ id: String, _ w: World) -> Section {
        let actions = w.actions(of: id)
        var blocks: [Block] = []
        for cls in ActionClass.allCases {
            blocks.append(.subheading(cls.rawValue.capitalized, .plain))
            let these = actions.filter { $0.actionClass == cls }
            guard !these.isEmpty else {
                blocks.append(.paragraph("None agreed.", .plain))
                continue
            }
            let rows = these.map { a in
                [a.description, responsible(for: a, w), serves(a, w), a.status.label, a.due?.description ?? "—"].map(Cell.text)
            }
            blocks.append(.table(Table(header: ["Action", "Responsible", "Serves goal", "Status", "Due"], rows: rows)))
        }
        return Section(id: "actions", heading: "Step 3 · Actions", blocks: blocks)
    }

    /// The agreement, then the meetings its rhythm set (its checkpoints), by date.
    static func planAgreement(_ id: String, _ w: World, _ today: Day) -> Section {
        var section = agreement(id, w)
        section.heading = "Step 4 · Monitoring agreement"
        guard let a = w.agreement(of: id) else { return section }
        let meetings = w.checkpoints(of: id, on: today).filter { $0.agreement == a.id }.sorted { ($0.due, $0.title) < ($1.due, $1.title) }
        section.blocks.append(.subheading("Meetings", .plain))
        guard !meetings.isEmpty else {
            // Without meetings set, the dates the rhythm asks for still tell the group when to meet.
            section.blocks.append(.paragraph("None set yet as checkpoints; the rhythm proposes these dates.", .warning))
            let rows = a.proposedMeetings().map { [$0.description, "Meeting of all stakeholders", "proposed"].map(Cell.text) }
            if !rows.isEmpty { section.blocks.append(.table(Table(header: ["Date", "Meeting", "Status"], rows: rows))) }
            return section
        }
        let rows = meetings.map { m in
            [m.due.description, m.title, m.doneOn.map { "held \($0)" } ?? (m.isOverdue(on: today) ? "overdue" : "to come")]
                .map(Cell.text)
        }
        section.blocks.append(.table(Table(header: ["Date", "Meeting", "Status"], rows: rows)))
        return section
    }

    static func missing(_ id: String, _ w: World, _ today: Day) -> Section {
        let gaps = w.gaps(in: id, on: today)
        return Section(
            id: "missing", heading: "Still missing",
            blocks: gaps.isEmpty
                ? [.paragraph("Nothing: every part of the framework is in place.", .plain)] : [.items(gaps.map(\.message), .warning)])
    }
}

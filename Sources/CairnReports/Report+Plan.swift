import CairnCore
import CairnWords
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
        var facts = [
            Words.say("Local action plan", context: "report"),
            Words.say(
                "made {when} from revision {revision} of the store", context: "report", ["when": stamp(made), "revision": "\(w.revision)"]),
            c.kind.label,
        ]
        if !c.region.isEmpty { facts.append(Words.say("region {region}", context: "report", ["region": c.region])) }
        var notes: [Note] = []
        if !c.purpose.isEmpty { notes.append(Note(label: Words.say("Purpose", context: "report"), text: c.purpose)) }
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
        let heading = Words.say("Step 1 · Stakeholders", context: "plan")
        let members = w.members(of: id)
        guard !members.isEmpty else {
            return Section(
                id: "stakeholders", heading: heading, blocks: [.paragraph(Words.say("No stakeholders yet.", context: "plan"), .warning)])
        }
        let lead: Block =
            w.lead(of: id).map { .paragraph(Words.say("Lead: {member}.", context: "plan", ["member": w.memberName($0)]), .plain) }
            ?? .paragraph(Words.say("No lead yet.", context: "plan"), .warning)
        let rows = members.map { m in
            [w.memberName(m), m.memberType.label, m.role.isEmpty ? "—" : m.role, m.responsibilities, m.lead ? leadWord : ""]
                .map(Cell.text)
        }
        return Section(
            id: "stakeholders", heading: heading,
            blocks: [
                lead,
                .table(
                    Table(
                        header: [
                            Words.say("Stakeholder", context: "plan"), Words.say("Type", context: "column"),
                            Words.say("Role", context: "column"),
                            responsibilitiesHead, Words.say("Lead", context: "column"),
                        ], rows: rows)),
            ])
    }

    static func planGoals(_ id: String, _ w: World) -> Section {
        let heading = Words.say("Step 2 · Goals", context: "plan")
        let goals = w.goals(of: id)
        guard !goals.isEmpty else { return Section(id: "goals", heading: heading, blocks: [.paragraph(noGoalsYet, .warning)]) }
        let rows = goals.map { g in
            [
                g.statement, g.indicator.isEmpty ? "—" : g.indicator,
                g.baseline.map { World.amount($0, unit: g.unit) + (g.baselineDate.map { " (\($0))" } ?? "") } ?? "—",
                g.target.map { World.amount($0, unit: g.unit) } ?? "—", g.deadline?.description ?? "—", g.priority.label, owner(of: g, w),
            ].map(Cell.text)
        }
        return Section(
            id: "goals", heading: heading,
            blocks: [
                .table(
                    Table(
                        header: [
                            Words.say("Goal", context: "column"), indicatorHead, baselineHead, Words.say("Target", context: "column"),
                            Words.say("Deadline", context: "column"), priorityHead, ownerHead,
                        ], rows: rows))
            ])
    }

    /// Every class of action under its own heading, an empty one said so: a plan without
    /// compensation is a choice the group should see.
    static func planActions(_ id: String, _ w: World) -> Section {
        let actions = w.actions(of: id)
        var blocks: [Block] = []
        for cls in ActionClass.allCases {
            blocks.append(.subheading(firstUpper(cls.label), .plain))
            let these = actions.filter { $0.actionClass == cls }
            guard !these.isEmpty else {
                blocks.append(.paragraph(Words.say("None agreed.", context: "plan"), .plain))
                continue
            }
            let rows = these.map { a in
                [a.description, responsible(for: a, w), serves(a, w), a.status.label, a.due?.description ?? "—"].map(Cell.text)
            }
            blocks.append(.table(Table(header: actionsHeader, rows: rows)))
        }
        return Section(id: "actions", heading: Words.say("Step 3 · Actions", context: "plan"), blocks: blocks)
    }

    /// The agreement, then the meetings its rhythm set (its checkpoints), by date.
    static func planAgreement(_ id: String, _ w: World, _ today: Day) -> Section {
        var section = agreement(id, w)
        section.heading = Words.say("Step 4 · Monitoring agreement", context: "plan")
        guard let a = w.agreement(of: id) else { return section }
        let meetings = w.checkpoints(of: id, on: today).filter { $0.agreement == a.id }.sorted { ($0.due, $0.title) < ($1.due, $1.title) }
        section.blocks.append(.subheading(Words.say("Meetings", context: "plan"), .plain))
        let header = [dateHead, Words.say("Meeting", context: "plan"), Words.say("Status", context: "column")]
        guard !meetings.isEmpty else {
            // Without meetings set, the dates the rhythm asks for still tell the group when to meet.
            section.blocks.append(
                .paragraph(Words.say("None set yet as checkpoints; the rhythm proposes these dates.", context: "plan"), .warning))
            let all = Words.say("Meeting of all stakeholders", context: "plan")
            let proposed = Words.say("proposed", context: "plan")
            let rows = a.proposedMeetings().map { [$0.description, all, proposed].map(Cell.text) }
            if !rows.isEmpty { section.blocks.append(.table(Table(header: header, rows: rows))) }
            return section
        }
        let rows = meetings.map { m in
            let status =
                m.doneOn.map { Words.say("held {day}", context: "plan", ["day": "\($0)"]) }
                ?? (m.isOverdue(on: today) ? Words.say("overdue", context: "plan") : Words.say("to come", context: "plan"))
            return [m.due.description, m.title, status].map(Cell.text)
        }
        section.blocks.append(.table(Table(header: header, rows: rows)))
        return section
    }

    static func missing(_ id: String, _ w: World, _ today: Day) -> Section {
        let gaps = w.gaps(in: id, on: today)
        return Section(
            id: "missing", heading: Words.say("Still missing", context: "plan"),
            blocks: gaps.isEmpty
                ? [.paragraph(Words.say("Nothing: every part of the framework is in place.", context: "plan"), .plain)]
                : [.items(gaps.map(\.message), .warning)])
    }
}

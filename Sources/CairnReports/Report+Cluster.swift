import CairnCore
import CairnWords
import Foundation

extension Report {
    /// A cluster's monitoring report: the cluster and its purpose, members, goals against their
    /// targets, actions by class, the monitoring agreement, what falls due in the next 90 days,
    /// checkpoints overdue and done, gaps, the latest health check
    /// and cross-sector coverage.
    public static func cluster(_ id: String, world w: World, today: Day) -> Report? {
        guard let c = w.clusters[id] else { return nil }
        var facts = [Words.say("Monitoring report of {day}", context: "report", ["day": inWords(today)]), c.kind.label]
        if let f = c.formality { facts.append(f.label) }
        if !c.region.isEmpty { facts.append(Words.say("region {region}", context: "report", ["region": c.region])) }
        if let o = c.officialId { facts.append(Words.say("official id {id}", context: "report", ["id": o])) }
        var notes: [Note] = []
        if !c.purpose.isEmpty { notes.append(Note(label: Words.say("Purpose", context: "report"), text: c.purpose)) }
        if !c.leadershipModel.isEmpty { notes.append(Note(label: Words.say("Leadership", context: "report"), text: c.leadershipModel)) }
        if let end = c.fundingEndsOn {
            let source = c.fundingSource.isEmpty ? "—" : c.fundingSource
            notes.append(
                Note(
                    label: Words.say("Funding", context: "report"),
                    text: Words.say("{source}, until {day}.", context: "report", ["source": source, "day": "\(end)"])))
        }
        let sections = [
            members(id, w), goals(id, w, today), actions(id, w), agreement(id, w), comingUp(id, w, today), checkpoints(id, w, today),
            gaps(id, w, today), health(id, w, today), coverage(id, w),
        ]
        return Report(title: c.name, facts: facts.joined(separator: " · "), notes: notes, sections: sections)
    }

    static func members(_ id: String, _ w: World) -> Section {
        let rows = w.members(of: id).map { m in
            [w.memberName(m), m.memberType.label, m.role, m.responsibilities, m.lead ? leadWord : ""].map(Cell.text)
        }
        return Section(
            id: "members", heading: Words.say("Members", context: "report"),
            blocks: rows.isEmpty
                ? [.paragraph(Words.say("No members yet.", context: "report"), .plain)]
                : [
                    .table(
                        Table(
                            header: [
                                Words.say("Member", context: "column"), Words.say("Type", context: "column"),
                                Words.say("Role", context: "column"), responsibilitiesHead, Words.say("Lead", context: "column"),
                            ], rows: rows))
                ])
    }

    static func goals(_ id: String, _ w: World, _ today: Day) -> Section {
        let rows = w.goals(of: id).map { g -> [Cell] in
            let p = w.progress(of: g, on: today)
            let latest = p.latest.map { "\(World.amount($0.value, unit: g.unit)) (\($0.date))" } ?? "—"
            return [
                .text(g.statement), .text(g.indicator), .text(g.baseline.map { World.amount($0, unit: g.unit) } ?? "—"), .text(latest),
                .text(g.target.map { World.amount($0, unit: g.unit) } ?? "—"), .text(g.deadline?.description ?? "—"),
                .text(g.priority.label), .text(owner(of: g, w)), .progress(p),
            ]
        }
        return Section(
            id: "goals", heading: Words.say("Goals", context: "report"),
            blocks: rows.isEmpty
                ? [.paragraph(noGoalsYet, .plain)]
                : [
                    .table(
                        Table(
                            header: [
                                Words.say("Goal", context: "column"), indicatorHead, baselineHead, Words.say("Latest", context: "column"),
                                Words.say("Target", context: "column"), Words.say("Deadline", context: "column"),
                                priorityHead, ownerHead, Words.say("Status", context: "column"),
                            ], rows: rows))
                ]
                    + contributions(id, w, today))
    }

    /// A grouping's goals with the member clusters' goals that contribute to each, and how each
    /// stands; a member cluster's goals with the grouping's goal each serves.
    static func contributions(_ id: String, _ w: World, _ today: Day) -> [Block] {
        var rows: [[Cell]] = []
        for g in w.goals(of: id) {
            if let aim = g.contributesTo.flatMap({ w.goals[$0] }) {
                rows.append([
                    .text(g.statement),
                    .text(
                        Words.say(
                            "contributes to “{goal}” of {cluster}", context: "report",
                            ["goal": aim.statement, "cluster": w.clusters[aim.cluster]?.name ?? ""])), .text(""),
                    .progress(w.progress(of: aim, on: today)),
                ])
            }
            for c in w.contributors(to: g.id) {
                let p = w.progress(of: c, on: today)
                let latest = p.latest.map { "\(World.amount($0.value, unit: c.unit))" } ?? "—"
                rows.append([
                    .text(g.statement), .text("\(w.clusters[c.cluster]?.name ?? ""): \(c.statement)"), .text(latest), .progress(p),
                ])
            }
        }
        guard !rows.isEmpty else { return [] }
        let header = [
            Words.say("Goal", context: "column"), Words.say("Contributing goal, or the goal it serves", context: "report"),
            Words.say("Latest", context: "column"), Words.say("Status", context: "column"),
        ]
        return [.table(Table(header: header, rows: rows))]
    }

    static func actions(_ id: String, _ w: World) -> Section {
        let actions = w.actions(of: id)
        guard !actions.isEmpty else {
            return Section(
                id: "actions", heading: actionsHeading, blocks: [.paragraph(Words.say("No actions agreed yet.", context: "report"), .plain)]
            )
        }
        var blocks: [Block] = []
        for cls in ActionClass.allCases {
            let these = actions.filter { $0.actionClass == cls }
            guard !these.isEmpty else { continue }
            blocks.append(.subheading(firstUpper(cls.label), .plain))
            let rows = these.map { a in
                [
                    a.description, responsible(for: a, w), serves(a, w), a.status.label, a.due?.description ?? "—",
                ].map(Cell.text)
            }
            blocks.append(.table(Table(header: actionsHeader, rows: rows)))
        }
        return Section(id: "actions", heading: actionsHeading, blocks: blocks)
    }

    /// The member who owns a goal, or "nobody" when none was named.
    static func owner(of g: Goal, _ w: World) -> String {
        g.owner.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? Words.say("nobody", context: "report")
    }

    /// The member responsible for an action, or "nobody" when none was named.
    static func responsible(for a: Action, _ w: World) -> String {
        a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? Words.say("nobody", context: "report")
    }

    /// The statement of the goal an action serves, or "none yet" (a gap the report lists too).
    static func serves(_ a: Action, _ w: World) -> String {
        a.goal.flatMap { w.goals[$0] }?.statement ?? Words.say("none yet", context: "report")
    }

    static func checkpoints(_ id: String, _ w: World, _ today: Day) -> Section {
        let all = w.checkpoints(of: id, on: today)
        let overdue = all.filter { $0.isOverdue(on: today) }
        let done = all.filter(\.isDone)
        var blocks: [Block] = []
        if overdue.isEmpty {
            blocks.append(.paragraph(Words.say("Nothing is overdue.", context: "report"), .plain))
        } else {
            blocks.append(.subheading(Words.say("Overdue", context: "report"), .warning))
            let header = [Words.say("Checkpoint", context: "column"), Words.say("Was due", context: "report")]
            blocks.append(.table(Table(header: header, rows: overdue.map { [.text($0.title), .text($0.due.description)] })))
        }
        if !done.isEmpty {
            blocks.append(.subheading(Words.say("Done", context: "report"), .plain))
            let rows = done.map { c in
                [c.title, c.due.description, c.doneOn?.description ?? "", c.doneBy ?? "", c.evidence ?? ""].map(Cell.text)
            }
            let header = [
                Words.say("Checkpoint", context: "column"), Words.say("Due", context: "column"), doneOnHead,
                Words.say("By", context: "report"), Words.say("Evidence", context: "column"),
            ]
            blocks.append(.table(Table(header: header, rows: rows)))
        }
        return Section(id: "checkpoints", heading: Words.say("Checkpoints", context: "report"), blocks: blocks)
    }

    static func gaps(_ id: String, _ w: World, _ today: Day) -> Section {
        let gaps = w.gaps(in: id, on: today)
        return Section(
            id: "gaps", heading: Words.say("Gaps", context: "report"),
            blocks: gaps.isEmpty
                ? [.paragraph(Words.say("None: every part of the framework is in place.", context: "report"), .plain)]
                : [.items(gaps.map(\.message), .warning)])
    }

    static func health(_ id: String, _ w: World, _ today: Day) -> Section {
        let h = w.health(of: id, on: today)
        guard let latest = h.latest else {
            return Section(id: "health", heading: healthHeading, blocks: [.paragraph(noHealthCheckYet, .plain)])
        }
        var summary = Words.say(
            "Of {day} by {who}: {score} of 4 (1 fragile, 4 solid); weakest point: {weakest}.", context: "report",
            ["day": "\(latest.date)", "who": latest.by, "score": String(format: "%.1f", h.score ?? 0), "weakest": h.weakestPoint])
        if let previous = h.previous {
            summary += " " + Words.say("Change since {day} beside each rating.", context: "report", ["day": "\(previous.date)"])
        }
        let rows = HealthItem.allCases.map { item in
            [
                itemLabel(item), latest.rating(item).map(String.init) ?? "—",
                h.change(item).map { $0 == 0 ? "=" : $0 > 0 ? "+\($0)" : "\($0)" } ?? "", latest.note(item),
            ].map(Cell.text)
        }
        return Section(
            id: "health", heading: healthHeading,
            blocks: [
                .paragraph(summary, h.fundingEndsSoon == nil ? .plain : .warning),
                .table(
                    Table(
                        header: [conditionHead, Words.say("Rating", context: "column"), changeHead, Words.say("Note", context: "column")],
                        rows: rows)),
            ])
    }

    static func coverage(_ id: String, _ w: World) -> Section {
        let cov = w.coverage(of: id)
        let rows = Sector.allCases.compactMap { s -> [Cell]? in
            guard Level.allCases.contains(where: { cov.count(s, $0) > 0 }) || cov.isGap(s, .local) else { return nil }
            let counts = Level.allCases.map { l -> Cell in
                cov.count(s, l) > 0 ? .text("\(cov.count(s, l))") : cov.isGap(s, l) ? .missing(noneWord) : .text("")
            }
            return [.text(s.label)] + counts + [.text((cov.goals[s] ?? []).joined(separator: "; "))]
        }
        let header =
            [Words.say("Sector", context: "column")] + Level.allCases.map(\.label) + [Words.say("Goals it carries", context: "column")]
        var blocks: [Block] = [.table(Table(header: header, rows: rows))]
        if !cov.gapSentences.isEmpty { blocks.append(.items(cov.gapSentences, .warning)) }
        return Section(id: "coverage", heading: coverageHeading, blocks: blocks)
    }
}

import CairnCore
import Foundation

extension Report {
    /// A cluster's monitoring report: the cluster and its purpose, members, goals against their
    /// targets, actions by class, the monitoring agreement, what falls due in the next 90 days,
    /// checkpoints overdue and done, gaps, the latest health check
    /// and cross-sector coverage.
    public static func cluster(_ id: String, world w: World, today: Day) -> Report? {
        guard let c = w.clusters[id] else { return nil }
        var facts = ["Monitoring report of \(today)", c.kind.label]
        if let f = c.formality { facts.append(f.label) }
        if !c.region.isEmpty { facts.append("region \(c.region)") }
        if let o = c.officialId { facts.append("official id \(o)") }
        var notes: [Note] = []
        if !c.purpose.isEmpty { notes.append(Note(label: "Purpose", text: c.purpose)) }
        if !c.leadershipModel.isEmpty { notes.append(Note(label: "Leadership", text: c.leadershipModel)) }
        if let end = c.fundingEndsOn {
            notes.append(Note(label: "Funding", text: "\(c.fundingSource.isEmpty ? "—" : c.fundingSource), until \(end)."))
        }
        let sections = [
            members(id, w), goals(id, w, today), actions(id, w), agreement(id, w), comingUp(id, w, today), checkpoints(id, w, today),
            gaps(id, w, today), health(id, w, today), coverage(id, w),
        ]
        return Report(title: c.name, facts: facts.joined(separator: " · "), notes: notes, sections: sections)
    }

    static func members(_ id: String, _ w: World) -> Section {
        let rows = w.members(of: id).map { m in
            [w.memberName(m), m.memberType.label, m.role, m.responsibilities, m.lead ? "lead" : ""].map(Cell.text)
        }
        return Section(
            id: "members", heading: "Members",
            blocks: rows.isEmpty
                ? [.paragraph("No members yet.", .plain)]
                : [.table(Table(header: ["Member", "Type", "Role", "Responsibilities", "Lead"], rows: rows))])
    }

    static func goals(_ id: String, _ w: World, _ today: Day) -> Section {
        let rows = w.goals(of: id).map { g -> [Cell] in
            let p = w.progress(of: g, on: today)
            let latest = p.latest.map { "\(World.number($0.value))\(g.unit) (\($0.date))" } ?? "—"
            return [
                .text(g.statement), .text(g.indicator), .text(g.baseline.map { World.number($0) + g.unit } ?? "—"), .text(latest),
                .text(g.target.map { World.number($0) + g.unit } ?? "—"), .text(g.deadline?.description ?? "—"),
                .text(g.priority.label), .text(owner(of: g, w)), .progress(p),
            ]
        }
        return Section(
            id: "goals", heading: "Goals",
            blocks: rows.isEmpty
                ? [.paragraph("No goals agreed yet.", .plain)]
                : [
                    .table(
                        Table(
                            header: [
                                "Goal", "Indicator", "Baseline", "Latest", "Target", "Deadline", "Priority", "Owner", "Status",
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
                    .text(g.statement), .text("contributes to “\(aim.statement)” of \(w.clusters[aim.cluster]?.name ?? "")"), .text(""),
                    .progress(w.progress(of: aim, on: today)),
                ])
            }
            for c in w.contributors(to: g.id) {
                let p = w.progress(of: c, on: today)
                let latest = p.latest.map { "\(World.number($0.value))\(c.unit)" } ?? "—"
                rows.append([
                    .text(g.statement), .text("\(w.clusters[c.cluster]?.name ?? ""): \(c.statement)"), .text(latest), .progress(p),
                ])
            }
        }
        guard !rows.isEmpty else { return [] }
        return [.table(Table(header: ["Goal", "Contributing goal, or the goal it serves", "Latest", "Status"], rows: rows))]
    }

    static func actions(_ id: String, _ w: World) -> Section {
        let actions = w.actions(of: id)
        guard !actions.isEmpty else {
            return Section(id: "actions", heading: "Actions", blocks: [.paragraph("No actions agreed yet.", .plain)])
        }
        var blocks: [Block] = []
        for cls in ActionClass.allCases {
            let these = actions.filter { $0.actionClass == cls }
            guard !these.isEmpty else { continue }
            blocks.append(.subheading(cls.label.capitalized, .plain))
            let rows = these.map { a in
                [
                    a.description, responsible(for: a, w), serves(a, w), a.status.label, a.due?.description ?? "—",
                ].map(Cell.text)
            }
            blocks.append(.table(Table(header: ["Action", "Responsible", "Serves goal", "Status", "Due"], rows: rows)))
        }
        return Section(id: "actions", heading: "Actions", blocks: blocks)
    }

    /// The member who owns a goal, or "nobody" when none was named.
    static func owner(of g: Goal, _ w: World) -> String {
        g.owner.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "nobody"
    }

    /// The member responsible for an action, or "nobody" when none was named.
    static func responsible(for a: Action, _ w: World) -> String {
        a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "nobody"
    }

    /// The statement of the goal an action serves, or "none yet" (a gap the report lists too).
    static func serves(_ a: Action, _ w: World) -> String {
        a.goal.flatMap { w.goals[$0] }?.statement ?? "none yet"
    }

    static func checkpoints(_ id: String, _ w: World, _ today: Day) -> Section {
        let all = w.checkpoints(of: id, on: today)
        let overdue = all.filter { $0.isOverdue(on: today) }
        let done = all.filter(\.isDone)
        var blocks: [Block] = []
        if overdue.isEmpty {
            blocks.append(.paragraph("Nothing is overdue.", .plain))
        } else {
            blocks.append(.subheading("Overdue", .warning))
            blocks.append(
                .table(Table(header: ["Checkpoint", "Was due"], rows: overdue.map { [.text($0.title), .text($0.due.description)] })))
        }
        if !done.isEmpty {
            blocks.append(.subheading("Done", .plain))
            let rows = done.map { c in
                [c.title, c.due.description, c.doneOn?.description ?? "", c.doneBy ?? "", c.evidence ?? ""].map(Cell.text)
            }
            blocks.append(.table(Table(header: ["Checkpoint", "Due", "Done on", "By", "Evidence"], rows: rows)))
        }
        return Section(id: "checkpoints", heading: "Checkpoints", blocks: blocks)
    }

    static func gaps(_ id: String, _ w: World, _ today: Day) -> Section {
        let gaps = w.gaps(in: id, on: today)
        return Section(
            id: "gaps", heading: "Gaps",
            blocks: gaps.isEmpty
                ? [.paragraph("None: every part of the framework is in place.", .plain)] : [.items(gaps.map(\.message), .warning)])
    }

    static func health(_ id: String, _ w: World, _ today: Day) -> Section {
        let h = w.health(of: id, on: today)
        guard let latest = h.latest else {
            return Section(id: "health", heading: "Health check", blocks: [.paragraph("No health check yet.", .plain)])
        }
        let summary =
            "Of \(latest.date) by \(latest.by): \(String(format: "%.1f", h.score ?? 0)) of 4 (1 fragile, 4 solid); weakest point: \(h.weakestPoint)."
            + (h.previous.map { " Change since \($0.date) beside each rating." } ?? "")
        let rows = HealthItem.allCases.map { item in
            [
                (item.isChallenge ? "against " : "") + item.label, latest.rating(item).map(String.init) ?? "—",
                h.change(item).map { $0 == 0 ? "=" : $0 > 0 ? "+\($0)" : "\($0)" } ?? "", latest.note(item),
            ].map(Cell.text)
        }
        return Section(
            id: "health", heading: "Health check",
            blocks: [
                .paragraph(summary, h.fundingEndsSoon == nil ? .plain : .warning),
                .table(Table(header: ["Condition or challenge", "Rating", "Change", "Note"], rows: rows)),
            ])
    }

    static func coverage(_ id: String, _ w: World) -> Section {
        let cov = w.coverage(of: id)
        let rows = Sector.allCases.compactMap { s -> [Cell]? in
            guard Level.allCases.contains(where: { cov.count(s, $0) > 0 }) || cov.isGap(s, .local) else { return nil }
            let counts = Level.allCases.map { l -> Cell in
                cov.count(s, l) > 0 ? .text("\(cov.count(s, l))") : cov.isGap(s, l) ? .missing("none") : .text("")
            }
            return [.text(s.label)] + counts + [.text((cov.goals[s] ?? []).joined(separator: "; "))]
        }
        var blocks: [Block] = [.table(Table(header: ["Sector"] + Level.allCases.map(\.label) + ["Goals it carries"], rows: rows))]
        if !cov.gapSentences.isEmpty { blocks.append(.items(cov.gapSentences, .warning)) }
        return Section(id: "coverage", heading: "Cross-sector coverage", blocks: blocks)
    }
}

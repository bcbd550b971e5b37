import CairnCore

/// A cluster's monitoring report as Markdown, for e-mail or print: the cluster and its purpose,
/// members, goals against their targets, actions, checkpoints done and overdue, gaps, the latest
/// health check and cross-sector coverage. Sections grow with what the store holds.
public enum MarkdownReport {
    public static func cluster(_ id: String, world w: World, today: Day) -> String {
        guard let c = w.clusters[id] else { return "" }
        var out: [String] = []
        func table(_ header: [String], _ rows: [[String]]) {
            out.append("| " + header.joined(separator: " | ") + " |")
            out.append("|" + header.map { _ in " --- |" }.joined())
            for r in rows {
                out.append(
                    "| "
                        + r.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(
                            separator: " | ") + " |")
            }
            out.append("")
        }
        out.append("# \(c.name)")
        out.append("")
        var facts = ["\(c.kind.label)"]
        if let f = c.formality { facts.append(f.label) }
        if !c.region.isEmpty { facts.append("region \(c.region)") }
        if let o = c.officialId { facts.append("official id \(o)") }
        out.append("Monitoring report of \(today). " + facts.joined(separator: " · ") + ".")
        out.append("")
        if !c.purpose.isEmpty { out += ["**Purpose.** \(c.purpose)", ""] }
        if !c.leadershipModel.isEmpty { out += ["**Leadership.** \(c.leadershipModel)", ""] }
        if let end = c.fundingEndsOn { out += ["**Funding.** \(c.fundingSource.isEmpty ? "—" : c.fundingSource), until \(end).", ""] }

        out += ["## Members", ""]
        table(
            ["Member", "Type", "Role", "Responsibilities", "Lead"],
            w.members(of: id).map {
                [w.memberName($0), $0.memberType.rawValue, $0.role, $0.responsibilities, $0.lead ? "lead" : ""]
            })

        let goals = w.goals(of: id)
        if !goals.isEmpty {
            out += ["## Goals", ""]
            table(
                ["Goal", "Indicator", "Baseline", "Latest", "Target", "Deadline", "Status"],
                goals.map { g in
                    let p = w.progress(of: g, on: today)
                    let unit = g.unit
                    let latest = p.latest.map { "\(World.number($0.value))\(unit) (\($0.date))" } ?? "—"
                    return [
                        g.statement, g.indicator, g.baseline.map { World.number($0) + unit } ?? "—", latest,
                        g.target.map { World.number($0) + unit } ?? "—", g.deadline?.description ?? "—", "\(p.status.rawValue) `\(p.bar)`",
                    ]
                })
        }
        let actions = w.actions(of: id)
        if !actions.isEmpty {
            out += ["## Actions", ""]
            for cls in ActionClass.allCases {
                let these = actions.filter { $0.actionClass == cls }
                guard !these.isEmpty else { continue }
                out += ["### \(cls.rawValue.capitalized)", ""]
                table(
                    ["Action", "Responsible", "Status", "Due"],
                    these.map { a in
                        [
                            a.description, a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "nobody", a.status.label,
                            a.due?.description ?? "—",
                        ]
                    })
            }
        }
        let checkpoints = w.checkpoints(of: id, on: today)
        let overdue = checkpoints.filter { $0.isOverdue(on: today) }
        let done = checkpoints.filter(\.isDone)
        out += ["## Checkpoints", ""]
        if overdue.isEmpty {
            out += ["Nothing is overdue.", ""]
        } else {
            out += ["**Overdue**", ""]
            table(["Checkpoint", "Was due"], overdue.map { [$0.title, $0.due.description] })
        }
        if !done.isEmpty {
            out += ["**Done**", ""]
            table(
                ["Checkpoint", "Due", "Done on", "By", "Evidence"],
                done.map { [$0.title, $0.due.description, $0.doneOn?.description ?? "", $0.doneBy ?? "", $0.evidence ?? ""] })
        }
        let gaps = w.gaps(in: id, on: today)
        out += ["## Gaps", ""]
        out += gaps.isEmpty ? ["None: every part of the framework is in place.", ""] : gaps.map { "- \($0.message)" } + [""]

        let h = w.health(of: id, on: today)
        if let latest = h.latest {
            out += ["## Health check", ""]
            out += [
                "Of \(latest.date) by \(latest.by): \(String(format: "%.1f", h.score ?? 0)) of 4 (1 fragile, 4 solid); weakest point: \(h.weakestPoint)."
                    + (h.previous.map { " Change since \($0.date) in brackets." } ?? ""), "",
            ]
            table(
                ["Condition or challenge", "Rating", "Note"],
                HealthItem.allCases.map { item in
                    let change = h.change(item).map { $0 == 0 ? "" : $0 > 0 ? " (+\($0))" : " (\($0))" } ?? ""
                    return [
                        (item.isChallenge ? "against " : "") + item.label, (latest.rating(item).map(String.init) ?? "—") + change,
                        latest.note(item),
                    ]
                })
        }
        let cov = w.coverage(of: id)
        out += ["## Cross-sector coverage", ""]
        table(
            ["Sector"] + Level.allCases.map(\.rawValue) + ["Goals it carries"],
            Sector.allCases.compactMap { s in
                let counts = Level.allCases.map { cov.count(s, $0) }
                guard counts.contains(where: { $0 > 0 }) || cov.isGap(s, .local) else { return nil }
                return [s.label]
                    + Level.allCases.map { l in cov.count(s, l) > 0 ? "\(cov.count(s, l))" : cov.isGap(s, l) ? "**none**" : "" }
                    + [(cov.goals[s] ?? []).joined(separator: "; ")]
            })
        for g in cov.gapSentences { out.append("- \(g)") }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// All clusters of a region, one line each: health, overdue checkpoints, goals off track.
    public static func region(_ region: String, world w: World, today: Day) -> String {
        let key = Text.folded(region)
        let clusters = NameOrder.sorted(w.clusters.values.filter { Text.folded($0.region) == key }, by: \.name)
        var out = ["# Region \(region)", "", "Monitoring roll-up of \(today): \(clusters.count) clusters.", ""]
        out.append("| Cluster | Health | Weakest point | Overdue checkpoints | Goals off track | Gaps |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for c in clusters {
            let h = w.health(of: c.id, on: today)
            let overdue = w.checkpoints.values.filter { $0.cluster == c.id && $0.isOverdue(on: today) }.count
            let off = w.goals(of: c.id).filter { w.progress(of: $0, on: today).status == .offTrack }.count
            out.append(
                "| \(c.name) | \(h.score.map { String(format: "%.1f", $0) } ?? "—") | \(h.weakestPoint) | \(overdue) | \(off) | \(w.gaps(in: c.id, on: today).count) |"
            )
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}

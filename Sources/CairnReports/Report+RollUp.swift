import CairnCore
import Foundation

extension Report {
    /// A grouping's roll-up: the grouping and everything within it, each figure beside the one
    /// at the end of the period before.
    ///
    /// - Parameter grouping: as the store holds it now; `world` may be an earlier one (a report
    ///   as of a past day), which need not hold it yet: its figures are then all zero.
    public static func grouping(_ grouping: Cluster, world w: World, today: Day, period: RollUp.Period = .quarter) -> Report {
        let r = w.rollUp(.grouping(grouping.id), on: today, period: period)
        var facts = ["Roll-up of \(today)", grouping.kind.label]
        if let level = grouping.level { facts.append(level.label) }
        if !grouping.region.isEmpty { facts.append("region \(grouping.region)") }
        return Report(
            title: grouping.name, facts: facts.joined(separator: " · ") + ": " + counted(r.current), notes: [],
            sections: rollUpSections(r))
    }

    /// The whole store's roll-up: every cluster, school and agency it holds.
    public static func store(world w: World, today: Day, period: RollUp.Period = .quarter) -> Report {
        let r = w.rollUp(.store, on: today, period: period)
        return Report(title: "Whole store", facts: "Roll-up of \(today): " + counted(r.current), notes: [], sections: rollUpSections(r))
    }

    /// "3 clusters, 1 school, 12 agencies".
    static func counted(_ f: RollUp.Figures) -> String {
        [counted(f.clusters, "cluster"), counted(f.schools, "school"), counted(f.agencies, "agency", "agencies")].joined(separator: ", ")
    }

    /// "1 school", "0 schools", "12 schools".
    static func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : many ?? one + "s")
    }

    /// The roll-up's sections: scope, goals by status, checkpoints, health, coverage and gaps.
    static func rollUpSections(_ r: RollUp) -> [Section] {
        [
            Section(
                id: "scope", heading: "Scope",
                blocks: [
                    .paragraph(
                        "Each figure as it stood on the day in brackets, beside the one at the end of the \(r.period.rawValue) before.",
                        .plain),
                    compared(r, [("clusters", { $0.clusters }), ("schools", { $0.schools }), ("agencies", { $0.agencies })]),
                ]),
            Section(
                id: "goals", heading: "Goals by status",
                blocks: [
                    compared(
                        r, GoalProgress.Status.rollUpOrder.map { s in (s.label, { $0.goals(s) }) } + [("all goals", { $0.goalCount })])
                ]),
            Section(
                id: "checkpoints", heading: "Checkpoints",
                blocks: [
                    compared(
                        r,
                        [
                            ("done in the \(r.period.rawValue)", { $0.checkpointsDone }), ("overdue", { $0.checkpointsOverdue }),
                            ("upcoming (due within a \(r.period.rawValue))", { $0.checkpointsUpcoming }),
                        ])
                ]),
            health(r), coverage(r),
            Section(
                id: "gaps", heading: "Gaps",
                blocks: [compared(r, Gap.Kind.allCases.map { k in (k.label, { $0.gaps(k) }) } + [("all gaps", { $0.gapCount })])]),
        ]
    }

    /// The column heads of a comparison: `2026 Q4 (to 2026-11-22)`.
    static func periodHeads(_ r: RollUp) -> [String] {
        [r.current, r.previous].map { "\(r.period.name(of: $0.on)) (to \($0.on))" }
    }

    /// A table of counts now and at the end of the period before, with the change.
    static func compared(_ r: RollUp, _ rows: [(String, (RollUp.Figures) -> Int)]) -> Block {
        .table(
            Table(
                header: [""] + periodHeads(r) + ["Change"],
                rows: rows.map { label, value in
                    let now = value(r.current)
                    let before = value(r.previous)
                    return [label, "\(now)", "\(before)", change(now - before)].map(Cell.text)
                }))
    }

    /// `+2`, `-1`, `=`.
    static func change(_ d: Int) -> String { d == 0 ? "=" : d > 0 ? "+\(d)" : "\(d)" }

    static func mean(_ m: Double?) -> String { m.map { String(format: "%.1f", $0) } ?? "—" }

    static func health(_ r: RollUp) -> Section {
        let rows = HealthItem.allCases.map { item -> [Cell] in
            let now = r.current.health[item] ?? RollUp.HealthTrend()
            let before = r.previous.health[item] ?? RollUp.HealthTrend()
            let moved = now.mean.flatMap { n in before.mean.map { b in (n * 10).rounded() - (b * 10).rounded() } }
            let change = moved.map { $0 == 0 ? "=" : String(format: "%+.1f", $0 / 10) } ?? ""
            return [
                (item.isChallenge ? "against " : "") + item.label, "\(now.clusters)", mean(now.mean),
                now.means.map { mean($0) }.joined(separator: " → "), now.movement?.label ?? "—", mean(before.mean), change,
            ].map(Cell.text)
        }
        let heads = periodHeads(r)
        return Section(
            id: "health", heading: "Health",
            blocks: [
                .paragraph(
                    "The mean of the clusters' latest ratings (1 fragile, 4 solid), and of each of their last four health checks, oldest first.",
                    .plain),
                .table(
                    Table(
                        header: [
                            "Condition or challenge", "Clusters rated", "Mean " + heads[0], "Last four checks", "Trend", "Mean " + heads[1],
                            "Change",
                        ],
                        rows: rows)),
            ])
    }

    static func coverage(_ r: RollUp) -> Section {
        let now = r.current.coverage
        let before = r.previous.coverage
        guard r.current.clusters > 0 else {
            return Section(id: "coverage", heading: "Cross-sector coverage", blocks: [.paragraph("No cluster is in scope.", .plain)])
        }
        let rows = Sector.allCases.compactMap { s -> [Cell]? in
            let present = Level.allCases.contains { now.count(s, $0) > 0 || before.count(s, $0) > 0 }
            guard present || now.isGap(s, .local) else { return nil }
            return [.text(s.label)]
                + Level.allCases.map { l -> Cell in
                    let (n, b) = (now.count(s, l), before.count(s, l))
                    let was = n == b ? "" : " (was \(b))"
                    return now.isGap(s, l) ? .missing("none" + was) : .text(n == 0 && b == 0 ? "" : "\(n)\(was)")
                }
        }
        var blocks: [Block] = [
            .paragraph(
                "Agencies engaged, each once, by sector and level; “was” gives the count at the end of the \(r.period.rawValue) before.",
                .plain),
            .table(Table(header: ["Sector"] + Level.allCases.map(\.label), rows: rows)),
        ]
        if !now.gapSentences.isEmpty { blocks.append(.items(now.gapSentences, .warning)) }
        return Section(id: "coverage", heading: "Cross-sector coverage", blocks: blocks)
    }
}

extension GoalProgress.Status {
    /// The order a roll-up lists statuses in: from on track to no data.
    static let rollUpOrder: [Self] = [.onTrack, .atRisk, .offTrack, .achieved, .noData]
}

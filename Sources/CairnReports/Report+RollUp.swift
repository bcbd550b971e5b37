import CairnCore
import CairnWords
import Foundation

extension Report {
    /// A grouping's roll-up: the grouping and everything within it, each figure beside the one
    /// at the end of the period before.
    ///
    /// - Parameter grouping: as the store holds it now; `world` may be an earlier one (a report
    ///   as of a past day), which need not hold it yet: its figures are then all zero.
    public static func grouping(_ grouping: Cluster, world w: World, today: Day, period: RollUp.Period = .quarter) -> Report {
        let r = w.rollUp(.grouping(grouping.id), on: today, period: period)
        var facts = [Words.say("Roll-up of {day}", context: "report", ["day": "\(today)"]), grouping.kind.label]
        if let level = grouping.level { facts.append(level.label) }
        if !grouping.region.isEmpty { facts.append(Words.say("region {region}", context: "report", ["region": grouping.region])) }
        return Report(
            title: grouping.name, facts: facts.joined(separator: " · ") + ": " + counted(r.current), notes: [],
            sections: rollUpSections(r))
    }

    /// The whole store's roll-up: every cluster, school and agency it holds.
    public static func store(world w: World, today: Day, period: RollUp.Period = .quarter) -> Report {
        let r = w.rollUp(.store, on: today, period: period)
        return Report(
            title: Words.say("Whole store", context: "report"),
            facts: Words.say("Roll-up of {day}", context: "report", ["day": "\(today)"]) + ": " + counted(r.current), notes: [],
            sections: rollUpSections(r))
    }

    /// "3 clusters, 1 school, 12 agencies".
    static func counted(_ f: RollUp.Figures) -> String {
        [
            Words.count("{count} cluster", "{count} clusters", f.clusters, context: "report"),
            Words.count("{count} school", "{count} schools", f.schools, context: "report"),
            Words.count("{count} agency", "{count} agencies", f.agencies, context: "report"),
        ].joined(separator: ", ")
    }

    /// The roll-up's sections: scope, goals by status, checkpoints, health, coverage and gaps.
    static func rollUpSections(_ r: RollUp) -> [Section] {
        [
            Section(
                id: "scope", heading: Words.say("Scope", context: "report"),
                blocks: [
                    .paragraph(
                        r.period == .quarter
                            ? Words.say(
                                "Each figure as it stood on the day in brackets, beside the one at the end of the quarter before.",
                                context: "report")
                            : Words.say(
                                "Each figure as it stood on the day in brackets, beside the one at the end of the year before.",
                                context: "report"),
                        .plain),
                    compared(
                        r,
                        [
                            (Words.say("clusters", context: "report"), { $0.clusters }),
                            (Words.say("schools", context: "report"), { $0.schools }),
                            (Words.say("agencies", context: "report"), { $0.agencies }),
                        ]),
                ]),
            Section(
                id: "goals", heading: Words.say("Goals by status", context: "report"),
                blocks: [
                    compared(
                        r,
                        GoalProgress.Status.rollUpOrder.map { s in (s.label, { $0.goals(s) }) } + [
                            (Words.say("all goals", context: "report"), { $0.goalCount })
                        ])
                ]),
            Section(
                id: "checkpoints", heading: checkpointsHeading,
                blocks: [
                    compared(
                        r,
                        [
                            (
                                r.period == .quarter
                                    ? Words.say("done in the quarter", context: "report")
                                    : Words.say("done in the year", context: "report"),
                                { $0.checkpointsDone }
                            ), (Words.say("overdue", context: "report"), { $0.checkpointsOverdue }),
                            (
                                r.period == .quarter
                                    ? Words.say("upcoming (due within a quarter)", context: "report")
                                    : Words.say("upcoming (due within a year)", context: "report"), { $0.checkpointsUpcoming }
                            ),
                        ])
                ]),
            health(r), coverage(r),
            Section(
                id: "gaps", heading: Words.say("Gaps", context: "report"),
                blocks: [
                    compared(
                        r,
                        Gap.Kind.allCases.map { k in (k.label, { $0.gaps(k) }) } + [
                            (Words.say("all gaps", context: "report"), { $0.gapCount })
                        ])
                ]),
        ]
    }

    /// The column heads of a comparison: `2026 Q4 (to 2026-11-22)`.
    static func periodHeads(_ r: RollUp) -> [String] {
        [r.current, r.previous].map {
            Words.say("{period} (to {day})", context: "report", ["period": periodName(r.period, of: $0.on), "day": "\($0.on)"])
        }
    }

    /// `2026 Q4`, `2026`: the period a day falls in, as the language names a quarter.
    static func periodName(_ period: RollUp.Period, of day: Day) -> String {
        let (year, month, _) = day.parts
        guard period == .quarter else { return "\(year)" }
        return Words.say("{year} Q{quarter}", context: "period name", ["year": "\(year)", "quarter": "\((month - 1) / 3 + 1)"])
    }

    /// A table of counts now and at the end of the period before, with the change.
    static func compared(_ r: RollUp, _ rows: [(String, (RollUp.Figures) -> Int)]) -> Block {
        .table(
            Table(
                header: [""] + periodHeads(r) + [changeHead],
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
                itemLabel(item), "\(now.clusters)", mean(now.mean),
                now.means.map { mean($0) }.joined(separator: " → "), now.movement?.label ?? "—", mean(before.mean), change,
            ].map(Cell.text)
        }
        let heads = periodHeads(r)
        return Section(
            id: "health", heading: Words.say("Health", context: "report"),
            blocks: [
                .paragraph(
                    Words.say(
                        "The mean of the clusters' latest ratings (1 fragile, 4 solid), and of each of their last four health checks, oldest first.",
                        context: "report"),
                    .plain),
                .table(
                    Table(
                        header: [
                            conditionHead, Words.say("Clusters rated", context: "report"),
                            Words.say("Mean {period}", context: "report", ["period": heads[0]]),
                            Words.say("Last four checks", context: "report"),
                            Words.say("Trend", context: "report"), Words.say("Mean {period}", context: "report", ["period": heads[1]]),
                            changeHead,
                        ],
                        rows: rows)),
            ])
    }

    static func coverage(_ r: RollUp) -> Section {
        let now = r.current.coverage
        let before = r.previous.coverage
        guard r.current.clusters > 0 else {
            return Section(
                id: "coverage", heading: coverageHeading,
                blocks: [.paragraph(Words.say("No cluster is in scope.", context: "report"), .plain)])
        }
        let rows = Sector.allCases.compactMap { s -> [Cell]? in
            let present = Level.allCases.contains { now.count(s, $0) > 0 || before.count(s, $0) > 0 }
            guard present || now.isGap(s, .local) else { return nil }
            return [.text(s.label)]
                + Level.allCases.map { l -> Cell in
                    let (n, b) = (now.count(s, l), before.count(s, l))
                    let was = n == b ? "" : " " + Words.say("(was {count})", context: "report", ["count": "\(b)"])
                    return now.isGap(s, l) ? .missing(noneWord + was) : .text(n == 0 && b == 0 ? "" : "\(n)\(was)")
                }
        }
        var blocks: [Block] = [
            .paragraph(
                r.period == .quarter
                    ? Words.say(
                        "Agencies engaged, each once, by sector and level; “was” gives the count at the end of the quarter before.",
                        context: "report")
                    : Words.say(
                        "Agencies engaged, each once, by sector and level; “was” gives the count at the end of the year before.",
                        context: "report"),
                .plain),
            .table(Table(header: [Words.say("Sector", context: "column")] + Level.allCases.map(\.label), rows: rows)),
        ]
        if !now.gapSentences.isEmpty { blocks.append(.items(now.gapSentences, .warning)) }
        return Section(id: "coverage", heading: coverageHeading, blocks: blocks)
    }
}

extension GoalProgress.Status {
    /// The order a roll-up lists statuses in: from on track to no data.
    static let rollUpOrder: [Self] = [.onTrack, .atRisk, .offTrack, .achieved, .noData]
}

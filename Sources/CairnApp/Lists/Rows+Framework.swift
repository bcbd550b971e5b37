import CairnCore
import CairnWords
import TermUI

/// Rows of a cluster's goals and actions.
extension Rows {
    static let goalColumns = [
        Column("Status", width: 22), Column("Goal"), Column("Latest", width: 7, alignRight: true, dropsBelow: 80),
        Column("Target", width: 7, alignRight: true), Column("Deadline", width: 10),
    ]

    static func goals(_ w: World, cluster: String, today: Day) -> [ListRow] {
        w.goals(of: cluster).map { g in
            let p = w.progress(of: g, on: today)
            let unit = g.unit.isEmpty ? "" : g.unit
            return ListRow(
                id: g.id,
                cells: [
                    "\(p.status.label) \(p.bar)", g.statement, p.latest.map { World.amount($0.value, unit: unit) } ?? "—",
                    g.target.map { World.amount($0, unit: unit) } ?? "—", g.deadline?.description ?? "—",
                ],
                style: p.status == .offTrack ? Style(.overdue, bold: true) : p.status == .achieved ? Style(.done) : nil)
        }
    }

    static let gapColumns = [Column("Gap", width: 17), Column("What is missing")]

    /// A gap's row id says where to go: `kind|recordKind|recordID`.
    static func gaps(_ w: World, cluster: String, today: Day) -> [ListRow] {
        w.gaps(in: cluster, on: today).enumerated().map { i, g in
            ListRow(
                id: "\(i)|\(g.record?.rawValue ?? "")|\(g.recordID ?? "")|\(g.kind.rawValue)", cells: [g.kind.label, g.message],
                style: g.kind == .overdueCheckpoint || g.kind == .noLead ? Style(.overdue, bold: true) : nil)
        }
    }

    static let healthColumns = [
        Column("Condition / challenge", width: 34), Column("Rating", width: 10), Column("Δ", width: 3, alignRight: true), Column("Note"),
    ]

    /// The row id of an earlier check: `check:` and its id.
    static let earlierCheck = "check:"

    /// The latest health check, one row per item, with the change since the one before; then
    /// each earlier check on a row of its own (Enter opens any of them whole).
    static func health(_ h: ClusterHealth, earlier: [Assessment] = []) -> [ListRow] {
        guard let latest = h.latest else { return [] }
        let earlierRows = earlier.map { a in
            let weakest =
                a.weakest.flatMap { item in
                    a.rating(item).map { Words.say("weakest: {item} ({rating})", ["item": item.label, "rating": String($0)]) }
                }
                ?? ""
            let notes = HealthItem.allCases.filter { !a.note($0).isEmpty }.count
            return ListRow(
                id: earlierCheck + a.id,
                cells: [
                    Words.say("earlier check {date}, {by}", ["date": a.date.description, "by": a.by]),
                    a.score.map { Words.say("{rating} of 4", ["rating": String(format: "%.1f", $0)]) } ?? Words.say("not rated"), "",
                    weakest + (notes > 0 ? " · " + Words.count("{count} note", "{count} notes", notes) : ""),
                ], style: .muted)
        }
        return itemRows(h, latest) + earlierRows
    }

    static func itemRows(_ h: ClusterHealth, _ latest: Assessment) -> [ListRow] {
        HealthItem.allCases.map { item in
            let r = latest.rating(item)
            let bar =
                r.map { String(repeating: "#", count: $0) + String(repeating: "-", count: 4 - $0) + " \($0)" } ?? Words.say("not rated")
            let change = h.change(item).map { $0 == 0 ? "=" : $0 > 0 ? "+\($0)" : "−\(-$0)" } ?? ""
            let label = item.isChallenge ? Words.say("against {challenge}", ["challenge": item.label]) : item.label
            return ListRow(
                id: item.rawValue, cells: [label, bar, change, latest.note(item)], style: r == 1 ? Style(.overdue, bold: true) : nil)
        }
    }

    static let coverageColumns = [
        Column("Sector", width: 15), Column("Nat", width: 4, alignRight: true), Column("Reg", width: 4, alignRight: true),
        Column("Local", width: 6, alignRight: true), Column("School", width: 6, alignRight: true), Column("Goals it carries"),
    ]

    /// One row per sector: agencies at each level; `!` marks an empty cell that matters (a core
    /// service absent locally), `·` an empty one that does not.
    static func coverage(_ c: Coverage) -> [ListRow] {
        Sector.allCases.filter { $0 != .education || c.counts[$0] != nil || c.schools > 0 }.map { sector in
            let cells = Level.allCases.map { level -> String in
                // The member schools are education at the level of the school.
                let n = c.count(sector, level) + (sector == .education && level == .school ? c.schools : 0)
                return n > 0 ? "\(n)" : c.isGap(sector, level) ? "! " + Words.say("none", context: "coverage cell") : "·"
            }
            let goals = c.goals[sector] ?? []
            let gap = c.isGap(sector, .local)
            return ListRow(
                id: sector.rawValue,
                cells: [sector.label] + cells + [goals.isEmpty ? "" : "\(goals.count): " + goals.joined(separator: "; ")],
                style: gap ? Style(.overdue, bold: true) : nil)
        }
    }

    static let actionColumns = [
        Column("Status", width: 12), Column("Class", width: 12, dropsBelow: 80), Column("Action"), Column("Responsible", width: 18),
        Column("Due", width: 10, dropsBelow: 80),
    ]

    static func actions(_ w: World, cluster: String) -> [ListRow] {
        w.actions(of: cluster).map { a in
            let responsible = a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "— " + Words.say("nobody") + " —"
            return ListRow(
                id: a.id, cells: [a.status.label, a.actionClass.label, a.description, responsible, a.due?.description ?? "—"],
                style: a.status == .constrained ? Style(.dueSoon) : a.status == .completed ? Style(.done) : nil)
        }
    }
}

/// Rows of a goal's measurements.
extension Rows {
    static let measurementColumns = [
        Column("Date", width: 10), Column("Value", width: 9, alignRight: true), Column("By", width: 10), Column("Source"),
        Column("Ticked", width: 24),
    ]

    /// Newest first, as a reader looks for the latest; one dated after today is marked.
    static func measurements(_ w: World, goal: String, today: Day) -> [ListRow] {
        let unit = w.goals[goal]?.unit ?? ""
        return w.measurements(of: goal).reversed().map { m in
            let ticked = m.ticked.map { id in w.checkpoints[id]?.title ?? Words.say("(deleted checkpoint)") } ?? ""
            // Listed so that it can be corrected, but not counted (see GoalProgress.latest).
            let after = Words.say("after today")
            let source = m.date > today ? (m.source.isEmpty ? after : after + " · " + m.source) : m.source
            return ListRow(
                id: m.id, cells: [m.date.description, World.amount(m.value, unit: unit), m.by, source, ticked],
                style: m.date > today ? Style(.overdue, bold: true) : nil)
        }
    }

    static func goalStyle(_ status: GoalProgress.Status) -> Style? {
        status == .offTrack ? Style(.overdue, bold: true) : status == .achieved ? Style(.done) : nil
    }

    /// A sector's members in the clusters `ids`: each agency with its level and role (and, for
    /// education, each member school), by cluster.
    static func sectorLines(_ sector: Sector, _ ids: [String], _ w: World) -> [String] {
        var lines: [String] = []
        for id in ids {
            let members = w.members(of: id).filter { m in
                switch m.memberType {
                case .agency: return w.agencies[m.memberId]?.sector == sector
                case .school: return sector == .education
                case .cluster: return false
                }
            }
            guard !members.isEmpty else { continue }
            if ids.count > 1 { lines.append(w.clusters[id]?.name ?? id) }
            for m in members {
                let level = " (" + (w.agencies[m.memberId].map { $0.level.label } ?? MemberType.school.label) + ")"
                lines.append("  \(w.memberName(m))\(level)" + (m.role.isEmpty ? "" : ": \(m.role)"))
            }
        }
        return lines.isEmpty
            ? [Words.say("No {sector} member takes part yet. Press q, then a to add one.", ["sector": sector.label])] : lines
    }
}

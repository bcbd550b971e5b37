import CairnCore
import CairnWords
import TermUI

/// Rows of groupings: Home's tree (`GroupingTree`), and a grouping's member clusters each with
/// its own status, so that an officer sees at once which cluster needs help.
extension Rows {
    /// What is within each row counts each cluster and school once; the rest is the weakest.
    static let treeColumns = [
        Column("Cluster"), Column("Clu", width: 4, alignRight: true), Column("Sch", width: 5, alignRight: true),
        Column("Hlth", width: 4, alignRight: true), Column("Weakest point", width: 23, dropsBelow: 80), Column("Next due", width: 12),
    ]

    /// A grouping's members: a member cluster's own status beside it; the role where there is room.
    static let groupingMemberColumns = [
        Column("Member"), Column("Type", width: 7), Column("Lead", width: 4), Column("Role", width: 24, from: 100),
        Column("Hlth", width: 4, alignRight: true), Column("Weakest point", width: 20, dropsBelow: 80), Column("Next due", width: 12),
        Column("Gaps", width: 4, alignRight: true),
    ]

    static func healthScore(_ h: ClusterHealth) -> String { h.score.map { String(format: "%.1f", $0) } ?? "—" }

    /// Overdue checkpoints, counted, before the next one due: what needs doing first.
    static func dueCell(next: Checkpoint?, overdue: Int, today: Day) -> String {
        if overdue > 0 { return "! " + Words.count("{count} overdue", "{count} overdue", overdue) }
        return next.map { "\($0.status(on: today).mark) \($0.due)" } ?? "—"
    }

    /// A member cluster's health score, weakest point, next due or overdue, and gaps; with
    /// the style that marks one whose health or funding is at risk.
    ///
    /// - Complexity: O(the cluster's own records), read through the world's index by cluster.
    static func memberStatus(_ w: World, cluster id: String, today: Day) -> (cells: [String], style: Style?) {
        let s = w.standing(of: id, on: today)
        let h = s.health
        let gaps = w.gaps(in: id, on: today).count
        let cells = [healthScore(h), h.weakestPoint, dueCell(next: s.nextDue, overdue: s.overdue, today: today), "\(gaps)"]
        // Marked as Home marks a cluster in trouble; overdue checkpoints carry their own `!`.
        return (cells, h.fundingEndsSoon != nil || (h.score ?? 4) < 2 ? Style(.overdue, bold: true) : nil)
    }
}

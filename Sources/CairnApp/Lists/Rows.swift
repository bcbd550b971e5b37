import CairnCore
import TermUI

/// The rows of every list, built from the world. Each builder makes one pass over the records
/// it needs, so lists stay quick on a national-size store.
enum Rows {
    /// - Parameter byHealth: weakest first (funding ending within six months first of all), else by name.
    /// - Parameter nextDue: each cluster's next open checkpoint, when known already (a first look).
    /// Home's clusters, from all it shows of them (`FirstLook`: a snapshot's or the world's).
    static func clusters(_ look: FirstLook, today: Day, byHealth: Bool = false) -> [ListRow] {
        let healths = look.healthByCluster(on: today)
        var rows: [(row: ListRow, score: Double)] = look.clustersShown().map { c in
            let h = healths[c.id] ?? ClusterHealth()
            return (cluster(c, health: h, next: look.nextDue[c.id], today: today), h.sortWeight)
        }
        if byHealth { rows.sort { $0.score < $1.score } }  // stable enough: names break no ties here
        return rows.map(\.row)
    }

    /// Home's clusters by name, each row (its health worked out) made when it is shown: the
    /// first frame of a national store draws twenty of its 3,000 clusters.
    static func clustersLazily(_ look: FirstLook, today: Day) -> LazyRows {
        let assessed = ClusterHealth.byCluster(look.assessments)
        return LazyRows(ids: look.clusterIDsShown()) { id in
            guard let c = look.clusters[id] else { return ListRow(id: id, cells: ["", "", "", "", ""]) }
            return cluster(
                c, health: ClusterHealth(of: c, assessments: assessed[id] ?? [], on: today), next: look.nextDue[id], today: today)
        }
    }

    static func cluster(_ c: Cluster, health h: ClusterHealth, next: Checkpoint?, today: Day) -> ListRow {
        let due = next.map { "\($0.status(on: today).mark) \($0.due)" } ?? "—"
        let health = h.score.map { String(format: "%.1f", $0) } ?? "—"
        return ListRow(
            id: c.id, cells: [c.name, c.region, health, h.weakestPoint, due],
            style: h.fundingEndsSoon != nil || (h.score ?? 4) < 2 ? Style(.overdue, bold: true) : nil)
    }

    /// Member counts are in each cluster's header; here the room goes to health and its weakest point.
    static let clusterColumns = [
        Column("Cluster"), Column("Region", width: 11), Column("Hlth", width: 4, alignRight: true),
        Column("Weakest point", width: 23, dropsBelow: 80), Column("Next due", width: 12),
    ]

    /// The Schools tab, each row made when it is shown: a screen of a national store's
    /// 25,000 schools reads the twenty it shows.
    static func schoolsShownLazily(_ w: World) -> LazyRows {
        LazyRows(ids: w.schoolIDsShown()) { id in w.schools[id].map(school) ?? ListRow(id: id, cells: ["", "", "", ""]) }
    }

    static func school(_ s: School) -> ListRow {
        ListRow(id: s.id, cells: [s.name, s.officialId ?? "", phases(s.phases), s.municipality])
    }

    static let schoolColumns = [
        Column("School"), Column("Official id", width: 11, dropsBelow: 80), Column("Phases", width: 16), Column("Municipality", width: 16),
    ]

    /// The Agencies tab, each row made when it is shown (see `schoolsShownLazily`).
    static func agenciesShownLazily(_ w: World) -> LazyRows {
        LazyRows(ids: w.agencyIDsShown()) { id in w.agencies[id].map(agency) ?? ListRow(id: id, cells: ["", "", ""]) }
    }

    static func agency(_ a: Agency) -> ListRow { ListRow(id: a.id, cells: [a.name, a.sector.label, a.level.label]) }

    static let agencyColumns = [Column("Agency"), Column("Sector", width: 15), Column("Level", width: 9)]

    /// Every cluster's checkpoints, overdue first, then by due date.
    static func checkpoints(
        _ w: World, today: Day, in cluster: String? = nil, filter: CheckpointFilter = .all, region: String? = nil
    ) -> [ListRow] {
        var all = cluster.map { id in w.checkpoints.values.filter { $0.cluster == id } } ?? Array(w.checkpoints.values)
        if filter != .all { all = all.filter { filter.admits($0, on: today) } }
        if let region { all = all.filter { w.clusters[$0.cluster]?.region == region } }
        return Checkpoint.inUrgencyOrder(all, on: today).map { c in
            let status = c.status(on: today)
            var cells = ["\(status.mark) \(status.label)", c.due.description, c.title]
            if cluster == nil {
                cells.append(w.clusters[c.cluster]?.name ?? "")
                cells.append(c.doneBy ?? "")
            } else {
                cells.append(c.tickedBy() ?? "")
            }
            cells.append(c.evidence ?? "")
            return ListRow(id: c.id, cells: cells, style: style(status))
        }
    }

    static let checkpointColumns = [
        Column("Status", width: 10), Column("Due", width: 10), Column("Checkpoint"), Column("Cluster", width: 18),
        Column("Done by", width: 10, dropsBelow: 80), Column("Evidence", width: 24, from: 110),
    ]
    static let clusterCheckpointColumns = [
        Column("Status", width: 10), Column("Due", width: 10), Column("Checkpoint"), Column("Done by", width: 22, dropsBelow: 80),
        Column("Evidence", width: 24, from: 100),
    ]

    /// A member cluster's row carries its own status after the role (`groupingMemberColumns`).
    static func members(_ w: World, cluster: String, today: Day) -> [ListRow] {
        w.members(of: cluster).map { m in
            let cells = [w.memberName(m), m.memberType.label, m.lead ? "LEAD" : "", m.role]
            guard m.memberType == .cluster, w.clusters[m.memberId] != nil else { return ListRow(id: m.id, cells: cells) }
            let status = memberStatus(w, cluster: m.memberId, today: today)
            return ListRow(id: m.id, cells: cells + status.cells, style: status.style)
        }
    }

    static let memberColumns = [Column("Member"), Column("Type", width: 7), Column("Lead", width: 4), Column("Role", width: 24)]

    static func style(_ status: CheckpointStatus) -> Style? {
        switch status {
        case .overdue: return Style(.overdue, bold: true)
        case .dueSoon: return Style(.dueSoon)
        case .done: return Style(.done)
        case .upcoming: return nil
        }
    }

    static func phases(_ phases: [Phase]) -> String {
        phases.map(\.short).joined(separator: ",")
    }
}

import CairnCore

/// The monitoring tables of `cairn export --format csv`: every measurement of a goal, and every
/// health check with its ratings and notes, one row each, clusters in name order.
extension CSVExport {
    static func measurementRows(_ w: World, clusterIDs: [String]) -> [[String]] {
        let goalsByCluster = Dictionary(grouping: w.goals.values, by: \.cluster)
        let byGoal = Dictionary(grouping: w.measurements.values, by: \.goal)
        var rows = [
            ["id", "cluster", "clusterName", "goal", "statement", "indicator", "date", "value", "unit", "by", "source", "ticked"]
        ]
        for id in clusterIDs {
            let goals = (goalsByCluster[id] ?? []).sorted { ($0.statement, $0.id) < ($1.statement, $1.id) }
            for g in goals {
                for m in (byGoal[g.id] ?? []).sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
                    rows.append([
                        m.id, id, w.clusters[id]?.name ?? "", g.id, g.statement, g.indicator, m.date.description, World.number(m.value),
                        g.unit, m.by, m.source, m.ticked ?? "",
                    ])
                }
            }
        }
        return rows
    }

    /// One column a rating (1 to 4, or empty when not rated) and one its note, for each item.
    static func assessmentRows(_ w: World, clusterIDs: [String]) -> [[String]] {
        let byCluster = Dictionary(grouping: w.assessments.values, by: \.cluster)
        var header = ["id", "cluster", "clusterName", "date", "by", "score"]
        for item in HealthItem.allCases { header += [item.rawValue, item.rawValue + "Note"] }
        var rows = [header]
        for id in clusterIDs {
            for a in (byCluster[id] ?? []).sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
                var row = [
                    a.id, id, w.clusters[id]?.name ?? "", a.date.description, a.by,
                    a.score.map { World.number(($0 * 100).rounded() / 100) } ?? "",
                ]
                for item in HealthItem.allCases { row += [a.rating(item).map(String.init) ?? "", a.note(item)] }
                rows.append(row)
            }
        }
        return rows
    }

    /// Links between schools, by the first school's name: all of them, or those touching one of
    /// `schools` (a cluster's).
    static func linkRows(_ w: World, schools: Set<String>?) -> [[String]] {
        let name = { (id: String) in w.schools[id]?.name ?? "" }
        let list = w.links.values.filter { schools == nil || schools!.contains($0.from) || schools!.contains($0.to) }
            .sorted {
                (name($0.from), name($0.to), $0.relation.rawValue, $0.id) < (name($1.from), name($1.to), $1.relation.rawValue, $1.id)
            }
        return [["id", "relation", "from", "fromName", "to", "toName", "phases", "on", "how", "notes"]]
            + list.map { l in
                [
                    l.id, l.relation.rawValue, l.from, name(l.from), l.to, name(l.to), l.phases.map(\.rawValue).joined(separator: " "),
                    l.on?.description ?? "", l.how?.rawValue ?? "", l.notes,
                ]
            }
    }
}

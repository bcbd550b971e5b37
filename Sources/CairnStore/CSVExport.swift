import CairnCore
import Foundation

/// `cairn export --format csv --what …`: one table for a spreadsheet, a header row and one record
/// per row, UTF-8. A text cell that a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, so it is shown as
/// text instead; a number in a number column (a baseline of -2.5) stays a number.
public enum CSVExport {
    public enum What: String, CaseIterable, Sendable {
        case schools, agencies, clusters, members, checkpoints, goals, actions, measurements, assessments, links
    }

    public static func rows(_ what: What, world w: World, cluster: String? = nil, today: Day) -> [[String]] {
        let clusterIDs = cluster.map { [$0] } ?? NameOrder.sorted(w.clusters.values, by: \.name, id: \.id).map(\.id)
        let memberIDs = Set(w.memberships.values.filter { cluster == nil || $0.cluster == cluster }.map(\.memberId))
        let n = { (v: Double?) in v.map(World.number) ?? "" }
        switch what {
        case .schools:
            let schools = w.schools.values.filter { cluster == nil || memberIDs.contains($0.id) }
            return records(NameOrder.sorted(schools, by: \.name, id: \.id))
        case .agencies:
            let agencies = w.agencies.values.filter { cluster == nil || memberIDs.contains($0.id) }
            return records(NameOrder.sorted(agencies, by: \.name, id: \.id))
        case .clusters:
            return [
                [
                    "id", "officialId", "name", "kind", "formality", "region", "lead", "schools", "agencies", "startedOn", "fundingSource",
                    "fundingEndsOn", "purpose",
                ]
            ]
                + clusterIDs.compactMap { w.clusters[$0] }.map { c in
                    let members = w.members(of: c.id)
                    return [
                        c.id, c.officialId ?? "", c.name, c.kind.rawValue, c.formality?.rawValue ?? "", c.region,
                        w.lead(of: c.id).map { w.memberName($0) } ?? "",
                        "\(members.filter { $0.memberType == .school }.count)", "\(members.filter { $0.memberType == .agency }.count)",
                        c.startedOn?.description ?? "", c.fundingSource, c.fundingEndsOn?.description ?? "", c.purpose,
                    ]
                }
        case .members:
            return [["cluster", "clusterName", "type", "id", "name", "role", "responsibilities", "lead"]]
                + clusterIDs.flatMap { id in
                    w.members(of: id).map { m in
                        [
                            id, w.clusters[id]?.name ?? "", m.memberType.rawValue, m.memberId, w.memberName(m), m.role, m.responsibilities,
                            m.lead ? "yes" : "no",
                        ]
                    }
                }
        case .checkpoints:
            // Cluster by cluster, in one sort led by the cluster's place: grouping 100,000
            // checkpoints into the cluster index cost more than the table itself.
            let place = Dictionary(uniqueKeysWithValues: clusterIDs.enumerated().map { ($1, $0) })
            let list = w.checkpoints.values.filter { place[$0.cluster] != nil }
            return [["id", "cluster", "clusterName", "title", "due", "status", "doneOn", "doneBy", "evidence"]]
                + Checkpoint.inUrgencyOrder(list, on: today, group: list.map { place[$0.cluster]! }).map { c in
                    [
                        c.id, c.cluster, w.clusters[c.cluster]?.name ?? "", c.title, c.due.description, c.status(on: today).rawValue,
                        c.doneOn?.description ?? "", c.doneBy ?? "", c.evidence ?? "",
                    ]
                }
        case .goals:
            return [
                [
                    "id", "cluster", "statement", "indicator", "unit", "baseline", "baselineDate", "target", "deadline", "priority",
                    "direction", "owner", "latest", "status", "contributesTo",
                ]
            ]
                + clusterIDs.flatMap { id in
                    w.goals(of: id).map { g in
                        let p = w.progress(of: g, on: today)
                        return [
                            g.id, id, g.statement, g.indicator, g.unit, n(g.baseline), g.baselineDate?.description ?? "", n(g.target),
                            g.deadline?.description ?? "", g.priority.rawValue, g.direction.rawValue,
                            g.owner.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "", n(p.latest?.value), p.status.rawValue,
                            g.contributesTo.flatMap { w.goals[$0]?.statement } ?? "",
                        ]
                    }
                }
        case .actions:
            return [["id", "cluster", "goal", "description", "responsible", "class", "start", "due", "status", "note"]]
                + clusterIDs.flatMap { id in
                    w.actions(of: id).map { a in
                        [
                            a.id, id, a.goal.flatMap { w.goals[$0]?.statement } ?? "", a.description,
                            a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "", a.actionClass.rawValue,
                            a.start?.description ?? "", a.due?.description ?? "", a.status.rawValue, a.note,
                        ]
                    }
                }
        case .measurements: return measurementRows(w, clusterIDs: clusterIDs)
        case .assessments: return assessmentRows(w, clusterIDs: clusterIDs)
        case .links: return linkRows(w, schools: cluster == nil ? nil : memberIDs)
        }
    }

    /// A cell as written: one a spreadsheet would take for a formula gets a leading `'`.
    public static func safe(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// The columns that hold numbers: what reads as one there is left as it is.
    static let numberColumns: Set<String> = ["baseline", "target", "latest", "value", "score"]

    static func isNumber(_ cell: String) -> Bool {
        guard let n = Double(cell), n.isFinite else { return false }
        return !cell.contains { $0.isLetter && $0 != "e" && $0 != "E" }  // not "-inf"; "-2.5" and "1e3" are numbers
    }

    /// The rows as RFC 4180 text: comma-separated, a field quoted (its quotes doubled) when it
    /// holds a quote, a comma or a line break, rows ended by LF. Written byte by byte: a
    /// general CSV writer looked for quotes through Foundation, a slow step paid for every cell
    /// of a national store's checkpoints.
    public static func data(_ rows: [[String]]) throws(StoreError) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 128)
        let numbers = Set((rows.first ?? []).indices.filter { numberColumns.contains(rows[0][$0]) })
        for (r, row) in rows.enumerated() {
            for (i, cell) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                field(r > 0 && numbers.contains(i) && isNumber(cell) ? cell : safe(cell), into: &out)
            }
            out.append(0x0A)
        }
        return Data(out)
    }

    static func field(_ cell: String, into out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            let quoted = bytes.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }
            guard quoted else { return out.append(contentsOf: bytes) }
            out.append(0x22)
            for b in bytes {
                out.append(b)
                if b == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }
}

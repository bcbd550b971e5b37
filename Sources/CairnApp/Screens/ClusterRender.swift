import CairnCore
import TermUI

extension AppState {
    func renderCluster(_ s: ClusterScreen, into canvas: inout Canvas, area: Rect) {
        guard let c = world.clusters[s.clusterID] else { return }
        let sum = s.summary?.revision == world.revision ? s.summary! : ClusterSummary(world, cluster: c.id, today: today)
        var facts = [c.kind.label]
        if let f = c.formality { facts.append(f.label) }
        if !c.region.isEmpty { facts.append("region: \(c.region)") }
        if let id = c.officialId { facts.append("id \(id)") }
        canvas.put(c.name, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(facts.joined(separator: " · "), x: 1, y: area.y + 1, maxWidth: area.width - 2)
        canvas.put("Lead: ", x: 1, y: area.y + 2, style: .muted)
        canvas.put(sum.lead ?? "no lead yet", x: 7, y: area.y + 2, maxWidth: area.width / 2 - 8, style: Style(.normal, bold: true))
        let counts =
            "\(sum.schools) school\(sum.schools == 1 ? "" : "s") · \(sum.agencies) agenc\(sum.agencies == 1 ? "y" : "ies")"
            + " · \(sum.gaps == 0 ? "no gaps" : "\(sum.gaps) gap\(sum.gaps == 1 ? "" : "s")")"
        canvas.put(counts, x: area.width / 2, y: area.y + 2, maxWidth: area.width / 2 - 1)
        var next = "Next due: nothing open"
        var nextStyle = Style.plain
        if let n = sum.next {
            let st = n.status(on: today)
            next = "Next due: \(n.due) \(n.title) (\(st.mark) \(st.word))"
            if st == .overdue { nextStyle = Style(.overdue, bold: true) }
        }
        canvas.put(next, x: 1, y: area.y + 3, maxWidth: area.width - 2, style: nextStyle)
        // Counts where a tab's own list does not show them at once; all dropped if even that does not fit.
        var titles = ClusterTab.allCases.map { tab in sum.count(tab).map { "\(tab.title) (\($0))" } ?? tab.title }
        if titles.reduce(0, { $0 + DisplayWidth.of($1) + 3 }) - 1 > area.width { titles = ClusterTab.allCases.map(\.title) }
        Chrome.tabs(titles, active: s.tab, into: &canvas, y: area.y + 4, numbered: false)
        var list = s.lists[s.tab]
        let listArea = Rect(x: 0, y: area.y + 5, width: area.width, height: area.height - 5)
        if s.current == .health, let latest = sum.health.latest {
            let h = sum.health
            var line = "\(latest.date), \(latest.by): \(String(format: "%.1f", h.score ?? 0)) of 4 · weakest: \(h.weakestPoint)"
            if let before = h.previous { line += " · Δ since \(before.date)" }
            canvas.put(
                line, x: 1, y: listArea.y, maxWidth: area.width - 2, style: h.fundingEndsSoon != nil ? Style(.overdue, bold: true) : .accent
            )
            renderList(
                &list, columns: s.current.columns, into: &canvas,
                area: Rect(x: 0, y: listArea.y + 1, width: area.width, height: listArea.height - 1), empty: "")
            return
        }
        if s.current == .coverage {
            let cov = s.regionCoverage ? world.coverage(ofRegion: c.region) : sum.coverage
            let scope = s.regionCoverage ? "Region \(c.region) (\(cov.clusters) clusters): " : ""
            let note =
                scope + (cov.gapSentences.isEmpty ? "Every core service takes part locally." : cov.gapSentences.joined(separator: "; "))
            canvas.put(
                note, x: 1, y: area.maxY - 1, maxWidth: area.width - 2,
                style: cov.gapSentences.isEmpty ? .muted : Style(.overdue, bold: true))
            renderList(
                &list, columns: s.current.columns, into: &canvas,
                area: Rect(x: 0, y: listArea.y, width: area.width, height: listArea.height - 1), empty: "")
            return
        }
        renderList(&list, columns: s.current.columns, into: &canvas, area: listArea, empty: s.current.emptyMessage)
    }

    func renderRecord(_ s: RecordScreen, into canvas: inout Canvas, area: Rect) {
        var facts: [(String, String)] = []
        let name: String
        if s.type == .school, let r = world.schools[s.id] {
            name = r.name
            facts = [
                ("Official id", r.officialId ?? "—"), ("Phases", r.phases.map(\.label).joined(separator: ", ")),
                ("Municipality", r.municipality), ("Contact", r.contactPerson), ("E-mail", r.email), ("Phone", r.phone), ("Notes", r.notes),
            ]
        } else if let r = world.agencies[s.id] {
            name = r.name
            facts = [
                ("Sector", r.sector.label), ("Level", r.level.label), ("Contact", r.contactPerson), ("E-mail", r.email),
                ("Phone", r.phone), ("Notes", r.notes),
            ]
        } else {
            return
        }
        canvas.put(name, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(s.type == .school ? "school" : "agency", x: 1, y: area.y + 1, style: .muted)
        for (i, (label, value)) in facts.enumerated() {
            canvas.put(label, x: 2, y: area.y + 2 + i, maxWidth: 14, style: .muted)
            canvas.put(
                value.isEmpty ? "—" : value.replacingOccurrences(of: "\n", with: " "), x: 17, y: area.y + 2 + i, maxWidth: area.width - 18)
        }
        let top = area.y + 3 + facts.count
        canvas.put("Member of", x: 1, y: top, style: .title)
        var list = s.clusters
        renderList(
            &list, columns: [Column("Cluster"), Column("Lead", width: 4), Column("Role", width: 28)], into: &canvas,
            area: Rect(x: 0, y: top + 1, width: area.width, height: area.maxY - top - 1), empty: "Not a member of any cluster yet.")
    }

    func renderPicker(_ p: PickerScreen, into canvas: inout Canvas, area: Rect) {
        let cluster = world.clusters[p.clusterID]?.name ?? ""
        canvas.put("Add a member to \(cluster)", x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(
            "Type to filter; Enter picks; choose “+ New …” to create one (what you typed becomes its name).", x: 1, y: area.y + 1,
            maxWidth: area.width - 2, style: .muted)
        var list = p.list
        renderList(
            &list, columns: [Column("Name"), Column("Type", width: 7), Column("Where / sector", width: 20)], into: &canvas,
            area: Rect(x: 0, y: area.y + 2, width: area.width, height: area.height - 2), empty: "")
    }
}

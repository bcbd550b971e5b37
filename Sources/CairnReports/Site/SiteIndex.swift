import CairnCore
import Foundation

/// The site's front page: the groupings with their members (when the store has any), then
/// every cluster with how it stands, each linking to its page.
enum SiteIndex {
    static func html(world w: World, links: SiteLinks, today: Day, stamp: String) -> String {
        let esc = HTMLReport.esc
        let clusters = NameOrder.sorted(links.order.compactMap { w.clusters[$0] }, by: \.name, id: \.id)
        let groupings = clusters.filter { links.isGrouping($0.id) }
        var body = "<header><h1>Clusters</h1><p class=\"facts\">\(esc(stamp)) · "
        body += esc(Report.counted(clusters.count, "cluster"))
        if !groupings.isEmpty { body += esc(", of them \(Report.counted(groupings.count, "grouping")) of clusters") }
        body += "</p></header>"
        if !groupings.isEmpty { body += groupingsSection(groupings, w, links) }
        body += clusterTable(clusters, w, links, today)
        return SitePage.html(title: "Clusters", nav: "", body: body, stamp: stamp)
    }

    /// Each grouping, linking to its roll-up and its own page, with its member clusters (each
    /// linking to its page) and its schools and agencies by name.
    static func groupingsSection(_ groupings: [Cluster], _ w: World, _ links: SiteLinks) -> String {
        var out = "<section id=\"groupings\"><h2>Groupings</h2>"
        for g in groupings {
            let members = w.members(of: g.id)
            let inner = members.filter { $0.memberType == .cluster && w.clusters[$0.memberId] != nil }
            out += "<h3>" + links.anchor(links.rollUp(of: g.id), g.name) + "</h3><p>"
            out += HTMLReport.esc("\(g.kind.label) · \(Report.counted(inner.count, "member cluster")) · ")
            out += links.anchor(links.rollUp(of: g.id), "roll-up") + " · " + links.anchor(links.page(of: g.id), "its own plan and goals")
            out += "</p><ul>"
            for m in inner { out += "<li>" + links.anchor(links.page(of: m.memberId), w.memberName(m)) + "</li>" }
            out += "</ul>"
            let others = members.filter { $0.memberType != .cluster }
            if !others.isEmpty {
                out += "<p>Schools and agencies: " + HTMLReport.esc(others.map { w.memberName($0) }.joined(separator: "; ")) + ".</p>"
            }
        }
        return out + "</section>"
    }

    /// One row a cluster: its name (the link), what is overdue or due next, health, region, kind
    /// and how many members.
    static func clusterTable(_ clusters: [Cluster], _ w: World, _ links: SiteLinks, _ today: Day) -> String {
        let members = w.membersByCluster()
        // What needs attention beside the name, so that a phone shows it before scrolling sideways.
        let header = ["Cluster", "Checkpoints", "Health (1 fragile, 4 solid)", "Region", "Kind", "Members"]
        var rows = "<table><thead><tr>" + header.map { "<th>\(HTMLReport.esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for c in clusters {
            let s = w.standing(of: c.id, on: today)
            let health = s.health.score.map { String(format: "%.1f", $0) + ", weakest: " + s.health.weakestPoint } ?? "not assessed"
            let due =
                s.overdue > 0
                ? "\(s.overdue) overdue" : s.nextDue.map { "next: \($0.due) \($0.title)" } ?? "nothing open"
            let cells = [
                links.anchor(links.page(of: c.id), c.name),
                s.overdue > 0 ? "<span class=\"gap\">\(HTMLReport.esc(due))</span>" : HTMLReport.esc(due), HTMLReport.esc(health),
                HTMLReport.esc(c.region), HTMLReport.esc(c.kind.label), "\(members[c.id]?.count ?? 0)",
            ]
            rows += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return "<section id=\"clusters\"><h2>Clusters</h2>" + rows + "</tbody></table></section>"
    }
}

import CairnCore
import CairnWords
import Foundation

/// The site's front page: the groupings with their members (when the store has any), then
/// every cluster with how it stands, each linking to its page.
enum SiteIndex {
    static func html(world w: World, links: SiteLinks, today: Day, stamp: String) -> String {
        let esc = HTMLReport.esc
        let clusters = NameOrder.sorted(links.order.compactMap { w.clusters[$0] }, by: \.name, id: \.id)
        let groupings = clusters.filter { links.isGrouping($0.id) }
        let title = Words.say("Clusters", context: "site")
        var body = "<header><h1>\(esc(title))</h1><p class=\"facts\">\(esc(stamp)) · "
        body += esc(Words.count("{count} cluster", "{count} clusters", clusters.count, context: "report"))
        if !groupings.isEmpty {
            body += esc(
                ", "
                    + Words.count(
                        "of them {count} grouping of clusters", "of them {count} groupings of clusters", groupings.count, context: "site"))
        }
        body += "</p></header>"
        if !groupings.isEmpty { body += groupingsSection(groupings, w, links) }
        body += clusterTable(clusters, w, links, today)
        return SitePage.html(title: title, nav: "", body: body, stamp: stamp)
    }

    /// Each grouping, linking to its roll-up and its own page, with its member clusters (each
    /// linking to its page) and its schools and agencies by name.
    static func groupingsSection(_ groupings: [Cluster], _ w: World, _ links: SiteLinks) -> String {
        var out = "<section id=\"groupings\"><h2>\(HTMLReport.esc(Words.say("Groupings", context: "site")))</h2>"
        for g in groupings {
            let members = w.members(of: g.id)
            let inner = members.filter { $0.memberType == .cluster && w.clusters[$0.memberId] != nil }
            out += "<h3>" + links.anchor(links.rollUp(of: g.id), g.name) + "</h3><p>"
            out += HTMLReport.esc(
                "\(g.kind.label) · \(Words.count("{count} member cluster", "{count} member clusters", inner.count, context: "site")) · ")
            out += links.anchor(links.rollUp(of: g.id), Words.say("roll-up", context: "site")) + " · "
            out += links.anchor(links.page(of: g.id), Words.say("its own plan and goals", context: "site"))
            out += "</p><ul>"
            for m in inner { out += "<li>" + links.anchor(links.page(of: m.memberId), w.memberName(m)) + "</li>" }
            out += "</ul>"
            let others = members.filter { $0.memberType != .cluster }
            if !others.isEmpty {
                let names = others.map { w.memberName($0) }.joined(separator: "; ")
                out += "<p>" + HTMLReport.esc(Words.say("Schools and agencies: {names}.", context: "site", ["names": names])) + "</p>"
            }
        }
        return out + "</section>"
    }

    /// One row a cluster: its name (the link), what is overdue or due next, health, region, kind
    /// and how many members.
    static func clusterTable(_ clusters: [Cluster], _ w: World, _ links: SiteLinks, _ today: Day) -> String {
        let members = w.membersByCluster()
        // What needs attention beside the name, so that a phone shows it before scrolling sideways.
        let header = [
            Words.say("Cluster", context: "column"), Report.checkpointsHeading, SiteWords.healthHead,
            Words.say("Region", context: "column"),
            Words.say("Kind", context: "report"), Words.say("Members", context: "report"),
        ]
        var rows = "<table><thead><tr>" + header.map { "<th>\(HTMLReport.esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for c in clusters {
            let s = w.standing(of: c.id, on: today)
            let health = SiteWords.health(s)
            let due =
                s.overdue > 0
                ? Words.count("{count} overdue", "{count} overdue", s.overdue, context: "site")
                : s.nextDue.map { Words.say("next: {day} {title}", context: "site", ["day": "\($0.due)", "title": $0.title]) }
                    ?? SiteWords.nothingOpen
            let cells = [
                links.anchor(links.page(of: c.id), c.name),
                s.overdue > 0 ? "<span class=\"gap\">\(HTMLReport.esc(due))</span>" : HTMLReport.esc(due), HTMLReport.esc(health),
                HTMLReport.esc(c.region), HTMLReport.esc(c.kind.label), "\(members[c.id]?.count ?? 0)",
            ]
            rows += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return "<section id=\"clusters\"><h2>\(HTMLReport.esc(Words.say("Clusters", context: "site")))</h2>" + rows
            + "</tbody></table></section>"
    }
}

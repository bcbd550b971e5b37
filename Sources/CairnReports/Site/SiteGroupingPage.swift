import CairnCore
import Foundation

/// A grouping's published page: its roll-up (drawn by the report's own renderer), then the
/// clusters within it, each linking to its page with how it stands.
enum SiteGroupingPage {
    static func html(_ g: Cluster, world w: World, links: SiteLinks, today: Day, stamp: String) -> String {
        let esc = HTMLReport.esc
        let report = Report.grouping(g, world: w, today: today)
        var nav = [links.anchor(SiteNames.index, "All clusters"), links.anchor(links.page(of: g.id), "Its own plan and goals")]
        for above in w.groupings(of: g.id) where links.isGrouping(above.id) {
            nav.append(links.anchor(links.rollUp(of: above.id), "Within \(above.name)"))
        }
        var body = "<header><h1>\(esc(report.title))</h1><p class=\"facts\">\(esc(report.facts))</p></header>"
        body += members(g, w, links, today)
        body += HTMLReport.sections(report)
        return SitePage.html(title: "\(g.name): roll-up", nav: nav.joined(separator: " "), body: body, stamp: stamp)
    }

    /// The member clusters with their health and what is overdue, and the schools and agencies.
    static func members(_ g: Cluster, _ w: World, _ links: SiteLinks, _ today: Day) -> String {
        let members = w.members(of: g.id)
        let inner = members.filter { $0.memberType == .cluster && w.clusters[$0.memberId] != nil }
        var out = "<section id=\"within\"><h2>Within this grouping</h2>"
        out += "<table><thead><tr><th>Cluster</th><th>Role</th><th>Health (1 fragile, 4 solid)</th><th>Checkpoints</th></tr></thead><tbody>"
        for m in inner {
            let s = w.standing(of: m.memberId, on: today)
            let health = s.health.score.map { String(format: "%.1f", $0) + ", weakest: " + s.health.weakestPoint } ?? "not assessed"
            let due =
                s.overdue > 0
                ? "<span class=\"gap\">\(s.overdue) overdue</span>" : HTMLReport.esc(s.nextDue.map { "next: \($0.due)" } ?? "nothing open")
            let name =
                links.isGrouping(m.memberId)
                ? links.anchor(links.rollUp(of: m.memberId), w.memberName(m)) : links.anchor(links.page(of: m.memberId), w.memberName(m))
            out += "<tr><td>\(name)</td><td>\(HTMLReport.esc(m.role))</td><td>\(HTMLReport.esc(health))</td><td>\(due)</td></tr>"
        }
        out += "</tbody></table>"
        let others = members.filter { $0.memberType != .cluster }
        if !others.isEmpty {
            out += "<p>Schools and agencies: " + HTMLReport.esc(others.map { w.memberName($0) }.joined(separator: "; ")) + ".</p>"
        }
        return out + "</section>"
    }
}

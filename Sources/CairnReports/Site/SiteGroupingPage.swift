import CairnCore
import CairnWords
import Foundation

/// A grouping's published page: its roll-up (drawn by the report's own renderer), then the
/// clusters within it, each linking to its page with how it stands.
enum SiteGroupingPage {
    static func html(_ g: Cluster, world w: World, links: SiteLinks, today: Day, stamp: String) -> String {
        let esc = HTMLReport.esc
        let report = Report.grouping(g, world: w, today: today)
        var nav = [
            links.anchor(SiteNames.index, SiteWords.allClusters),
            links.anchor(links.page(of: g.id), Words.say("Its own plan and goals", context: "site")),
        ]
        for above in w.groupings(of: g.id) where links.isGrouping(above.id) {
            nav.append(links.anchor(links.rollUp(of: above.id), SiteWords.within(above.name)))
        }
        var body = "<header><h1>\(esc(report.title))</h1><p class=\"facts\">\(esc(report.facts))</p></header>"
        body += members(g, w, links, today)
        body += HTMLReport.sections(report)
        let title = Words.say("{name}: roll-up", context: "site", ["name": g.name])
        return SitePage.html(title: title, nav: nav.joined(separator: " "), body: body, stamp: stamp)
    }

    /// The member clusters with their health and what is overdue, and the schools and agencies.
    static func members(_ g: Cluster, _ w: World, _ links: SiteLinks, _ today: Day) -> String {
        let members = w.members(of: g.id)
        let inner = members.filter { $0.memberType == .cluster && w.clusters[$0.memberId] != nil }
        let esc = HTMLReport.esc
        var out = "<section id=\"within\"><h2>\(esc(Words.say("Within this grouping", context: "site")))</h2>"
        let header = [
            Words.say("Cluster", context: "column"), Words.say("Role", context: "column"), SiteWords.healthHead, Report.checkpointsHeading,
        ]
        out += "<table><thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for m in inner {
            let s = w.standing(of: m.memberId, on: today)
            let health = SiteWords.health(s)
            let due =
                s.overdue > 0
                ? "<span class=\"gap\">\(esc(Words.count("{count} overdue", "{count} overdue", s.overdue, context: "site")))</span>"
                : esc(s.nextDue.map { Words.say("next: {day}", context: "site", ["day": "\($0.due)"]) } ?? SiteWords.nothingOpen)
            let name =
                links.isGrouping(m.memberId)
                ? links.anchor(links.rollUp(of: m.memberId), w.memberName(m)) : links.anchor(links.page(of: m.memberId), w.memberName(m))
            out += "<tr><td>\(name)</td><td>\(HTMLReport.esc(m.role))</td><td>\(HTMLReport.esc(health))</td><td>\(due)</td></tr>"
        }
        out += "</tbody></table>"
        let others = members.filter { $0.memberType != .cluster }
        if !others.isEmpty {
            let names = others.map { w.memberName($0) }.joined(separator: "; ")
            out += "<p>" + esc(Words.say("Schools and agencies: {names}.", context: "site", ["names": names])) + "</p>"
        }
        return out + "</section>"
    }
}

import CairnCore
import CairnWords
import Foundation

/// A static site of the store, before it is written: an index of the clusters (and of the
/// groupings with their members), a page for each cluster and a roll-up page for each
/// grouping. Each page is one self-contained XHTML file: styles inline, no script, no
/// network, links only to files beside it, so the folder reads from a USB stick or as e-mail
/// attachments. The calendars the cluster pages link to are named here and made by the
/// store's calendar export (`CalendarExport`), so that they hold what `c` on a cluster writes.
public struct Site: Sendable, Equatable {
    public struct Page: Sendable, Equatable {
        /// A plain file name (see `SiteNames`): no folder, no dot first.
        public var file: String
        public var html: String
    }

    /// The calendar file a cluster's page links to.
    public struct Calendar: Sendable, Equatable {
        public var cluster: String
        public var file: String
    }

    public var pages: [Page]
    public var calendars: [Calendar]

    /// Every page of `world`'s site as of `today`.
    ///
    /// - Parameter made: when the site is made, stated on every page with the store's revision
    ///   (as the plan states it), so that two copies on a table can be told apart.
    /// - Complexity: each cluster's records are read through the world's index by cluster:
    ///   O(records) for the whole site, plus each grouping's roll-up.
    public static func make(world w: World, today: Day, made: Date) -> Site {
        let links = SiteLinks(world: w)
        let stamp = Words.say(
            "Made {when} from revision {revision} of the store", context: "site", ["when": Report.stamp(made), "revision": "\(w.revision)"])
        var pages = [Page(file: SiteNames.index, html: SiteIndex.html(world: w, links: links, today: today, stamp: stamp))]
        var calendars: [Calendar] = []
        for id in links.order {
            guard let page = SiteClusterPage.html(id, world: w, links: links, today: today, made: made, stamp: stamp) else { continue }
            pages.append(Page(file: links.page(of: id), html: page))
            calendars.append(Calendar(cluster: id, file: links.calendar(of: id)))
        }
        for id in links.order where links.isGrouping(id) {
            guard let grouping = w.clusters[id] else { continue }
            pages.append(
                Page(
                    file: links.rollUp(of: id), html: SiteGroupingPage.html(grouping, world: w, links: links, today: today, stamp: stamp)))
        }
        return Site(pages: pages, calendars: calendars)
    }
}

/// Which file each cluster's pages and calendar are, and which clusters are groupings: worked
/// out once for the whole site, so that every link names the file that is written.
struct SiteLinks: Sendable, Equatable {
    /// Every cluster's id, in the order the stems were claimed (by id).
    var order: [String]
    var stems: [String: String]
    /// The clusters that have member clusters now.
    var groupings: Set<String>

    init(world w: World) {
        order = w.clusters.keys.sorted()
        var names = SiteNames()
        var stems: [String: String] = [:]
        for id in order { stems[id] = names.claim(name: w.clusters[id]?.name ?? "", id: id) }
        self.stems = stems
        var groupings: Set<String> = []
        for m in w.memberships.values where m.memberType == .cluster && m.isCurrent && w.clusters[m.memberId] != nil {
            if w.clusters[m.cluster] != nil { groupings.insert(m.cluster) }
        }
        self.groupings = groupings
    }

    func isGrouping(_ id: String) -> Bool { groupings.contains(id) }
    func page(of id: String) -> String { "\(stems[id] ?? "cluster").html" }
    func calendar(of id: String) -> String { "\(stems[id] ?? "cluster").ics" }
    func rollUp(of id: String) -> String { "\(stems[id] ?? "cluster").roll-up.html" }

    /// `<a href="FILE">NAME</a>`, the name escaped.
    func anchor(_ file: String, _ text: String) -> String {
        "<a href=\"\(HTMLReport.esc(file))\">\(HTMLReport.esc(text))</a>"
    }
}

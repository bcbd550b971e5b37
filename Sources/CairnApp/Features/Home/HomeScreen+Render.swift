import CairnCore
import CairnWords
import TermUI

extension HomeScreen {
    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let w = env.world
        let counts =
            env.firstLook.map { [$0.clusters.count, $0.schools, $0.agencies, $0.checkpoints] }
            ?? [w.clusters.count, w.schools.count, w.agencies.count, w.checkpoints.count]
        Chrome.tabs(Self.tabTitles(counts: counts, width: area.width), active: tab.rawValue, into: &canvas, y: area.y)

        let listArea = Rect(x: 0, y: area.y + 1, width: area.width, height: visibleRows(env) + 1)
        if env.storeIsEmpty {
            renderWelcome(into: &canvas, area: listArea)
            return
        }
        if showingTree {
            renderTree(into: &canvas, area: area, listArea: listArea, env)
            return
        }
        let columns = [Rows.clusterColumns, Rows.schoolColumns, Rows.agencyColumns, Rows.checkpointColumns][tab.rawValue]
        Layout.list(list, columns: columns, into: &canvas, area: listArea, empty: emptyMessage)
        drawLegend(into: &canvas, area: area)
    }

    /// Tab titles with their counts: whole words while they fit, then the last tabs' words
    /// shortened one by one ("4 Chk (25)"), so that no count is cut.
    static func tabTitles(counts: [Int], width: Int) -> [String] {
        func fits(_ t: [String]) -> Bool { t.reduce(0) { $0 + DisplayWidth.of($1) + 5 } - 1 <= width }
        var titles: [String] = []
        for shortened in 0...Tab.allCases.count {
            titles = Tab.allCases.map { tab in
                let word = tab.rawValue >= Tab.allCases.count - shortened ? tab.shortestTitle : tab.title
                return "\(word) (\(counts[tab.rawValue]))"
            }
            if fits(titles) { break }
        }
        return titles
    }

    /// The line under the list that says what its marks and counts mean, in whole words: on
    /// two rows when one is not enough (the list gives up a row for it).
    func legendLines(width: Int) -> [String] {
        let parts: [String]
        if showingTree {
            parts =
                list.filter.text.isEmpty
                ? [
                    Words.say("← → fold"),
                    Words.say("a grouping counts each cluster (Clu) and school (Sch) within once, and shows the weakest"),
                ]
                : [Words.say("each match with its path from the top"), Words.say("Esc shows the tree again")]
        } else if tab == .checkpoints {
            let filter = checkpointFilter.label
            let shown =
                region.map { Words.say("showing {filter} in {region} (f, R)", ["filter": filter, "region": $0]) }
                ?? Words.say("showing {filter} (f, R)", ["filter": filter])
            let days = CheckpointStatus.dueSoonDays
            parts = [
                Words.count("{count} overdue", "{count} overdue", overdueCount), shown,
                Words.count("! overdue ~ within {count} day ✓ done", "! overdue ~ within {count} days ✓ done", days),
            ]
        } else {
            return []
        }
        return Array(Layout.wrap(parts: parts, width: width - 2).prefix(2))
    }

    func drawLegend(into canvas: inout Canvas, area: Rect) {
        let lines = legendLines(width: area.width)
        for (i, line) in lines.enumerated() {
            canvas.put(line, x: 1, y: area.maxY - lines.count + i, maxWidth: area.width - 2, style: .muted)
        }
    }

    /// The tree of groupings, with a line under it that says what a grouping's row counts;
    /// before the world is whole, that it is being read.
    func renderTree(into canvas: inout Canvas, area: Rect, listArea: Rect, _ env: AppEnvironment) {
        if env.firstLook != nil {
            canvas.put(
                Words.say("Reading the whole store: the tree of groupings shows once it is read."), x: 2, y: listArea.y + 1,
                maxWidth: area.width - 4, style: .muted)
            return
        }
        Layout.list(list, columns: Rows.treeColumns, into: &canvas, area: listArea, empty: emptyMessage)
        drawLegend(into: &canvas, area: area)
    }

    /// Why the list is empty: no records, or none that the tab's filters let through.
    var emptyMessage: String {
        switch tab {
        case .clusters: return Words.say("No clusters yet. Press a to add one.")
        case .schools: return Words.say("No schools yet. Press a to add one, or add one from a cluster's Members tab.")
        case .agencies: return Words.say("No agencies yet. Press a to add one.")
        case .checkpoints:
            let filter = checkpointFilter.label
            switch (checkpointFilter == .all, region) {
            case (true, nil): return Words.say("No checkpoints yet. Open a cluster, go to Checkpoints, press a.")
            case (true, let region?):
                return Words.say("No checkpoints in {region}. f changes what is shown, R the region.", ["region": region])
            case (false, nil): return Words.say("No checkpoints {filter}. f changes what is shown, R the region.", ["filter": filter])
            case (false, let region?):
                return Words.say(
                    "No checkpoints {filter} in {region}. f changes what is shown, R the region.", ["filter": filter, "region": region])
            }
        }
    }

    /// An empty store says what to do first.
    func renderWelcome(into canvas: inout Canvas, area: Rect) {
        let width = area.width - 6
        // A key's words wrap under themselves, past the key, rather than being cut.
        func key(_ key: String, _ text: String) -> [(String, Style)] {
            Layout.wrap(text, width: width - 6).enumerated().map { ($0.offset == 0 ? "  \(key)   " : "      ") + $0.element }
                .map { ($0, .plain) }
        }
        func wrapped(_ text: String, _ style: Style) -> [(String, Style)] { Layout.wrap(text, width: width).map { ($0, style) } }
        let lines: [(String, Style)] =
            wrapped(Words.say("Welcome to Cairn."), .title) + [("", .plain)]
            + wrapped(Words.say("This store is empty. To begin:"), .plain) + [("", .plain)]
            + key("a", Words.say("add your first cluster of schools"))
            + key("x", Words.say("load example clusters: Portugal, Scotland, Flanders, England, Poland"))
            + key("?", Words.say("see every key")) + [("", .plain)]
            + wrapped(Words.say("Schools and agencies can be added from a cluster's Members tab."), .muted)
        for (i, (text, style)) in lines.enumerated() where area.y + 1 + i < area.maxY {
            canvas.put(text, x: 4, y: area.y + 1 + i, maxWidth: area.width - 6, style: style)
        }
    }
}

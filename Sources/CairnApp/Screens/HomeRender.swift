import CairnCore
import TermUI

extension AppState {
    func renderHome(into canvas: inout Canvas, area: Rect) {
        let counts = [world.clusters.count, world.schools.count, world.agencies.count, world.checkpoints.count]
        let titles = HomeScreen.tabs.enumerated().map { "\($0.element) (\(counts[$0.offset]))" }
        Chrome.tabs(titles, active: home.tab, into: &canvas, y: area.y)
        let listArea = Rect(x: 0, y: area.y + 1, width: area.width, height: area.height - 1)
        if world.isEmpty {
            renderWelcome(into: &canvas, area: listArea)
            return
        }
        var list = home.lists[home.tab]
        let columns = [Rows.clusterColumns, Rows.schoolColumns, Rows.agencyColumns, Rows.checkpointColumns][home.tab]
        renderList(&list, columns: columns, into: &canvas, area: listArea, empty: emptyMessage(home.tab))
        if home.tab == 3 {
            let overdue = home.overdueCount
            let shown = "showing \(home.checkpointFilter.rawValue)" + (home.region.map { " in \($0)" } ?? "") + " (f, R)"
            let legend = "\(overdue) overdue · \(shown) · ! overdue ~ within \(CheckpointStatus.dueSoonDays) days ✓ done"
            canvas.put(legend, x: 1, y: area.maxY - 1, maxWidth: area.width - 2, style: .muted)
        }
    }

    func emptyMessage(_ tab: Int) -> String {
        [
            "No clusters yet. Press a to add one.", "No schools yet. Press a to add one, or add one from a cluster's Members tab.",
            "No agencies yet. Press a to add one.", "No checkpoints yet. Open a cluster, go to Checkpoints, press a.",
        ][tab]
    }

    /// An empty store says what to do first.
    func renderWelcome(into canvas: inout Canvas, area: Rect) {
        let lines: [(String, Style)] = [
            ("Welcome to Cairn.", .title),
            ("", .plain),
            ("This store is empty. To begin:", .plain),
            ("", .plain),
            ("  a   add your first cluster of schools", .plain),
            ("  x   load example clusters: Portugal, Scotland, Flanders, England, Poland", .plain),
            ("  ?   see every key", .plain),
            ("", .plain),
            ("Schools and agencies can be added from a cluster's Members tab.", .muted),
        ]
        for (i, (text, style)) in lines.enumerated() where area.y + 1 + i < area.maxY {
            canvas.put(text, x: 4, y: area.y + 1 + i, maxWidth: area.width - 6, style: style)
        }
    }

    /// A list as a table, or a line saying why it is empty.
    func renderList(_ list: inout ListModel, columns: [Column], into canvas: inout Canvas, area: Rect, empty: String) {
        if list.visible.isEmpty {
            let message = list.rows.isEmpty ? empty : "Nothing matches “\(list.filter.text)”. Esc clears the filter."
            canvas.put(message, x: 2, y: area.y + 1, maxWidth: area.width - 4, style: .muted)
            return
        }
        let shown = list
        let table = Table(columns: columns, count: list.visible.count) { i in
            let row = shown.visibleRow(i)
            return (row.cells, row.style)
        }
        table.render(into: &canvas, area: area, cursor: &list.cursor)
    }
}

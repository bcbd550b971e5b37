import CairnCore
import CairnWords
import TermUI

extension ClusterScreen {
    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let w = env.world
        guard let c = w.clusters[clusterID] else { return }
        let sum = summary ?? ClusterSummary(w, cluster: c.id, today: env.today)
        var facts = [c.kind.label]
        if let f = c.formality { facts.append(f.label) }
        if let level = c.level { facts.append(Words.say("{level} level", ["level": level.label])) }
        if !c.region.isEmpty { facts.append(Words.say("region: {region}", ["region": c.region])) }
        if let id = c.officialId { facts.append(Words.say("id {id}", ["id": id])) }
        canvas.put(c.name, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(facts.joined(separator: " · "), x: 1, y: area.y + 1, maxWidth: area.width - 2)
        let leadX = 1 + canvas.put(Words.say("Lead:") + " ", x: 1, y: area.y + 2, style: .muted)
        // A grouping of clusters says its clusters, and schools and agencies only if it has some.
        let grouping = sum.memberClusters > 0
        let members =
            (grouping ? [Words.count("{count} cluster", "{count} clusters", sum.memberClusters)] : [])
            + (grouping && sum.schools == 0 ? [] : [Words.count("{count} school", "{count} schools", sum.schools)])
            + (grouping && sum.agencies == 0 ? [] : [Words.count("{count} agency", "{count} agencies", sum.agencies)])
        let gaps = sum.gaps == 0 ? Words.say("no gaps") : Words.count("{count} gap", "{count} gaps", sum.gaps)
        let counts = (members + [gaps]).joined(separator: " · ")
        // The counts keep their words at the line's end (longer in some languages than half the
        // line); the lead takes what they leave, a name's start at least.
        let countsX = max(leadX + 12, area.width - 1 - DisplayWidth.of(counts))
        canvas.put(counts, x: countsX, y: area.y + 2, maxWidth: area.width - countsX - 1)
        canvas.put(
            sum.lead ?? Words.say("no lead yet"), x: leadX, y: area.y + 2, maxWidth: countsX - leadX - 2, style: Style(.normal, bold: true))
        var next = Words.say("Next due: nothing open")
        var nextStyle = Style.plain
        if let n = sum.next {
            let st = n.status(on: env.today)
            // The status first: a long title is cut, never the word that says it is late.
            next = Words.say(
                "Next due: {mark} {status} {due} {title}",
                ["mark": st.mark, "status": st.label, "due": n.due.description, "title": n.title])
            if st == .overdue { nextStyle = Style(.overdue, bold: true) }
        }
        canvas.put(next, x: 1, y: area.y + 3, maxWidth: area.width - 2, style: nextStyle)
        Chrome.tabs(tabTitles(sum, width: area.width), active: tab.rawValue, into: &canvas, y: area.y + 4, numbered: false)
        var listArea = Rect(x: 0, y: area.y + 5, width: area.width, height: visibleRows(env) + 1)
        let healthLines = healthLines(sum, width: area.width)
        for line in healthLines {
            let style = sum.health.fundingEndsSoon != nil ? Style(.overdue, bold: true) : .accent
            canvas.put(line, x: 1, y: listArea.y, maxWidth: area.width - 2, style: style)
            listArea.y += 1
        }
        let note = coverageNote(env)
        for (i, line) in note.lines.enumerated() {
            canvas.put(
                line, x: 1, y: area.maxY - note.lines.count + i, maxWidth: area.width - 2,
                style: note.gaps ? Style(.overdue, bold: true) : .muted)
        }
        // A grouping's members show each member cluster's own status.
        let columns = tab == .members && grouping ? Rows.groupingMemberColumns : tab.columns
        Layout.list(list, columns: columns, into: &canvas, area: listArea, empty: tab.emptyMessage)
    }

    /// The latest health check's line over the Health tab, in whole words: on two rows when
    /// one is not enough (the list gives up a row for it).
    func healthLines(_ sum: ClusterSummary?, width: Int) -> [String] {
        guard tab == .health, let h = sum?.health, let latest = h.latest else { return [] }
        var parts = [
            Words.say(
                "{date}, {by}: {score} of 4",
                ["date": latest.date.description, "by": latest.by, "score": String(format: "%.1f", h.score ?? 0)]),
            Words.say("weakest: {point}", ["point": h.weakestPoint]),
        ]
        if let before = h.previous { parts.append(Words.say("Δ since {date}", ["date": before.date.description])) }
        return Array(Layout.wrap(parts: parts, width: width - 2).prefix(2))
    }

    /// The Coverage tab's note under the list, in whole words: on as many rows as it needs, up
    /// to three (the list gives them up), so that no absent sector is cut away.
    func coverageNote(_ env: AppEnvironment) -> (lines: [String], gaps: Bool) {
        guard tab == .coverage, let c = env.world.clusters[clusterID] else { return ([], false) }
        let cov = regionCoverage ? env.world.coverage(ofRegion: c.region) : summary?.coverage ?? env.world.coverage(of: clusterID)
        let scope =
            regionCoverage
            ? Words.count("Region {region} ({count} cluster):", "Region {region} ({count} clusters):", cov.clusters, ["region": c.region])
                + " " : ""
        let note =
            scope
            + (cov.gapSentences.isEmpty ? Words.say("Every core service takes part locally.") : cov.gapSentences.joined(separator: "; "))
        return (Array(Layout.wrap(note, width: max(10, env.width - 2)).prefix(3)), !cov.gapSentences.isEmpty)
    }

    /// Tab titles with their counts: full words while they fit, shorter words before any count is lost.
    func tabTitles(_ sum: ClusterSummary, width: Int) -> [String] {
        func titles(_ name: (ClusterTab) -> String) -> [String] {
            ClusterTab.allCases.map { tab in sum.count(tab).map { "\(name(tab)) (\($0))" } ?? name(tab) }
        }
        func fits(_ t: [String]) -> Bool { t.reduce(0) { $0 + DisplayWidth.of($1) + 3 } - 1 <= width }
        // Then the tabs with a count keep a word, the others take their shortest.
        let counted = titles { sum.count($0) == nil ? $0.shortestTitle : $0.shortTitle }
        for candidate in [titles(\.title), titles(\.shortTitle), counted] where fits(candidate) { return candidate }
        return titles(\.shortestTitle)
    }
}

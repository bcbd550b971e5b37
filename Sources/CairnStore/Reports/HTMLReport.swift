import CairnCore
import Foundation

/// A cluster's monitoring report as one self-contained HTML file: no scripts, no network, styles
/// inline, goal progress drawn as inline SVG bars, and print rules for A4. Written as well-formed
/// XHTML so that it can be checked with an XML parser.
public enum HTMLReport {
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let style = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }
        h1 { font-size: 18pt; margin-bottom: 2pt; } h2 { font-size: 13pt; border-bottom: 1.5pt solid #333; margin-top: 14pt; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; } th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        th { background: #eee; } .facts { color: #444; } .off-track, .overdue, .gap { color: #a00; font-weight: bold; } .on-track, .achieved { color: #060; }
        .at-risk { color: #a60; font-weight: bold; } section { page-break-inside: avoid; } tr { page-break-inside: avoid; }
        """

    static func table(_ header: [String], _ rows: [[String]], raw: Set<Int> = []) -> String {
        var out = "<table><thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for r in rows {
            out += "<tr>" + r.enumerated().map { "<td>\(raw.contains($0.offset) ? $0.element : esc($0.element))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// A bar of the share covered, with a tick where the time gone stands: readable on paper.
    static func bar(_ p: GoalProgress) -> String {
        let width = 120.0
        let covered = min(1, max(0, p.covered ?? 0)) * width
        let colour = p.status == .offTrack ? "#c33" : p.status == .atRisk ? "#d90" : "#2a7"
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"12\" role=\"img\" aria-label=\"\(p.status.rawValue)\">"
        svg += "<rect width=\"\(Int(width))\" height=\"12\" fill=\"#eee\" stroke=\"#999\"/>"
        svg += "<rect width=\"\(Int(covered))\" height=\"12\" fill=\"\(colour)\"/>"
        if let e = p.elapsed {
            svg += "<line x1=\"\(Int(e * width))\" y1=\"0\" x2=\"\(Int(e * width))\" y2=\"12\" stroke=\"#000\" stroke-width=\"2\"/>"
        }
        return svg + "</svg>"
    }

    static func page(_ title: String, _ body: String) -> String {
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>\(esc(title))</title><style>\(style)</style></head><body>\(body)</body></html>\n"
    }

    public static func cluster(_ id: String, world w: World, today: Day) -> String {
        guard let c = w.clusters[id] else { return "" }
        var body = "<header><h1>\(esc(c.name))</h1><p class=\"facts\">Monitoring report of \(today) · \(esc(c.kind.label))"
        if let f = c.formality { body += " · \(esc(f.label))" }
        if !c.region.isEmpty { body += " · region \(esc(c.region))" }
        body += "</p>"
        if !c.purpose.isEmpty { body += "<p><strong>Purpose.</strong> \(esc(c.purpose))</p>" }
        if let end = c.fundingEndsOn { body += "<p><strong>Funding.</strong> \(esc(c.fundingSource)), until \(end).</p>" }
        body += "</header>"
        body +=
            "<section id=\"members\"><h2>Members</h2>"
            + table(
                ["Member", "Type", "Role", "Responsibilities", "Lead"],
                w.members(of: id).map {
                    [w.memberName($0), $0.memberType.rawValue, $0.role, $0.responsibilities, $0.lead ? "lead" : ""]
                }) + "</section>"
        let goals = w.goals(of: id)
        body += "<section id=\"goals\"><h2>Goals</h2>"
        body +=
            goals.isEmpty
            ? "<p>No goals agreed yet.</p>"
            : table(
                ["Goal", "Baseline", "Latest", "Target", "Deadline", "Progress", "Status"],
                goals.map { g in
                    let p = w.progress(of: g, on: today)
                    return [
                        g.statement + " (" + g.indicator + ")", g.baseline.map { World.number($0) + g.unit } ?? "—",
                        p.latest.map { "\(World.number($0.value))\(g.unit) (\($0.date))" } ?? "—",
                        g.target.map { World.number($0) + g.unit } ?? "—",
                        g.deadline?.description ?? "—", bar(p), "<span class=\"\(p.status.rawValue)\">\(p.status.rawValue)</span>",
                    ]
                }, raw: [5, 6])
        body += "</section><section id=\"actions\"><h2>Actions</h2>"
        let actions = w.actions(of: id)
        body +=
            actions.isEmpty
            ? "<p>No actions agreed yet.</p>"
            : table(
                ["Class", "Action", "Responsible", "Status", "Due"],
                ActionClass.allCases.flatMap { cls in
                    actions.filter { $0.actionClass == cls }.map { a in
                        [
                            cls.rawValue, a.description, a.responsible.flatMap { w.memberships[$0] }.map { w.memberName($0) } ?? "nobody",
                            a.status.label, a.due?.description ?? "—",
                        ]
                    }
                })
        let checkpoints = w.checkpoints(of: id, on: today)
        body += "</section><section id=\"checkpoints\"><h2>Checkpoints</h2>"
        let overdue = checkpoints.filter { $0.isOverdue(on: today) }
        body +=
            overdue.isEmpty
            ? "<p>Nothing is overdue.</p>"
            : "<p class=\"overdue\">Overdue</p>" + table(["Checkpoint", "Was due"], overdue.map { [$0.title, $0.due.description] })
        let done = checkpoints.filter(\.isDone)
        if !done.isEmpty {
            body +=
                "<p>Done</p>"
                + table(
                    ["Checkpoint", "Done on", "By", "Evidence"],
                    done.map { [$0.title, $0.doneOn?.description ?? "", $0.doneBy ?? "", $0.evidence ?? ""] })
        }
        let gaps = w.gaps(in: id, on: today)
        body += "</section><section id=\"gaps\"><h2>Gaps</h2>"
        body +=
            gaps.isEmpty
            ? "<p>None: every part of the framework is in place.</p>"
            : "<ul>" + gaps.map { "<li class=\"gap\">\(esc($0.message))</li>" }.joined() + "</ul>"
        let h = w.health(of: id, on: today)
        body += "</section><section id=\"health\"><h2>Health check</h2>"
        if let latest = h.latest {
            body +=
                "<p>Of \(latest.date) by \(esc(latest.by)): \(String(format: "%.1f", h.score ?? 0)) of 4 (1 fragile, 4 solid). Weakest point: \(esc(h.weakestPoint)).</p>"
            body += table(
                ["Condition or challenge", "Rating", "Change", "Note"],
                HealthItem.allCases.map { item in
                    [
                        (item.isChallenge ? "against " : "") + item.label, latest.rating(item).map(String.init) ?? "—",
                        h.change(item).map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "", latest.note(item),
                    ]
                })
        } else {
            body += "<p>No health check yet.</p>"
        }
        let cov = w.coverage(of: id)
        body += "</section><section id=\"coverage\"><h2>Cross-sector coverage</h2>"
        body += table(
            ["Sector"] + Level.allCases.map(\.rawValue) + ["Goals it carries"],
            Sector.allCases.compactMap { s in
                guard Level.allCases.contains(where: { cov.count(s, $0) > 0 }) || cov.isGap(s, .local) else { return nil }
                return [s.label]
                    + Level.allCases.map { l in cov.count(s, l) > 0 ? "\(cov.count(s, l))" : cov.isGap(s, l) ? "none (gap)" : "" } + [
                        (cov.goals[s] ?? []).joined(separator: "; ")
                    ]
            })
        body += "</section>"
        return page(c.name, body)
    }

    public static func region(_ region: String, world w: World, today: Day) -> String {
        let key = Text.folded(region)
        let clusters = NameOrder.sorted(w.clusters.values.filter { Text.folded($0.region) == key }, by: \.name)
        let rows = clusters.map { c -> [String] in
            let h = w.health(of: c.id, on: today)
            let overdue = w.checkpoints.values.filter { $0.cluster == c.id && $0.isOverdue(on: today) }.count
            let off = w.goals(of: c.id).filter { w.progress(of: $0, on: today).status == .offTrack }.count
            return [
                c.name, h.score.map { String(format: "%.1f", $0) } ?? "—", h.weakestPoint, "\(overdue)", "\(off)",
                "\(w.gaps(in: c.id, on: today).count)",
            ]
        }
        let body =
            "<header><h1>Region \(esc(region))</h1><p class=\"facts\">Monitoring roll-up of \(today): \(clusters.count) clusters.</p></header>"
            + "<section id=\"clusters\"><h2>Clusters</h2>"
            + table(["Cluster", "Health", "Weakest point", "Overdue checkpoints", "Goals off track", "Gaps"], rows) + "</section>"
        return page("Region \(region)", body)
    }
}

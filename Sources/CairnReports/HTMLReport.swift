import CairnCore
import CairnWords
import Foundation

/// A report as one self-contained HTML file: no scripts, no network, styles inline, goal
/// progress drawn as inline SVG bars, and print rules for A4. Written as well-formed XHTML so
/// that it can be checked with an XML parser.
public enum HTMLReport {
    public static func cluster(_ id: String, world: World, today: Day) -> String {
        Report.cluster(id, world: world, today: today).map(render) ?? ""
    }

    public static func region(_ region: String, world: World, today: Day) -> String {
        render(Report.region(region, world: world, today: today))
    }

    /// A cluster's local action plan: each step starts a page.
    public static func plan(_ id: String, world: World, today: Day, made: Date) -> String {
        Report.plan(id, world: world, today: today, made: made).map(render) ?? ""
    }

    public static func render(_ report: Report) -> String {
        var body = "<header><h1>\(esc(report.title))</h1><p class=\"facts\">\(esc(report.facts))</p>"
        for note in report.notes { body += "<p><strong>\(esc(note.label)).</strong> \(esc(note.text))</p>" }
        body += "</header>" + sections(report)
        return
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(Words.language.code)\"><head><meta charset=\"utf-8\"/><title>\(esc(report.title))</title><style>\(style)</style></head><body\(report.pagePerSection ? " class=\"plan\"" : "")>\(body)</body></html>\n"
    }

    /// The report's sections, each under its heading: what a published cluster's page takes of
    /// the plan, so that the plan is drawn in one place.
    static func sections(_ report: Report) -> String {
        report.sections.map { section in
            "<section id=\"\(esc(section.id))\"><h2>\(esc(section.heading))</h2>" + section.blocks.map(html).joined() + "</section>"
        }.joined()
    }

    static func html(_ block: Report.Block) -> String {
        switch block {
        case .paragraph(let text, let tone): return "<p\(tone == .warning ? " class=\"gap\"" : "")>\(esc(text))</p>"
        case .subheading(let text, let tone): return "<h3\(tone == .warning ? " class=\"overdue\"" : "")>\(esc(text))</h3>"
        case .items(let items, let tone):
            let cls = tone == .warning ? " class=\"gap\"" : ""
            return "<ul>" + items.map { "<li\(cls)>\(esc($0))</li>" }.joined() + "</ul>"
        case .table(let t):
            var out = "<table><thead><tr>" + t.header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in t.rows { out += "<tr>" + row.map { "<td>\(cell($0))</td>" }.joined() + "</tr>" }
            return out + "</tbody></table>"
        }
    }

    static func cell(_ cell: Report.Cell) -> String {
        switch cell {
        case .text(let s): return esc(s)
        case .progress(let p): return bar(p) + " <span class=\"\(p.status.rawValue)\">\(esc(p.status.label))</span>"
        case .missing(let s): return "<span class=\"gap\">\(esc(s))</span>"
        }
    }

    /// Text as XHTML character data: markup escaped, and what XML forbids or a reader would
    /// act on (controls, bidirectional overrides, U+FFFE and U+FFFF) written visibly, so the
    /// page stays well-formed whatever a name holds.
    static func esc(_ s: String) -> String {
        let visible = Text.visible(s, keepLineBreaks: true)
        // One pass, and none for the common text with nothing to escape: a site of 3,000 pages
        // escapes millions of cells (Foundation's `replacingOccurrences` was half its time).
        // 0xEF leads the UTF-8 of U+FFFE and U+FFFF.
        guard visible.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) else {
            return visible
        }
        var out = ""
        out.reserveCapacity(visible.utf8.count + 16)
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let style = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }
        h1 { font-size: 18pt; margin-bottom: 2pt; } h2 { font-size: 13pt; border-bottom: 1.5pt solid #333; margin-top: 14pt; } h3 { font-size: 11pt; margin: 8pt 0 2pt; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; } th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        th { background: #eee; } .facts { color: #444; } .off-track, .overdue, .gap { color: #a00; font-weight: bold; } .on-track, .achieved { color: #060; }
        .at-risk { color: #a60; font-weight: bold; } section { page-break-inside: avoid; } tr { page-break-inside: avoid; break-inside: avoid; }
        thead { display: table-header-group; } h2, h3 { break-after: avoid; page-break-after: avoid; }
        body.plan section { page-break-inside: auto; break-inside: auto; }
        body.plan section + section { page-break-before: always; break-before: page; }
        """

    /// A bar of the share covered, with a tick where the time gone stands: readable on paper.
    static func bar(_ p: GoalProgress) -> String {
        let width = 120.0
        let covered = min(1, max(0, p.covered ?? 0)) * width
        let colour = p.status == .offTrack ? "#c33" : p.status == .atRisk ? "#d90" : "#2a7"
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"12\" role=\"img\" aria-label=\"\(esc(p.status.label))\">"
        svg += "<rect width=\"\(Int(width))\" height=\"12\" fill=\"#eee\" stroke=\"#999\"/>"
        svg += "<rect width=\"\(Int(covered))\" height=\"12\" fill=\"\(colour)\"/>"
        if let e = p.elapsed {
            svg += "<line x1=\"\(Int(e * width))\" y1=\"0\" x2=\"\(Int(e * width))\" y2=\"12\" stroke=\"#000\" stroke-width=\"2\"/>"
        }
        return svg + "</svg>"
    }
}

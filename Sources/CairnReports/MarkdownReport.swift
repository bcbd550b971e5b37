import CairnCore
import Foundation

/// A report as Markdown, for e-mail or print.
public enum MarkdownReport {
    public static func cluster(_ id: String, world: World, today: Day) -> String {
        Report.cluster(id, world: world, today: today).map(render) ?? ""
    }

    public static func region(_ region: String, world: World, today: Day) -> String {
        render(Report.region(region, world: world, today: today))
    }

    /// A cluster's local action plan.
    public static func plan(_ id: String, world: World, today: Day, made: Date) -> String {
        Report.plan(id, world: world, today: today, made: made).map(render) ?? ""
    }

    public static func render(_ report: Report) -> String {
        var out = ["# \(md(report.title, oneLine: true))", "", md(report.facts) + ".", ""]
        for note in report.notes { out += ["**\(md(note.label)).** \(md(note.text))", ""] }
        for section in report.sections {
            out += ["## \(md(section.heading, oneLine: true))", ""]
            for block in section.blocks { out += lines(block) + [""] }
        }
        return out.joined(separator: "\n")
    }

    static func lines(_ block: Report.Block) -> [String] {
        switch block {
        case .paragraph(let text, let tone): return [tone == .warning ? "**\(md(text))**" : md(text)]
        case .subheading(let text, let tone):
            return [tone == .warning ? "**\(md(text, oneLine: true))**" : "### \(md(text, oneLine: true))"]
        case .items(let items, _): return items.map { "- \(md($0))" }
        case .table(let t):
            let rows = t.rows.map { row in "| " + row.map { cell(text($0)) }.joined(separator: " | ") + " |" }
            return [
                "| " + t.header.map { cell(md($0, oneLine: true)) }.joined(separator: " | ") + " |",
                "|" + t.header.map { _ in " --- |" }.joined(),
            ] + rows
        }
    }

    static func text(_ cell: Report.Cell) -> String {
        switch cell {
        case .text(let s): return md(s, oneLine: true)
        case .progress(let p): return "\(p.status.label) `\(p.bar)`"
        case .missing(let s): return "**\(md(s, oneLine: true))**"
        }
    }

    /// A table cell's Markdown: a `|` in it would end the cell (both readers take `\|`).
    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

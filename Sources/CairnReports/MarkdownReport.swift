import CairnCore

/// A report as Markdown, for e-mail or print.
public enum MarkdownReport {
    public static func cluster(_ id: String, world: World, today: Day) -> String {
        Report.cluster(id, world: world, today: today).map(render) ?? ""
    }

    public static func region(_ region: String, world: World, today: Day) -> String {
        render(Report.region(region, world: world, today: today))
    }

    public static func render(_ report: Report) -> String {
        var out = ["# \(md(report.title))", "", md(report.facts) + ".", ""]
        for note in report.notes { out += ["**\(md(note.label)).** \(md(note.text))", ""] }
        for section in report.sections {
            out += ["## \(md(section.heading))", ""]
            for block in section.blocks { out += lines(block) + [""] }
        }
        return out.joined(separator: "\n")
    }

    static func lines(_ block: Report.Block) -> [String] {
        switch block {
        case .paragraph(let text, let tone): return [tone == .warning ? "**\(md(text))**" : md(text)]
        case .subheading(let text, let tone): return [tone == .warning ? "**\(md(text))**" : "### \(md(text))"]
        case .items(let items, _): return items.map { "- \(md($0))" }
        case .table(let t):
            let rows = t.rows.map { row in "| " + row.map { escape(text($0)) }.joined(separator: " | ") + " |" }
            return ["| " + t.header.map(md).joined(separator: " | ") + " |", "|" + t.header.map { _ in " --- |" }.joined()] + rows
        }
    }

    static func text(_ cell: Report.Cell) -> String {
        switch cell {
        case .text(let s): return md(s)
        case .progress(let p): return "\(p.status.rawValue) `\(p.bar)`"
        case .missing(let s): return "**\(md(s))**"
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Data as Markdown text: HTML in it escaped (a Markdown viewer would run a `<script>`), and
    /// controls written visibly, as on a terminal.
    static func md(_ s: String) -> String { Report.escapeMarkup(s) }
}

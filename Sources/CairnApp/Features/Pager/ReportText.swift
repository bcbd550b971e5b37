import CairnCore
import CairnReports

/// A cluster's report as the pager shows it (`v`): the same model the Markdown and HTML files
/// are drawn from, laid out for a terminal. A table's row is one line of its cells, each
/// labelled when the table has more than two columns, so that it reads at any width.
enum ReportText {
    static func lines(_ report: Report) -> [String] {
        var lines = [report.title.uppercased(), report.facts, ""]
        for note in report.notes { lines.append("\(note.label): \(note.text)") }
        if !report.notes.isEmpty { lines.append("") }
        for section in report.sections {
            lines.append("── \(section.heading) ──")
            for block in section.blocks {
                switch block {
                case .paragraph(let text, let tone): lines.append(mark(tone) + text)
                case .subheading(let text, let tone): lines.append(mark(tone) + text + ":")
                case .items(let items, let tone): lines += items.map { "  " + mark(tone) + "• " + $0 }
                case .table(let table): lines += rows(table)
                }
            }
            lines.append("")
        }
        return lines
    }

    static func mark(_ tone: Report.Tone) -> String { tone == .warning ? "! " : "" }

    static func rows(_ table: Report.Table) -> [String] {
        table.rows.map { row in
            let cells = row.map(text)
            if table.header.count <= 2 { return "  " + cells.filter { !$0.isEmpty }.joined(separator: ": ") }
            // A timeline (what falls due) reads as it is: date, kind, what.
            if table.header.first == "Date" { return "  " + cells.filter { !$0.isEmpty }.joined(separator: " · ") }
            // The first cell names the row; the others say what they are.
            let rest = zip(table.header.dropFirst(), cells.dropFirst()).filter { !$0.1.isEmpty }.map { header, cell in
                cell.lowercased() == header.lowercased() ? cell : "\(header.lowercased()) \(cell)"
            }
            return "  " + ([cells.first ?? ""] + rest).joined(separator: " · ")
        }
    }

    static func text(_ cell: Report.Cell) -> String {
        switch cell {
        case .text(let s): return s
        case .progress(let p): return "\(p.status.label) \(p.bar)"
        case .missing(let s): return "! " + s
        }
    }
}

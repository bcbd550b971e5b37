import CairnWords
import Foundation

/// A register read as a table: the delimiter found, the title and note lines above the real
/// header skipped, every data row with the line it starts on, and the rows that are broken.
public struct RegisterTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var cells: [String]
    }

    public var header: [String]
    public var headerLine: Int
    public var rows: [Row]
    public var delimiter: Character
    public var encoding: RegisterEncoding
    /// Rows that cannot be read as records, with why (more fields than the header).
    public var broken: [(line: Int, reason: String)]
    /// The lines of `broken` that a stray quote broke.
    public var strayQuotes: Set<Int> = []

    public static let delimiters: [Character] = [",", ";", "\t", "|"]

    public static func read(_ data: Data) throws(StoreError) -> RegisterTable {
        let decoded = try RegisterText.decode(data)
        let text = decoded.text
        let (delimiter, perRow) = detectDelimiter(text)
        let split = RegisterRows.split(text, delimiter: delimiter, rowDelimiters: perRow)
        let all = split.rows.map { Row(line: $0.line, cells: $0.cells.map(trimmed)) }
        let counts = all.map { $0.cells.reduce(0) { $1.isEmpty ? $0 : $0 + 1 } }
        let filledAt = all.indices.filter { counts[$0] >= 2 }
        guard !filledAt.isEmpty else { throw StoreError(Words.say("the register has no rows with two or more fields", context: "store")) }
        // The header is the first row nearly as full as the table's usual row: titles and notes above it have one cell.
        var widths: [Int: Int] = [:]
        for i in filledAt { widths[counts[i], default: 0] += 1 }
        let usual = widths.max { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value }!.key
        let headerRow = all[filledAt.first { counts[$0] >= max(2, (usual * 8 + 9) / 10) }!]
        var table = RegisterTable(
            header: headerRow.cells, headerLine: headerRow.line, rows: [], delimiter: delimiter, encoding: decoded.encoding,
            broken: split.broken.filter { $0.line > headerRow.line }, strayQuotes: split.strayQuotes)
        for r in all where r.line > headerRow.line {
            if r.cells.allSatisfy(\.isEmpty) { continue }  // blank rows, trailing or not
            if r.cells.count > headerRow.cells.count, r.cells[headerRow.cells.count...].contains(where: { !$0.isEmpty }) {
                table.broken.append(
                    (
                        r.line,
                        Words.count(
                            "{count} field where the header has {header}", "{count} fields where the header has {header}", r.cells.count,
                            context: "store",
                            ["header": String(headerRow.cells.count)])
                    ))

                continue
            }
            var cells = r.cells
            if cells.count < headerRow.cells.count { cells += Array(repeating: "", count: headerRow.cells.count - cells.count) }
            table.rows.append(Row(line: r.line, cells: Array(cells.prefix(headerRow.cells.count))))
        }
        table.broken.sort { $0.line < $1.line }
        return table
    }

    /// The delimiter that splits the first lines most consistently into more than one field,
    /// counting only outside quotes, and how many of it a row usually has.
    ///
    /// - Complexity: O(bytes of the first 40 lines).
    static func detectDelimiter(_ text: String) -> (Character, Int) {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).prefix(40)
        var best: (Character, Int, score: Int) = (",", 0, 0)
        for d in delimiters {
            let byte = d.asciiValue!
            var counts: [Int: Int] = [:]
            for line in lines {
                var inQuotes = false
                var n = 0
                for b in line {
                    if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if b == byte, !inQuotes { n += 1 }
                }
                if n > 0 { counts[n, default: 0] += 1 }
            }
            // Score: how many lines share the commonest count, weighted a little by the count itself.
            if let (n, lines) = counts.max(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value }),
                lines * 4 + n > best.score
            {
                best = (d, n, lines * 4 + n)
            }
        }
        return (best.0, best.1)
    }

    /// The cell without surrounding white space; most cells have none, and are returned as
    /// they are (Foundation's trimming bridges every string through NSString).
    static func trimmed(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last else { return cell }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return cell }
        return cell.trimmingCharacters(in: .whitespaces)
    }

    public static func name(_ d: Character) -> String {
        switch d {
        case ",": return Words.say("comma", context: "store")
        case ";": return Words.say("semicolon", context: "store")
        case "\t": return Words.say("tab", context: "store")

        default: return "“\(d)”"
        }
    }
}

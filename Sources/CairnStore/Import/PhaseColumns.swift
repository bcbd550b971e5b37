import CairnCore
import CairnWords

/// Registers that give phases as one yes/no column a phase ("Pré-escolar: sim", "1.º ciclo:
/// não"): a row whose column holds a yes gets that column's phases. `--phase-column
/// COLUMN=PHASE[,PHASE]` names one; a column whose header is a known phase word and whose
/// cells are all yes or no is guessed.
public struct PhaseColumn: Sendable, Equatable {
    public var column: Int
    public var phases: [Phase]
    public var guessed: Bool
}

public enum YesNo {
    /// Yes in the languages of the registers Cairn meets, compared case- and accent-blind.
    static let yes: Set<String> = [
        "1", "x", "✓", "✔", "yes", "y", "true", "sim", "s", "ja", "j", "oui", "tak", "kylla", "k", "si", "da", "igen",
    ]
    static let no: Set<String> = ["0", "no", "n", "false", "f", "nao", "nee", "nein", "non", "nie", "ei", "-", "—", "–"]

    /// True for a yes, false for a no or an empty cell, nil for anything else.
    public static func read(_ cell: String) -> Bool? {
        let k = Text.searchKey(cell.trimmingCharacters(in: .whitespaces))
        if k.isEmpty { return false }
        if yes.contains(k) { return true }
        if no.contains(k) { return false }
        return nil
    }
}

extension PhaseColumn {
    /// `COLUMN=PHASE[,PHASE]`, the column by its header or its number from 1.
    static func parse(_ spec: String, header: [String]) throws(StoreError) -> PhaseColumn {
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw StoreError(Words.say("--phase-column “{spec}”: use COLUMN=PHASE[,PHASE]", context: "store", ["spec": spec]))
        }
        guard let column = ColumnMapping.column(parts[0], in: header) else {
            throw StoreError(
                Words.say(
                    "--phase-column {spec}: the register has no column “{column}”", context: "store", ["spec": spec, "column": parts[0]]))

        }
        let (_, phases) = try PhaseTable.entry("x=" + parts[1], separator: "=", cite: "--phase-column “\(spec)”")
        return PhaseColumn(column: column, phases: phases, guessed: false)
    }

    /// The columns not mapped to a field whose header is a phase word ("Pre-school", "EB1",
    /// "Kleuter (j/n)") and whose cells all read as yes or no, with at least one yes.
    static func guess(header: [String], rows: [RegisterTable.Row], table: PhaseTable, taken: Set<Int>) -> [PhaseColumn] {
        header.indices.compactMap { i in
            // The header first: it rules out most columns without reading a row.
            guard !taken.contains(i), let phases = table.phases(for: stripYesNo(header[i])), yesCount(i, rows) != nil else { return nil }
            return PhaseColumn(column: i, phases: phases, guessed: true)
        }
    }

    /// The columns outside `taken` whose cells all read as yes or no (with at least one yes),
    /// and how many say yes: what the import screen offers to read as phases.
    public static func yesNoColumns(header: [String], rows: [RegisterTable.Row], taken: Set<Int>) -> [(column: Int, yes: Int)] {
        header.indices.filter { !taken.contains($0) }.compactMap { i in yesCount(i, rows).map { (i, $0) } }
    }

    /// How many rows say yes in `column`, when every cell there reads as yes or no and one is a yes.
    static func yesCount(_ column: Int, _ rows: [RegisterTable.Row]) -> Int? {
        var yes = 0
        for row in rows {
            guard column < row.cells.count, let v = YesNo.read(row.cells[column]) else { return nil }
            if v { yes += 1 }
        }
        return yes > 0 ? yes : nil
    }

    /// "Kleuter (j/n)" → "Kleuter": the hint a header gives that it holds yes or no.
    static func stripYesNo(_ header: String) -> String {
        var h = header.trimmingCharacters(in: .whitespaces)
        if h.hasSuffix("?") { h.removeLast() }
        if h.hasSuffix(")"), let open = h.lastIndex(of: "("), h[open...].contains("/") { h = String(h[..<open]) }
        return h.trimmingCharacters(in: .whitespaces)
    }
}

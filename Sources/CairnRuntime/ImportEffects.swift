import CairnApp
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// The import screen's reading of a register: the plan and its preview. `Interpreter` writes it.
enum ImportEffects {
    /// Changes are written this many at a time, each batch one commit (one flushed write).
    static let batch = 2_000

    /// The register read, the mapping, and the plan (nil when no column gives the name, which
    /// the preview says in the screen's terms).
    static func plan(_ request: ImportRequest, store: Store) throws -> (RegisterTable, ColumnMapping, ([Change], ImportSummary)?) {
        let expanded = (request.path as NSString).expandingTildeInPath
        let data = try RegisterFile.read(expanded, pipes: false)
        try RegisterFile.requireText(data, path: request.path)
        let table = try RegisterTable.read(data)
        var mapping = ColumnMapping()
        if request.maps.isEmpty {
            mapping = ColumnMapping.guess(header: table.header)
        } else {
            try mapping.apply(request.maps, header: table.header)
        }
        guard mapping.columns[.name] != nil else { return (table, mapping, nil) }
        var options = ImportOptions()
        options.exactMapping = true
        options.guessPhaseColumns = request.guessPhaseColumns
        options.maps = ImportField.allCases.filter { $0 != .clusterId && $0 != .clusterName }.compactMap { f in
            mapping.columns[f].map { "\(f.rawValue)=\($0 + 1)" }
        }
        // A cluster name without an id: clusters are matched by that name.
        switch (mapping.columns[.clusterId], mapping.columns[.clusterName]) {
        case (let id?, let name?): options.clusterBy = "\(id + 1),\(name + 1)"
        case (let id?, nil): options.clusterBy = "\(id + 1)"
        case (nil, let name?):
            options.clusterBy = "\(name + 1)"
            options.clusterByName = true
        case (nil, nil): break
        }
        options.phaseOverrides = request.phaseWords
        options.phaseColumns = request.phaseColumns
        return (table, mapping, try RegisterImport.plan(table, options: options, world: store.world))
    }

    /// "2539 added, 3 skipped": the counts that are not zero, short enough for the screen's last line.
    static func counts(_ s: ImportSummary) -> String {
        var parts: [String] = []
        if s.added > 0 { parts.append(Words.count("{count} added", "{count} added", s.added)) }
        if s.updated > 0 { parts.append(Words.count("{count} updated", "{count} updated", s.updated)) }
        if s.unchanged > 0 { parts.append(Words.count("{count} unchanged", "{count} unchanged", s.unchanged)) }
        if !s.skipped.isEmpty { parts.append(Words.count("{count} skipped", "{count} skipped", s.skipped.count)) }
        return parts.isEmpty ? Words.say("no rows to read") : parts.joined(separator: ", ")
    }

    /// "comma-separated", in the session's language.
    static func separated(_ delimiter: Character) -> String {
        switch delimiter {
        case ",": return Words.say("comma-separated")
        case ";": return Words.say("semicolon-separated")
        case "\t": return Words.say("tab-separated")
        default: return Words.say("separated by {delimiter}", ["delimiter": RegisterTable.name(delimiter)])
        }
    }

    /// The preview of a register, or why it cannot be read.
    static func preview(_ request: ImportRequest, store: Store) -> ScreenEvent {
        do {
            let (table, mapping, planned) = try plan(request, store: store)
            var format = [
                table.encoding.said, separated(table.delimiter),
                Words.say("header on line {line}", ["line": String(table.headerLine)]),
                Words.count("{count} row", "{count} rows", table.rows.count),
            ].joined(separator: ", ")
            // The encoding's name is kept in the warning: the screen marks the line by it.
            if table.encoding == .windows1252 { format = Words.say("not UTF-8: read as Windows-1252") + " · " + format }
            let fields = Dictionary(uniqueKeysWithValues: mapping.columns.map { ($0.key.rawValue, $0.value) })
            guard let (changes, summary) = planned else {
                var preview = ImportPreview(
                    format: format, header: table.header, sample: table.rows.prefix(3).map(\.cells),
                    fields: ImportField.schoolFields.map(\.rawValue), mapping: fields,
                    counts: Words.say("nothing to import yet"), changes: 0)
                preview.problem = Words.say("No column gives the names: choose one for “name” with ←/→")
                return .importPreviewed(preview)
            }
            var preview = ImportPreview(
                format: format, header: table.header, sample: table.rows.prefix(3).map(\.cells),
                fields: ImportField.schoolFields.map(\.rawValue), mapping: fields,
                counts: counts(summary), changes: changes.count)
            preview.phaseWords =
                summary.phaseWords.map { ImportPreview.PhaseWord(word: $0.word, phases: $0.phases.map(\.rawValue), rows: $0.rows) }
                + summary.unknownPhaseWords.map { ImportPreview.PhaseWord(word: $0.word, phases: nil, rows: $0.rows) }
            preview.phaseWords.sort { ($1.rows, $0.word) < ($0.rows, $1.word) }
            // Every column that holds only yes and no, with the phases it is read as (if any).
            let read = Dictionary(summary.phaseColumns.map { ($0.column, $0.phases.map(\.rawValue)) }, uniquingKeysWith: { a, _ in a })
            preview.yesNoColumns = PhaseColumn.yesNoColumns(header: table.header, rows: table.rows, taken: Set(mapping.columns.values))
                .map { ImportPreview.YesNoColumn(column: $0.column, phases: read[table.header[$0.column]] ?? [], yes: $0.yes) }
            preview.skipped = summary.skipped.map { Words.say("line {line}: {reason}", ["line": String($0.line), "reason": $0.reason]) }
            preview.duplicates = summary.possibleDuplicates.map {
                Words.say("line {line}: {reason}", ["line": String($0.line), "reason": $0.note])
            }
            preview.notes =
                (table.encoding == .windows1252 ? [summary.encodingWarning] : []) + summary.strayQuoteWarnings
                + summary.unreadableYesNoLines
                + summary.clusterLines(screen: true)
            return .importPreviewed(preview)
        } catch {
            return .importFailed("\(error)")
        }
    }
}

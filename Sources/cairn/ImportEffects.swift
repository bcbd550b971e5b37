import CairnApp
import CairnCore
import CairnStore
import Foundation

/// The import screen's reading of a register: the plan and its preview. `Interpreter` writes it.
enum ImportEffects {
    /// Changes are written this many at a time, each batch one commit (one flushed write).
    static let batch = 2_000

    static func plan(path: String, maps: [String], store: Store) throws -> (RegisterTable, ColumnMapping, [Change], ImportSummary) {
        let expanded = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded) else { throw StoreError("cannot read \(path)") }
        let table = try RegisterTable.read(data)
        var mapping = ColumnMapping()
        if maps.isEmpty { mapping = ColumnMapping.guess(header: table.header) } else { try mapping.apply(maps, header: table.header) }
        var options = ImportOptions()
        options.exactMapping = true
        options.maps = ImportField.allCases.filter { $0 != .clusterId && $0 != .clusterName }.compactMap { f in
            mapping.columns[f].map { "\(f.rawValue)=\($0 + 1)" }
        }
        if let id = mapping.columns[.clusterId] {
            options.clusterBy = "\(id + 1)" + (mapping.columns[.clusterName].map { ",\($0 + 1)" } ?? "")
        }
        let (changes, summary) = try RegisterImport.plan(table, options: options, world: store.world)
        return (table, mapping, changes, summary)
    }

    /// The preview of a register, or why it cannot be read.
    static func preview(path: String, maps: [String], store: Store) -> ScreenEvent {
        do {
            let (table, mapping, changes, summary) = try plan(path: path, maps: maps, store: store)
            var format =
                "\(table.encoding.rawValue), \(RegisterTable.name(table.delimiter))-separated, header on line \(table.headerLine), \(table.rows.count) rows"
            if table.encoding == .windows1252 { format = "not UTF-8: read as Windows-1252 · " + format }
            let preview = ImportPreview(
                format: format, header: table.header, sample: table.rows.prefix(3).map(\.cells),
                mapping: Dictionary(uniqueKeysWithValues: mapping.columns.map { ($0.key.rawValue, $0.value) }),
                summary: summary.report.filter { !$0.hasPrefix("columns:") && !$0.hasPrefix("read as") && !$0.hasPrefix("warning") },
                changes: changes.count)
            return .importPreviewed(preview)
        } catch {
            return .importFailed("\(error)")
        }
    }
}

import CairnApp
import CairnCore
import CairnStore
import CursesTerminal
import Foundation

/// The import screen's effects: reading a register for its preview, and writing it in batches
/// with the progress bar redrawn between them.
@MainActor
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

    static func preview(path: String, maps: [String], app: inout AppState, store: Store) -> [Effect] {
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
            return app.send(.importPreviewed(preview))
        } catch {
            return app.send(.importFailed("\(error)"))
        }
    }

    static func run(path: String, maps: [String], app: inout AppState, store: Store, terminal: CursesTerminal) -> [Effect] {
        do {
            let (_, _, changes, _) = try plan(path: path, maps: maps, store: store)
            var effects: [Effect] = []
            var done = 0
            while done < changes.count {
                let slice = Array(changes[done..<min(changes.count, done + batch)])
                try store.commit(slice, source: "import of \((path as NSString).lastPathComponent)")
                done += slice.count
                if done < changes.count {
                    effects += app.send(.importProgress(done: done, total: changes.count))
                    terminal.draw(app.render())
                }
            }
            effects += app.send(.worldChanged(store.world))
            effects += app.send(.importProgress(done: changes.count, total: changes.count))
            return effects
        } catch {
            return app.send(.importFailed("Not all written: \(error)")) + app.send(.worldChanged(store.world))
        }
    }
}

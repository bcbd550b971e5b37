import ArgumentParser
import CairnCore
import CairnStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole store (json) or one table for a spreadsheet (csv) to standard output.")
    @OptionGroup var options: StoreOptions
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @Option(help: "json (the whole store, lossless) or csv (one table: see --what).") var format: Format = .json
    @Option(help: "With --format csv: schools, agencies, clusters, members, checkpoints, goals or actions.") var what: CSVExport.What?
    @Option(help: "With --format csv: only this cluster's records (id or exact name).") var cluster: String?

    func validate() throws {
        switch format {
        case .json: if what != nil || cluster != nil { throw ValidationError("--what and --cluster go with --format csv") }
        case .csv:
            if what == nil {
                throw ValidationError("--format csv needs --what: \(CSVExport.What.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        let store = try options.open()
        switch format {
        case .json:
            var data = try JSONExport.data(store.world)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        case .csv:
            let clusterID = try cluster.map { try store.world.findCluster($0).id }
            let rows = CSVExport.rows(what ?? .schools, world: store.world, cluster: clusterID, today: Day.today())
            FileHandle.standardOutput.write(try CSVExport.data(rows))
        }
    }
}

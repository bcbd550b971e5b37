import ArgumentParser
import CairnCore
import CairnStore
import Foundation

extension CSVExport.What: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the whole store (json) or one table for a spreadsheet (csv) to standard output.")
    @OptionGroup var options: StoreOptions
    @Option(help: "json (the whole store, lossless) or csv (one table: see --what).") var format: String = "json"
    @Option(help: "With --format csv: schools, agencies, clusters, members, checkpoints, goals or actions.") var what: CSVExport.What?
    @Option(help: "With --format csv: only this cluster's records (id or exact name).") var cluster: String?

    func run() throws {
        let store = try options.open()
        switch format {
        case "json":
            if what != nil || cluster != nil { throw CLIError("--what and --cluster go with --format csv") }
            var data = try JSONExport.data(store.world)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        case "csv":
            guard let what else {
                throw CLIError("--format csv needs --what: \(CSVExport.What.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let clusterID = try cluster.map { c in try store.world.findCluster(c).id
            }
            let rows = CSVExport.rows(what, world: store.world, cluster: clusterID, today: Day.today())
            FileHandle.standardOutput.write(try CSVExport.data(rows))
        default:
            throw CLIError("export format “\(format)” is not known: use --format json or --format csv")
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify the store; exit non-zero when something is damaged.")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open()
        let check = try StoreCheck.run(store)
        print("store: \(store.directory.path)")
        print(check.report)
        if check.isDamaged { throw ExitCode(1) }
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Load the example clusters into the store.")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open()
        let changes = try Examples.changes(for: store.world, today: Day.today(), user: store.identity.user)
        if changes.isEmpty {
            print("the examples are already in \(store.directory.path)")
            return
        }
        let clusters = changes.filter { if case .put(.cluster) = $0 { return true } else { return false } }.count
        try perform(.carry(changes, summary: "Loaded \(clusters) example clusters"), on: store)
        print("loaded \(clusters) example clusters into \(store.directory.path)")
    }
}

import ArgumentParser
import CairnCore
import CairnStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the whole store to standard output.")
    @OptionGroup var options: StoreOptions
    @Option(help: "The output format: json.") var format: String = "json"

    func run() throws {
        guard format == "json" else { throw CLIError("export format “\(format)” is not known: use --format json") }
        let store = try options.open()
        var data = try JSONExport.data(store.world)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify the store; exit non-zero when something is damaged.")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open()
        let check = try attempt { () throws(StoreError) in try StoreCheck.run(store) }
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
        try validateAndCommit(changes, to: store)
        let clusters = changes.filter { if case .put(.cluster) = $0 { return true } else { return false } }.count
        print("loaded \(clusters) example clusters into \(store.directory.path)")
    }
}

func attempt<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError(error.message)
    }
}

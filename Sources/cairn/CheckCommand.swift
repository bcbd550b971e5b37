import ArgumentParser
import CairnCore
import CairnStore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify the store; exit non-zero when something is damaged or others can read it.")
    @OptionGroup var options: StoreOptions
    @Flag(help: "Write the snapshot (local/snapshot, the journals' cache for a quick start) anew from a full read.")
    var rebuild = false

    func run() throws {
        let store = try options.open()
        let check = try StoreCheck.run(store, rebuild: rebuild)
        print("store: \(store.directory.path)")
        print(check.report)
        if !check.isSound { throw ExitCode(1) }
    }
}

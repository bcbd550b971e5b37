import ArgumentParser
import CairnCore
import CairnStore
import Foundation

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

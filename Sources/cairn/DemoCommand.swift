import ArgumentParser
import CairnCore
import CairnStore
import Foundation

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

import ArgumentParser
import CairnStore
import Foundation

/// `cairn workshop CLUSTER`: the terminal UI, straight into workshop mode on one cluster.
struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop", abstract: "Walk a group through the four steps of the framework for a cluster.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The cluster (id or exact name).") var cluster: String

    func run() throws {
        try TerminalSession.run(options: options, workshop: cluster)
    }
}

import ArgumentParser
import CairnStore
import CairnWords
import Foundation

/// `cairn workshop CLUSTER`: the terminal UI, straight into workshop mode on one cluster.
struct WorkshopCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "workshop",
            abstract: Words.say("Walk a group through the four steps of the framework for a cluster.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String

    func run() throws {
        try TerminalSession.run(options: options, workshop: cluster)
    }
}

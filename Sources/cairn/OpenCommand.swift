import ArgumentParser
import CairnStore
import CairnWords
import Foundation

/// `cairn` alone: the terminal UI.
struct OpenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "open", abstract: Words.say("Open the terminal UI (the default).", context: "command"))
    }
    @OptionGroup var options: StoreOptions

    func run() throws {
        try TerminalSession.run(options: options)
    }
}

import ArgumentParser
import CairnStore
import Foundation

/// `cairn` alone: the terminal UI.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the terminal UI (the default).")
    @OptionGroup var options: StoreOptions

    func run() throws {
        try TerminalSession.run(options: options)
    }
}

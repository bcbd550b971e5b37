import CairnCore
import CairnRuntime
import CairnStore
import CairnWords
import CursesTerminal
import Foundation

/// The terminal UI's start: a real terminal, the store, and the run loop (`Session`) over them.
enum TerminalSession {
    /// - Parameter workshop: a cluster (id or exact name) to open in workshop mode at once.
    static func run(options: StoreOptions, workshop: String? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError(Words.say("cairn's screens need a terminal; without one, use the commands (cairn --help)", context: "cli"))
        }
        try MainActor.assumeIsolated {
            // Workshop mode needs the world to find its cluster before the terminal is taken;
            // Home can be drawn from the snapshot's first look while the world is read.
            let store = try options.open(readNow: workshop != nil)
            let cluster = try workshop.map { c in try store.world.findCluster(c).id }
            var ending = Session.Ending.quit(farewell: nil)
            do {
                try CursesTerminal.withTerminal { terminal in
                    let session = try Session(store: store, terminal: terminal, workshop: cluster, unread: workshop == nil)
                    ending = session.run()
                    // The link is gone: leave without restoring a terminal that is not there.
                    if ending == .hungUp { exit(129) }
                }
            } catch let error as TerminalError {
                throw CLIError(error.message)
            } catch let error as StoreError {
                throw CLIError(error.message)
            }
            // Once the terminal is itself again: where the unsaved form was kept.
            if case .quit(let farewell?) = ending { for line in farewell.split(separator: "\n") { printError(String(line)) } }
            store.saveSnapshotIfBehind()
        }
    }
}

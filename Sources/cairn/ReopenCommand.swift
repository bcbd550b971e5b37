import ArgumentParser
import CairnCore
import CairnStore

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a checkpoint that was ticked.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The checkpoint (id or exact title).") var checkpoint: String

    func run() throws {
        let store = try options.open()
        let found = try store.world.findCheckpoint(checkpoint)
        try perform(.reopen(checkpoint: found.id), on: store)
    }
}

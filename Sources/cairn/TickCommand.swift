import ArgumentParser
import CairnCore
import CairnStore

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Tick a checkpoint off as done, today, by you.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The checkpoint (id or exact title).") var checkpoint: String
    @Option(help: "A short note of the evidence.") var evidence: String = ""

    func run() throws {
        let store = try options.open()
        let found = try store.world.findCheckpoint(checkpoint)
        try perform(.tick(checkpoint: found.id, evidence: evidence), on: store)
    }
}

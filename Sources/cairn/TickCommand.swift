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
        let found = try attempt { () throws(CairnCore.ValidationError) in try store.world.findCheckpoint(checkpoint) }
        if found.isDone {
            throw CLIError("“\(found.title)” was already ticked by \(found.doneBy ?? "someone") on \(found.doneOn!)")
        }
        let ticked = found.ticked(by: store.identity.user, on: Day.today(), evidence: evidence)
        try validateAndCommit([.put(.checkpoint(ticked))], to: store)
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a checkpoint that was ticked.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The checkpoint (id or exact title).") var checkpoint: String

    func run() throws {
        let store = try options.open()
        let found = try attempt { () throws(CairnCore.ValidationError) in try store.world.findCheckpoint(checkpoint) }
        guard found.isDone else { throw CLIError("“\(found.title)” is not done, so there is nothing to reopen") }
        try validateAndCommit([.put(.checkpoint(found.reopened()))], to: store)
    }
}

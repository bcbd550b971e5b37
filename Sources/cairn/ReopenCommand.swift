import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct ReopenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "reopen", abstract: Words.say("Reopen a checkpoint that was ticked.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The checkpoint (id or exact title).", context: "option"))) var checkpoint: String

    func run() throws {
        let store = try options.open()
        let found = try store.world.findCheckpoint(checkpoint)
        try perform(.reopen(checkpoint: found.id), on: store)
    }
}

import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct TickCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tick",
            abstract: Words.say("Tick a checkpoint off as done by you, today or on an earlier day (--on).", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The checkpoint (id or exact title).", context: "option"))) var checkpoint: String
    @Option(help: ArgumentHelp(Words.say("A short note of the evidence.", context: "option"))) var evidence: String = ""
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Words.say("The day it was done: YYYY-MM-DD, yesterday or -3d; a later day is refused.", context: "option")))
    var on: String = "today"

    func run() throws {
        let store = try options.open()
        let found = try store.world.findCheckpoint(checkpoint)
        let day = try PastDay.parse(on, option: "--on")
        print(try perform(.tick(checkpoint: found.id, evidence: evidence, on: day), on: store).summary)
    }
}

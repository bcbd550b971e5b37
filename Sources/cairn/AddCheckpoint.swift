import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddCheckpoint: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "checkpoint", abstract: Words.say("Add a monitoring checkpoint to a cluster.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String
    @Option(help: ArgumentHelp(Words.say("What is to be verified.", context: "option"))) var title: String
    @Option(
        parsing: .unconditional, help: ArgumentHelp(Words.say("When: YYYY-MM-DD, today, tomorrow, +3d, +2w or +1m.", context: "option")))
    var due: String

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let found = try store.world.findCluster(cluster)
        let day = try DayInput.parse(due, today: today)
        let checkpoint = Checkpoint(cluster: found.id, title: title, due: day)
        try perform(.add(.checkpoint(checkpoint)), on: store)
        print(checkpoint.id)
    }
}

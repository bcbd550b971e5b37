import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct MeasureCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "measure", abstract: Words.say("Record a measurement of a goal's indicator.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The goal (id or exact statement).", context: "option"))) var goal: String
    @Option(parsing: .unconditional, help: ArgumentHelp(Words.say("The value measured.", context: "option"))) var value: String
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Words.say("When it was measured: YYYY-MM-DD, yesterday or -3d; a later day is refused.", context: "option")))
    var date: String =
        "today"
    @Option(help: ArgumentHelp(Words.say("Where the value comes from.", context: "option"))) var source: String = ""

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let g = try store.world.findGoal(goal)
        let day = try PastDay.parse(date, option: "--date", today: today)
        let m = Measurement(goal: g.id, value: try parseNumber(value, field: "value"), date: day, by: store.identity.user, source: source)
        if let warning = g.outlierWarning(m.value) {
            printError(
                Words.say(
                    "warning: {warning}; recorded as given (cairn edit {id} value=N corrects it)", context: "cli",
                    ["warning": warning, "id": m.id]))
        }
        let before = store.world
        let outcome = try perform(.measure(m), on: store)
        let progress = store.world.progress(of: g, on: today)
        print("\(g.statement): \(progress.status.rawValue) \(progress.bar)")
        for case .checkpoint(let c) in outcome.saved(from: before) {
            print(Words.say("ticked “{title}”", context: "cli", ["title": c.title]))
        }
    }
}

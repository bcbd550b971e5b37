import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct MeasureCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "measure", abstract: Words.say("Record a measurement of a goal's indicator.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The goal (id or exact statement).") var goal: String
    @Option(parsing: .unconditional, help: "The value measured.") var value: String
    @Option(parsing: .unconditional, help: "When it was measured: YYYY-MM-DD, yesterday or -3d; a later day is refused.") var date: String =
        "today"
    @Option(help: "Where the value comes from.") var source: String = ""

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let g = try store.world.findGoal(goal)
        let day = try PastDay.parse(date, option: "--date", today: today)
        let m = Measurement(goal: g.id, value: try parseNumber(value, field: "value"), date: day, by: store.identity.user, source: source)
        if let warning = g.outlierWarning(m.value) {
            printError("warning: \(warning); recorded as given (cairn edit \(m.id) value=N corrects it)")
        }
        let before = store.world
        let outcome = try perform(.measure(m), on: store)
        let progress = store.world.progress(of: g, on: today)
        print("\(g.statement): \(progress.status.rawValue) \(progress.bar)")
        for case .checkpoint(let c) in outcome.saved(from: before) { print("ticked “\(c.title)”") }
    }
}

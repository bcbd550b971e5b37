import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// `cairn measurements GOAL [--json]`: a goal's measurements, newest first, as its screen lists them.
struct MeasurementsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "measurements", abstract: Words.say("List a goal's measurements, newest first.", context: "command"),
            discussion: Words.say(
                "Each with its id (for cairn edit and cairn delete), date, value, who recorded it, its source and the checkpoint it ticked.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The goal (id or exact statement).", context: "option"))) var goal: String
    @Flag(
        help: ArgumentHelp(
            Words.say("Print a JSON array: id, goal, date, value, by, source, ticked (a checkpoint id or null).", context: "option")))
    var json = false

    func run() throws {
        let store = try options.open()
        let w = store.world
        let g = try w.findGoal(goal)
        let today = Day.today()
        let list = Array(w.measurements(of: g.id).reversed())
        if json {
            let rows: [[String: Any]] = list.map { m in
                [
                    "id": m.id, "goal": m.goal, "date": m.date.description, "value": m.value, "by": m.by, "source": m.source,
                    "ticked": m.ticked ?? NSNull(),
                ]
            }
            printJSON(try PrettyJSON.data(rows))
            return
        }
        let p = w.progress(of: g, on: today)
        print(Text.visible("\(g.statement): \(p.status.rawValue) \(p.bar)"))
        if list.isEmpty {
            print(Words.say("no measurements yet: cairn measure {id} --value N", context: "cli", ["id": g.id]))
            return
        }
        let table =
            [
                [
                    Words.say("ID", context: "list column"), Words.say("DATE", context: "list column"),
                    Words.say("VALUE", context: "list column"), Words.say("BY", context: "list column"),
                    Words.say("SOURCE", context: "list column"), Words.say("TICKED", context: "list column"),
                ]
            ]
            + list.map { m in
                let ticked = m.ticked.map { w.checkpoints[$0]?.title ?? Words.say("{id} (deleted)", context: "cli", ["id": $0]) } ?? ""
                let day =
                    m.date > today
                    ? Words.say("{date} (after today: not counted)", context: "cli", ["date": m.date.description]) : m.date.description
                return [m.id, day, World.amount(m.value, unit: g.unit), m.by, m.source, ticked]
            }
        printAligned(table.map { $0.map { Text.visible($0) } })
    }
}

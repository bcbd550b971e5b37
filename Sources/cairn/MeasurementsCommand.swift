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
            discussion:
                "Each with its id (for cairn edit and cairn delete), date, value, who recorded it, its source and the checkpoint it ticked."
        )
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The goal (id or exact statement).") var goal: String
    @Flag(help: "Print a JSON array: id, goal, date, value, by, source, ticked (a checkpoint id or null).") var json = false

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
            print("no measurements yet: cairn measure \(g.id) --value N")
            return
        }
        let table =
            [["ID", "DATE", "VALUE", "BY", "SOURCE", "TICKED"]]
            + list.map { m in
                let ticked = m.ticked.map { w.checkpoints[$0]?.title ?? "\($0) (deleted)" } ?? ""
                let note = m.date > today ? " (after today: not counted)" : ""
                return [m.id, m.date.description + note, World.number(m.value) + g.unit, m.by, m.source, ticked]
            }
        printAligned(table.map { $0.map { Text.visible($0) } })
    }
}

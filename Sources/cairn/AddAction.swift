import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddAction: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "action", abstract: Words.say("Add an action (engagement) towards a goal.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: "The cluster (id or exact name).") var cluster: String
    @Option(help: "The goal it serves (id or exact statement).") var goal: String
    @Option(help: "What will be done.") var description: String
    @Option(help: "The member responsible for it (id or exact name).") var responsible: String
    @Option(name: .customLong("class"), help: "prevention, intervention, compensation or monitoring.") var actionClass: ActionClass
    @Option(parsing: .unconditional, help: "By when.") var due: String?

    func run() throws {
        let store = try options.open()
        let w = store.world
        let c = try w.findCluster(cluster)
        let g = try w.findGoal(goal, in: c.id)
        let member = try w.findMember(responsible, in: c.id)
        let dueDay = try due.map { d in try DayInput.parse(d, today: Day.today()) }
        let action = Action(
            cluster: c.id, description: description, goal: g.id, responsible: member.id, actionClass: actionClass, due: dueDay)
        try perform(.add(.action(action)), on: store)
        print(action.id)
    }
}

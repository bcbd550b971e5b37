import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddAction: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "action", abstract: Words.say("Add an action (engagement) towards a goal.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String
    @Option(help: ArgumentHelp(Words.say("The goal it serves (id or exact statement).", context: "option"))) var goal: String
    @Option(help: ArgumentHelp(Words.say("What will be done.", context: "option"))) var description: String
    @Option(help: ArgumentHelp(Words.say("The member responsible for it (id or exact name).", context: "option"))) var responsible: String
    @Option(
        name: .customLong("class"),
        help: ArgumentHelp(Words.say("prevention, intervention, compensation or monitoring.", context: "option"))) var actionClass:
        ActionClass
    @Option(parsing: .unconditional, help: ArgumentHelp(Words.say("By when.", context: "option"))) var due: String?

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

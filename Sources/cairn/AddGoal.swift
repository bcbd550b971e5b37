import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

struct AddGoal: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "goal", abstract: Words.say("Add a shared goal with its indicator to a cluster.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Words.say("The cluster (id or exact name).", context: "option"))) var cluster: String
    @Option(help: ArgumentHelp(Words.say("What the cluster means to achieve.", context: "option"))) var statement: String
    @Option(help: ArgumentHelp(Words.say("What is measured.", context: "option"))) var indicator: String
    @Option(help: ArgumentHelp(Words.say("The indicator's unit (%, pupils, meetings).", context: "option"))) var unit: String = ""
    @Option(parsing: .unconditional, help: ArgumentHelp(Words.say("The indicator's value at the start.", context: "option"))) var baseline:
        String?
    @Option(
        name: .customLong("baseline-date"), parsing: .unconditional,
        help: ArgumentHelp(Words.say("When the baseline was measured.", context: "option"))) var baselineDate: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Words.say("The value to reach.", context: "option"))) var target: String
    @Option(parsing: .unconditional, help: ArgumentHelp(Words.say("By when: YYYY-MM-DD, +6m...", context: "option"))) var deadline: String
    @Option(help: ArgumentHelp(Words.say("high, medium or low.", context: "option"))) var priority: Priority = .medium
    @Option(help: ArgumentHelp(Words.say("increase or decrease (default: worked out from baseline and target).", context: "option")))
    var direction: Direction?
    @Option(help: ArgumentHelp(Words.say("The member who owns the goal (id or exact name).", context: "option"))) var owner: String?

    func validate() throws {
        if baselineDate != nil, baseline == nil { throw ValidationError(Words.say("--baseline-date needs --baseline", context: "cli")) }
    }

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let c = try store.world.findCluster(cluster)
        let base = try baseline.map { try parseNumber($0, field: "baseline") }
        let goalTarget = try parseNumber(target, field: "target")
        let baseDay = try baselineDate.map { d in
            try DayInput.parse(d, today: today)
        }
        let due = try DayInput.parse(deadline, today: today)
        let ownerID = try owner.map { o in
            try store.world.findMember(o, in: c.id).id
        }
        let way = direction ?? (base.map { goalTarget < $0 ? .decrease : .increase } ?? .increase)
        let goal = Goal(
            cluster: c.id, statement: statement, indicator: indicator, unit: unit, baseline: base,
            baselineDate: baseDay ?? (base == nil ? nil : today), target: goalTarget, deadline: due, priority: priority,
            direction: way, owner: ownerID)
        try perform(.add(.goal(goal)), on: store)
        print(goal.id)
    }
}

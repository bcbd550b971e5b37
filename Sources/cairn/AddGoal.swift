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
    @Option(help: "The cluster (id or exact name).") var cluster: String
    @Option(help: "What the cluster means to achieve.") var statement: String
    @Option(help: "What is measured.") var indicator: String
    @Option(help: "The indicator's unit (%, pupils, meetings).") var unit: String = ""
    @Option(parsing: .unconditional, help: "The indicator's value at the start.") var baseline: String?
    @Option(name: .customLong("baseline-date"), parsing: .unconditional, help: "When the baseline was measured.") var baselineDate: String?
    @Option(parsing: .unconditional, help: "The value to reach.") var target: String
    @Option(parsing: .unconditional, help: "By when: YYYY-MM-DD, +6m...") var deadline: String
    @Option(help: "high, medium or low.") var priority: Priority = .medium
    @Option(help: "increase or decrease (default: worked out from baseline and target).") var direction: Direction?
    @Option(help: "The member who owns the goal (id or exact name).") var owner: String?

    func validate() throws {
        if baselineDate != nil, baseline == nil { throw ValidationError("--baseline-date needs --baseline") }
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

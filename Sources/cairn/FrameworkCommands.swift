import ArgumentParser
import CairnCore
import CairnStore

extension Priority: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension ActionClass: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}

/// Reads a number as people type it (`12.5`, `12,5`), by the rule book's one reader.
func parseNumber(_ text: String, field: String) throws -> Double {
    let parsed: Double?
    do {
        parsed = try NumberInput.parse(text)
    } catch {
        throw CLIError("--\(field): \(error.message)")
    }
    guard let parsed else { throw CLIError("--\(field) needs a number") }
    return parsed
}

struct AddGoal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "goal", abstract: "Add a shared goal with its indicator to a cluster.")
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

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let c = try store.world.findCluster(cluster)
        let base = try baseline.map { try parseNumber($0, field: "baseline") }
        let goalTarget = try parseNumber(target, field: "target")
        let baseDay = try baselineDate.map { d in
            try DayInput.parse(d, today: today)
        }
        if baselineDate != nil, base == nil { throw CLIError("--baseline-date needs --baseline") }
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

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Add an action (engagement) towards a goal.")
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

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measure", abstract: "Record a measurement of a goal's indicator.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The goal (id or exact statement).") var goal: String
    @Option(parsing: .unconditional, help: "The value measured.") var value: String
    @Option(parsing: .unconditional, help: "When it was measured (default: today).") var date: String = "today"
    @Option(help: "Where the value comes from.") var source: String = ""

    func run() throws {
        let store = try options.open()
        let today = Day.today()
        let g = try store.world.findGoal(goal)
        let day = try DayInput.parse(date, today: today)
        let m = Measurement(goal: g.id, value: try parseNumber(value, field: "value"), date: day, by: store.identity.user, source: source)
        let outcome = try perform(.measure(m), on: store)
        let progress = store.world.progress(of: g, on: today)
        print("\(g.statement): \(progress.status.rawValue) \(progress.bar)")
        for case .put(.checkpoint(let c)) in outcome.changes { print("ticked “\(c.title)”") }
    }
}

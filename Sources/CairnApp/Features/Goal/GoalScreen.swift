import CairnCore
import CairnWords
import TermUI

/// One goal: its indicator, where it stands, the grouping's goal it contributes to or the
/// member clusters' goals that contribute to it (each with how it stands), its measurements
/// drawn against baseline and target, and the list of them to add to (`a`), correct (`e`) and
/// delete (`d`).
public struct GoalScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case add, correct, delete, editGoal, history, measurementHistory, undo, help, back
    }

    public var id: String
    public var measurements = ListModel()

    public init(id: String) { self.id = id }

    /// Lines above the list: the statement, the status line and the indicator (each on two lines
    /// when it needs them), the chart and its heading.
    func headerHeight(_ env: AppEnvironment) -> Int {
        titleLines(env).count + factLines(env).count + indicatorLines(env).count + contributionLines(env).count + chartHeight(env) + 1
    }

    /// Status, latest, target and baseline, in whole parts over two lines when one is not enough:
    /// the target and its deadline are never cut away.
    func factLines(_ env: AppEnvironment) -> [String] {
        let w = env.world
        guard let g = w.goals[id] else { return [""] }
        let p = w.progress(of: g, on: env.today)
        let u = g.unit
        var facts = ["\(p.status.label) \(p.bar)"]
        if let latest = p.latest {
            facts.append(
                Words.say("latest {value} on {date}", ["value": World.amount(latest.value, unit: u), "date": latest.date.description]))
        }
        if let t = g.target {
            let value = World.amount(t, unit: u)
            facts.append(
                g.deadline.map { Words.say("target {value} by {date}", ["value": value, "date": $0.description]) }
                    ?? Words.say("target {value}", ["value": value]))
        }
        if let b = g.baseline {
            let value = World.amount(b, unit: u)
            facts.append(
                g.baselineDate.map { Words.say("baseline {value} ({date})", ["value": value, "date": $0.description]) }
                    ?? Words.say("baseline {value}", ["value": value]))
        }
        return Array(Layout.wrap(parts: facts, width: max(10, env.width - 2)).prefix(2))
    }

    /// The indicator, over two lines when it needs them.
    func indicatorLines(_ env: AppEnvironment) -> [String] {
        let indicator = env.world.goals[id]?.indicator ?? ""
        let text = Words.say("Indicator: {indicator}", ["indicator": indicator.isEmpty ? "—" : indicator])
        let width = max(10, env.width - 2)
        let lines = Layout.wrap(text, width: width)
        if lines.count <= 1 { return [text] }
        return [lines[0], DisplayWidth.truncate(lines.dropFirst().joined(separator: " "), to: width)]
    }

    /// The goal above it that it contributes to, or the goals below that contribute to it, each
    /// with its status: at most four, then how many more.
    func contributionLines(_ env: AppEnvironment) -> [(text: String, style: Style)] {
        let w = env.world
        guard let g = w.goals[id] else { return [] }
        var lines: [(String, Style)] = []
        if let aim = g.contributesTo.flatMap({ w.goals[$0] }) {
            let of = w.clusters[aim.cluster]?.name ?? Words.say("a grouping")
            lines.append((Words.say("Contributes to “{goal}” of {cluster}", ["goal": aim.statement, "cluster": of]), .accent))
        }
        let contributors = w.contributors(to: id)
        if !contributors.isEmpty {
            lines.append((Words.say("Contributing goals ({count})", ["count": String(contributors.count)]), .title))
        }
        for c in contributors.prefix(contributors.count > 4 ? 3 : 4) {
            let p = w.progress(of: c, on: env.today)
            let latest = p.latest.map { " · \(World.amount($0.value, unit: c.unit))" } ?? ""
            let text = "  \(p.status.label) · \(w.clusters[c.cluster]?.name ?? "") · \(c.statement)\(latest)"
            lines.append((text, Rows.goalStyle(p.status) ?? .plain))
        }
        if contributors.count > 4 {
            lines.append(("  " + Words.count("and {count} more", "and {count} more", contributors.count - 3), .muted))
        }
        return lines
    }

    func titleLines(_ env: AppEnvironment) -> [String] {
        let statement = env.world.goals[id]?.statement ?? ""
        let width = max(10, env.width - 2)
        let lines = Layout.wrap(statement, width: width)
        if lines.count <= 1 { return [statement] }
        return [lines[0], DisplayWidth.truncate(lines.dropFirst().joined(separator: " "), to: width)]
    }
    func chartHeight(_ env: AppEnvironment) -> Int { env.bodyHeight >= 30 ? 8 : env.bodyHeight >= 20 ? 5 : 3 }
    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - headerHeight(env) - 2) }

    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { env.world.goals[id]?.statement ?? Words.say("goal", context: "record") }
    public func isStale(in world: World) -> Bool { world.goals[id] == nil }
    public var filteredList: ListModel? { measurements }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let some = measurements.selectedRow != nil
        return [
            KeyBinding([.char("a"), .char("m")], "a", Words.say("add measurement"), .add),
            KeyBinding([.char("e"), .enter], "e", Words.say("correct"), .correct, enabled: some),
            KeyBinding([.char("d")], "d", Words.say("del"), .delete, enabled: some),
            KeyBinding([.char("E")], "E", Words.say("edit goal"), .editGoal),
            KeyBinding([.char("h")], "h", Words.say("history"), .history),
            KeyBinding([.char("H")], "H", Words.say("the measurement's history"), .measurementHistory, footer: false, enabled: some),
        ]
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        SharedKeys(undo: .undo, undoInFooter: false, help: .help, back: .back)
    }

    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        ListMove.allCases.map { KeyBinding($0.keys, nil, $0.said, .list(.move($0)), footer: false) }
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        let w = env.world
        guard let goal = w.goals[id] else { return [] }
        let selected = measurements.selectedRow?.id
        switch action {
        case .list(let a): measurements.apply(a, visibleRows: visibleRows(env))
        case .add: return [RecordDoors.open(FrameworkForms.measurement(goal: goal, today: env.today))]
        case .correct:
            guard let m = selected.flatMap({ w.measurements[$0] }) else { return [] }
            return [RecordDoors.open(FrameworkForms.measurement(goal: goal, today: env.today, correcting: m))]
        case .delete: return selected.flatMap { RecordDoors.confirmDelete(.measurement, id: $0, env, asker: context.id) }.map { [$0] } ?? []
        case .editGoal: return RecordDoors.editor(.goal, id: id, env).map { [$0] } ?? []
        case .history: return RecordDoors.history(.goal, id: id, env, asker: context.id).map { [$0] } ?? []
        case .measurementHistory: return RecordDoors.history(.measurement, id: selected, env, asker: context.id).map { [$0] } ?? []
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(Words.say("Goal", context: "title"), env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let (w, id, today) = (env.world, id, env.today)
        measurements.rebuild(from: env.listSource, visibleRows: visibleRows(env)) { Rows.measurements(w, goal: id, today: today) }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let w = env.world
        guard let g = w.goals[id] else { return }
        let p = w.progress(of: g, on: env.today)
        var y = area.y
        for line in titleLines(env) {
            canvas.put(line, x: 1, y: y, maxWidth: area.width - 2, style: .title)
            y += 1
        }
        for line in factLines(env) {
            canvas.put(line, x: 1, y: y, maxWidth: area.width - 2, style: Rows.goalStyle(p.status) ?? .plain)
            y += 1
        }
        for line in indicatorLines(env) {
            canvas.put(line, x: 1, y: y, maxWidth: area.width - 2, style: .muted)
            y += 1
        }
        for line in contributionLines(env) {
            canvas.put(Text.visible(line.text), x: 1, y: y, maxWidth: area.width - 2, style: line.style)
            y += 1
        }
        let chart = Rect(x: 1, y: y, width: area.width - 2, height: chartHeight(env))
        SeriesChart(goal: g, points: w.measurements(of: id), today: env.today).render(into: &canvas, area: chart)
        let top = area.y + headerHeight(env) - 1
        canvas.put(Words.say("Measurements"), x: 1, y: top, style: .title)
        Layout.list(
            measurements, columns: Rows.measurementColumns, into: &canvas,
            area: Rect(x: 0, y: top + 1, width: area.width, height: visibleRows(env) + 1),
            empty: Words.say("No measurements yet. Press a to record one: a measurement dated today or earlier."))
    }
}

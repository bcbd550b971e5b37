import CairnCore
import CairnWords
import TermUI

/// Examples to start from, for one step of the workshop: goals, actions or monitoring
/// agreements others chose, filtered as you type; Enter opens the step's form with the example
/// copied in, to change before saving.
public struct InspirationScreen: Screen {
    /// Which examples: the workshop's steps 2, 3 and 4.
    public enum Kind: Int, Sendable, Equatable {
        case goals = 2
        case actions = 3
        case agreements = 4
    }

    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case choose, help, back
    }

    public var kind: Kind
    public var clusterID: String
    public var library: Inspiration
    public var list = ListModel()

    public init(kind: Kind, clusterID: String, library: Inspiration) {
        self.kind = kind
        self.clusterID = clusterID
        self.library = library
        list.filtering = true
    }

    public var filteredList: ListModel? { list }
    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 3) }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Examples", context: "title") }
    public var minimumSize: TerminalSize { .projector }
    public func isStale(in world: World) -> Bool { world.clusters[clusterID] == nil }

    var title: String {
        switch kind {
        case .goals: return Words.say("Goals others agreed")
        case .actions: return Words.say("Actions others took on")
        case .agreements: return Words.say("How others monitor")
        }
    }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        TypeToPick.bindings(list, choose: Action.choose, back: .back, clear: .list(.clearFilter), chooseLabel: Words.say("use it"))
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { TypeToPick.shared(list, help: .help) }
    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] { TypeToPick.trailing(Action.list) }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .list(let a): list.pick(a, visibleRows: visibleRows(env))
        case .choose:
            guard let row = list.selectedRow, let n = Int(row.id) else { return [] }
            return [.close(context.id), RecordDoors.open(form(n, env))]
        case .help: return [help(Words.say("Examples", context: "title"), env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    /// The step's form for a new record, with the example copied in.
    func form(_ n: Int, _ env: AppEnvironment) -> FormState {
        let w = env.world
        let number = { (v: Double?) in v.map(World.number) ?? "" }
        switch kind {
        case .goals:
            let idea = library.goals[n]
            var form = FrameworkForms.goal(nil, cluster: clusterID, world: w)
            form.prefill("statement", idea.statement)
            form.prefill("indicator", idea.indicator)
            form.prefill("unit", idea.unit)
            form.prefill("baseline", number(idea.baseline))
            form.prefill("target", number(idea.target))
            form.prefill("direction", idea.direction.rawValue)
            return form
        case .actions:
            let idea = library.actions[n]
            var form = FrameworkForms.action(nil, cluster: clusterID, goal: w.goals(of: clusterID).first?.id, world: w)
            form.prefill("description", idea.description)
            form.prefill("class", idea.actionClass.rawValue)
            return form
        case .agreements:
            let idea = library.agreements[n]
            var form = FrameworkForms.agreement(w.agreement(of: clusterID), cluster: clusterID, today: env.today)
            form.prefill("meetingsPerYear", String(idea.meetingsPerYear))
            form.prefill("reporting", idea.reporting)
            form.prefill("evaluation", idea.evaluation)
            return form
        }
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let rows = Self.rows(kind, library)
        list.rebuild(from: "library", visibleRows: visibleRows(env)) { rows }
    }

    /// One row an example, its place in the library as its id.
    static func rows(_ kind: Kind, _ library: Inspiration) -> [ListRow] {
        switch kind {
        case .goals:
            return library.goals.enumerated().map { n, g in ListRow(id: "\(n)", cells: [g.statement, g.theme]) }
        case .actions:
            return library.actions.enumerated().map { n, a in
                ListRow(id: "\(n)", cells: [a.description, a.actionClass.label, a.sectors.map(\.label).joined(separator: ", ")])
            }
        case .agreements:
            return library.agreements.enumerated().map { n, a in
                ListRow(id: "\(n)", cells: [a.title, Words.count("{count} a year", "{count} a year", a.meetingsPerYear)])
            }
        }
    }

    /// On a projector's 64 columns the action keeps its words and loses the sectors.
    func columns(width: Int) -> [Column] {
        switch kind {
        case .goals: return [Column("Goal"), Column("About", width: 14)]
        case .actions:
            return width < 80
                ? [Column("Action"), Column("Class", width: 12)]
                : [Column("Action"), Column("Class", width: 12), Column("Usually", width: 22)]
        case .agreements: return [Column("Agreement"), Column("Meetings", width: 10)]
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        canvas.put(title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(
            Words.say("Type to filter; Enter copies it into the form, to edit."), x: 1, y: area.y + 1, maxWidth: area.width - 2,
            style: .muted)
        Layout.list(
            list, columns: columns(width: area.width), into: &canvas,
            area: Rect(x: 0, y: area.y + 2, width: area.width, height: visibleRows(env) + 1),
            empty: Words.say("No example matches."))
    }
}

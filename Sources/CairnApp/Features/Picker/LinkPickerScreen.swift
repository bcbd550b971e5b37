import CairnCore
import CairnWords
import TermUI

/// `l` on a school: the other schools, to choose the one to link it with. Typing filters
/// straight away, as in the member picker; Enter gives way to the link's form.
public struct LinkPickerScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case choose, help, back
    }

    /// The school whose screen it was opened on: never listed.
    public var school: String
    public var list = ListModel()

    public init(school: String) {
        self.school = school
        list.filtering = true
    }

    public var filteredList: ListModel? { list }
    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 3) }
    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Link", context: "crumb") }
    public func isStale(in world: World) -> Bool { world.schools[school] == nil }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        TypeToPick.bindings(list, choose: Action.choose, back: .back, clear: .list(.clearFilter))
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { TypeToPick.shared(list, help: .help) }
    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] { TypeToPick.trailing(Action.list) }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .list(let a): list.pick(a, visibleRows: visibleRows(env))
        case .choose:
            guard let other = list.selectedRow?.id, env.world.schools[other] != nil else { return [] }
            return [.close(context.id), RecordDoors.open(LinkForms.new(school: school, other: other, world: env.world))]
        case .help: return [help(Words.say("Link with a school"), env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let (w, id) = (env.world, school)
        list.rebuild(from: env.listSource, visibleRows: visibleRows(env)) { Self.rows(w, school: id) }
    }

    /// Every school but this one, by name, each with what already links the two (a second
    /// link of another kind is allowed; the same one again is refused on saving).
    static func rows(_ w: World, school: String) -> [ListRow] {
        var linked: [String: [String]] = [:]
        for l in w.links(from: school) + w.links(to: school) {
            let other = l.from == school ? l.to : l.from
            linked[other, default: []].append(LinkForms.Side(l, school: school).label)
        }
        return NameOrder.shown(w.schools.values.filter { $0.id != school }, by: \.name).map { s in
            ListRow(id: s.id, cells: [s.name, s.municipality, linked[s.id]?.joined(separator: ", ") ?? ""])
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let name = env.world.schools[school]?.name ?? ""
        canvas.put(Words.say("Link {school} with a school", ["school": name]), x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(
            Words.say("Type to filter; Enter picks the school, then say what the link is."), x: 1, y: area.y + 1,
            maxWidth: area.width - 2, style: .muted)
        Layout.list(
            list,
            columns: [
                Column("School"), Column("Municipality", width: 16), Column(Words.say("Already linked", context: "column"), width: 18),
            ],
            into: &canvas, area: Rect(x: 0, y: area.y + 2, width: area.width, height: visibleRows(env) + 1),
            empty: Words.say("No other school yet."))
    }
}

import CairnCore
import CairnWords
import TermUI

/// The member picker: existing schools, agencies and clusters not yet in the cluster, and rows that make
/// a new school or agency on the spot. Typing filters straight away; what matches comes first,
/// so Enter takes a match rather than making a duplicate of it.
public struct PickerScreen: Screen {
    public static let newSchool = "+school"
    public static let newAgency = "+agency"

    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case choose, help, back
    }

    public var clusterID: String
    public var list = ListModel()

    public init(clusterID: String, filter: String = "") {
        self.clusterID = clusterID
        list.filtering = true
        list.filter = TextField(filter)
    }

    public var filteredList: ListModel? { list }
    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 2 - hintLines(env).count) }

    /// How to pick, in whole words: on two lines when one is not enough (the list gives one up).
    func hintLines(_ env: AppEnvironment) -> [String] {
        let hint = Words.say("Type to filter; Enter picks; choose “+ New …” to create one (what you typed becomes its name).")
        return Array(Layout.wrap(hint, width: max(10, env.width - 2)).prefix(2))
    }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Add member") }
    public var minimumSize: TerminalSize { .projector }
    public func isStale(in world: World) -> Bool { world.clusters[clusterID] == nil }

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
            guard let id = list.selectedRow?.id else { return [] }
            let typed = list.filter.text
            let w = env.world
            let form: FormState
            if id == Self.newSchool {
                form = RecordForms.school(nil, joinCluster: clusterID, name: typed)
            } else if id == Self.newAgency {
                form = RecordForms.agency(nil, joinCluster: clusterID, name: typed)
            } else {
                let type: MemberType = w.schools[id] != nil ? .school : w.clusters[id] != nil ? .cluster : .agency
                if let first = w.exclusiveMembership(of: id, type: type, joining: clusterID) {
                    return [askToMove(from: first, type: type, &context)]
                }
                form = RecordForms.member(nil, cluster: clusterID, type: type, memberId: id, world: w)
            }
            return [.close(context.id), RecordDoors.open(form)]
        case .help: return [help(Words.say("Add a member"), env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    /// A school already in a grouping of this exclusive kind (`ClusterKind.isExclusive`): a
    /// question naming it, whose yes leaves it and joins this one in one commit. The picker
    /// stays under the question, so that no leaves it as it was.
    func askToMove(from first: Membership, type: MemberType, _ context: inout ScreenContext) -> Effect {
        let w = context.env.world
        let here = w.clusters[clusterID]?.name ?? ""
        let joining = Membership(id: context.env.ids.make(.membership), cluster: clusterID, memberType: type, memberId: first.memberId)
        let move = DomainOperation.all(
            [.leave(membership: first.id, on: nil), .add(.membership(joining))],
            summary: Words.say(
                "{name} left “{left}” and joined “{joined}”",
                ["name": w.memberName(first), "left": w.clusters[first.cluster]?.name ?? "", "joined": here]))
        let question = Words.say("{already}: leave it and join “{cluster}”? (y/n)", ["already": w.alreadyIn(first), "cluster": here])
        return .push(ScreenBox(ConfirmScreen(question: question, deed: .perform(move), asker: context.id)))
    }

    /// The move was saved: the picker gives way to the new member's role, as after any pick.
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        guard case .committed(let outcome, _) = event else { return [] }
        let w = context.env.world
        let joined = outcome.changes.compactMap { change -> Membership? in
            if case .put(.membership(let m)) = change { return w.memberships[m.id] }
            return nil
        }.first
        guard let m = joined else { return [.close(context.id)] }
        return [
            .close(context.id),
            RecordDoors.open(RecordForms.member(m, cluster: clusterID, type: m.memberType, memberId: m.memberId, world: w)),
        ]
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let (w, id) = (env.world, clusterID)
        list.rebuild(from: env.listSource, visibleRows: visibleRows(env)) { Self.rows(w, cluster: id) }
    }

    static func rows(_ world: World, cluster: String) -> [ListRow] {
        let already = Set(world.members(of: cluster).map(\.memberId))
        var rows = [
            ListRow(id: newSchool, cells: [Words.say("+ New school…"), Words.say("create"), ""], style: .accent, pinned: true),
            ListRow(id: newAgency, cells: [Words.say("+ New agency…"), Words.say("create"), ""], style: .accent, pinned: true),
        ]
        let (school, agency, group) = (MemberType.school.label, MemberType.agency.label, MemberType.cluster.label)
        rows += NameOrder.shown(world.schools.values.filter { !already.contains($0.id) }, by: \.name).map {
            ListRow(id: $0.id, cells: [$0.name, school, $0.municipality])
        }
        rows += NameOrder.shown(world.agencies.values.filter { !already.contains($0.id) }, by: \.name).map {
            ListRow(id: $0.id, cells: [$0.name, agency, $0.sector.label])
        }
        // Clusters, for a grouping of clusters: not this one, nor one it is within.
        let above = world.groupingsAbove(cluster)
        let joinable = world.clusters.values.filter { $0.id != cluster && !already.contains($0.id) && !above.contains($0.id) }
        rows += NameOrder.shown(joinable, by: \.name).map { ListRow(id: $0.id, cells: [$0.name, group, $0.region]) }
        return rows
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        // The type column as wide as its longest word in the session's language.
        let typeWidth =
            ([Words.say("Type", context: "column"), Words.say("create")] + MemberType.allCases.map(\.label))
            .map(DisplayWidth.of).max() ?? 7
        let cluster = env.world.clusters[clusterID]?.name ?? ""
        canvas.put(Words.say("Add a member to {cluster}", ["cluster": cluster]), x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        let hint = hintLines(env)
        for (i, line) in hint.enumerated() {
            canvas.put(line, x: 1, y: area.y + 1 + i, maxWidth: area.width - 2, style: .muted)
        }
        Layout.list(
            list,
            columns: [
                Column(Words.say("Name", context: "column")), Column("Type", width: typeWidth),
                Column(Words.say("Where / sector", context: "column"), width: 20),
            ], into: &canvas,
            area: Rect(x: 0, y: area.y + 1 + hint.count, width: area.width, height: visibleRows(env) + 1), empty: "")
    }
}

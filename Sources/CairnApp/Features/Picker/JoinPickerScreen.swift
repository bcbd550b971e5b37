import CairnCore
import CairnWords
import TermUI

/// `J` on a list of schools, agencies or clusters: the cluster to join the marked rows to (or
/// the selected one, when none is marked). Typing filters straight away, as in the member
/// picker; Enter joins every one in one commit that one `u` undoes, after a question when a
/// school has to leave a grouping of the same exclusive kind to join.
public struct JoinPickerScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case choose, help, back
    }

    /// The schools, agencies or clusters that join, in the order their list showed them.
    public var members: [String]
    public var list = ListModel()
    /// What the join chosen does and who it leaves out (members already, a grouping within
    /// itself), said once it is written.
    var said = ""
    /// Why the last Enter joined nothing, shown in the picker until something else is typed:
    /// the status line beside a filter has too little room for the names.
    var nothingJoined: String?

    public init(members: [String]) {
        self.members = members
        list.filtering = true
    }

    public var filteredList: ListModel? { list }
    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 3) }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Join to a cluster") }
    public var minimumSize: TerminalSize { .projector }
    public func isStale(in world: World) -> Bool { members.allSatisfy { Self.type(of: $0, in: world) == nil } }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        TypeToPick.bindings(
            list, choose: Action.choose, back: .back, clear: .list(.clearFilter), chooseLabel: Words.say("join", context: "key"))
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { TypeToPick.shared(list, help: .help) }
    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] { TypeToPick.trailing(Action.list) }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .list(let a):
            list.pick(a, visibleRows: visibleRows(context.env))
            nothingJoined = nil
        case .choose:
            guard let cluster = list.selectedRow?.id, context.env.world.clusters[cluster] != nil else { return [] }
            return join(to: cluster, &context)
        case .help: return [help(Words.say("Join to a cluster"), context.env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    /// Joins those that can to `cluster`; those that must leave another grouping first are
    /// asked about, all of them in one question, and then move in the same commit.
    private mutating func join(to cluster: String, _ context: inout ScreenContext) -> [Effect] {
        let w = context.env.world
        let name = w.clusters[cluster]?.name ?? ""
        let plan = w.joinPlan(members, to: cluster)
        if plan.isEmpty {
            nothingJoined = Words.say("Nothing joined to “{cluster}”: {why}", ["cluster": name, "why": plan.leftOut])
            return [.say(Status(nothingJoined ?? "", isError: true))]
        }
        let moving = !plan.elsewhere.isEmpty
        let operation = plan.operation(in: w, moving: moving) { context.env.ids.make(.membership) }
        said = plan.summary(in: w, moving: moving) + (plan.leftOut.isEmpty ? "" : "; " + plan.leftOut)
        if moving {
            let elsewhere = JoinPlan.names(plan.elsewhere.map { w.alreadyIn($0) })
            let values = ["already": elsewhere, "cluster": name, "others": JoinPlan.phrase(plan.joining.map(\.type))]
            let question =
                plan.joining.isEmpty
                ? Words.say("{already}: leave and join “{cluster}” in one step? n changes nothing (y/n)", values)
                : Words.say("{already}: leave and join “{cluster}” (with {others} more) in one step? n changes nothing (y/n)", values)
            return [.push(ScreenBox(ConfirmScreen(question: question, deed: .perform(operation), asker: context.id)))]
        }
        do {
            let outcome = try w.perform(operation, by: context.env.author)
            return [.commit(operation, preview: outcome, replyTo: context.id, undoable: true)]
        } catch {
            return [.say(Status(Words.say("Nothing joined: {reason}", ["reason": error.message]), isError: true))]
        }
    }

    /// Joined: the picker gives way to the list, whose marks go (`ListModel.unmarkJoined`),
    /// and the status line says who joined and who was left out.
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        guard case .committed = event else { return [] }
        return [.close(context.id), .say(Status(said))]
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let (w, joining) = (env.world, Set(members))
        list.rebuild(from: env.listSource, visibleRows: visibleRows(env)) {
            NameOrder.shown(w.clusters.values.filter { !joining.contains($0.id) }, by: \.name, id: \.id).map { c in
                ListRow(id: c.id, cells: [c.name, c.kind.label, c.region])
            }
        }
    }

    static func type(of id: String, in w: World) -> MemberType? {
        w.schools[id] != nil ? .school : w.agencies[id] != nil ? .agency : w.clusters[id] != nil ? .cluster : nil
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let w = env.world
        let title =
            members.count == 1
            ? Words.say(
                "Join “{name}” to a cluster",
                ["name": members.first.flatMap { w.schools[$0]?.name ?? w.agencies[$0]?.name ?? w.clusters[$0]?.name } ?? ""])
            : Words.say("Join {marked} marked to a cluster", ["marked": JoinPlan.phrase(members.compactMap { Self.type(of: $0, in: w) })])
        canvas.put(title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        var top = area.y + 1
        if let nothingJoined {
            for line in Layout.wrap(nothingJoined, width: area.width - 2).prefix(2) {
                canvas.put(line, x: 1, y: top, maxWidth: area.width - 2, style: .error)
                top += 1
            }
        } else {
            for line in Layout.wrap(Words.say("Type to filter; Enter joins them all in one step (u undoes it)."), width: area.width - 2)
                .prefix(2)
            {
                canvas.put(line, x: 1, y: top, maxWidth: area.width - 2, style: .muted)
                top += 1
            }
        }
        Layout.list(
            list, columns: [Column("Cluster"), Column(Words.say("Kind", context: "column"), width: 14), Column("Region", width: 16)],
            into: &canvas,
            area: Rect(x: 0, y: top, width: area.width, height: visibleRows(env) + area.y + 2 - top + 1),
            empty: Words.say("No cluster yet."))
    }
}

import CairnCore
import TermUI

/// One school or agency: its fields and the clusters it belongs to.
public struct RecordScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case openCluster, edit, delete, history, undo, help, back
    }

    public var type: MemberType
    public var id: String
    public var clusters = ListModel()

    public init(type: MemberType, id: String) {
        self.type = type
        self.id = id
    }

    var kind: RecordKind { type == .school ? .school : .agency }
    /// The facts above the list take this many rows.
    var factCount: Int { type == .school ? 7 : 6 }

    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - factCount - 5) }

    public func crumb(_ env: AppEnvironment) -> String {
        (type == .school ? env.world.schools[id]?.name : env.world.agencies[id]?.name) ?? ""
    }

    public func isStale(in world: World) -> Bool { type == .school ? world.schools[id] == nil : world.agencies[id] == nil }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [
            KeyBinding([.enter], "Enter", "open cluster", .openCluster, enabled: clusters.selectedRow != nil),
            KeyBinding([.char("e")], "e", "edit", .edit),
            KeyBinding([.char("d")], "d", "del", .delete),
            KeyBinding([.char("h")], "h", "history", .history),
            KeyBinding([.char("u")], "u", "undo", .undo),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q"), .escape], "q", "back", .back, essential: true),
        ] + ListMove.allCases.map { KeyBinding($0.keys, nil, $0.help, .list(.move($0)), footer: false) }
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .list(let a):
            clusters.apply(a, visibleRows: visibleRows(env))
            return []
        case .openCluster: return clusters.selectedRow.map { [.push(ScreenBox(ClusterScreen(clusterID: $0.id)))] } ?? []
        case .edit: return RecordDoors.editor(kind, id: id, env).map { [$0] } ?? []
        case .delete: return RecordDoors.confirmDelete(kind, id: id, env, asker: context.id).map { [$0] } ?? []
        case .history: return RecordDoors.history(kind, id: id, env, asker: context.id).map { [$0] } ?? []
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(type == .school ? "School" : "Agency", env)]
        case .back: return [.close(context.id)]
        }
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let w = env.world
        let id = id
        clusters.rebuild(from: env.listSource, visibleRows: visibleRows(env)) {
            w.clusters(withMember: id).map { c -> ListRow in
                let role = w.memberships.values.first { $0.cluster == c.id && $0.memberId == id }
                return ListRow(id: c.id, cells: [c.name, role?.lead == true ? "LEAD" : "", role?.role ?? ""])
            }
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let w = env.world
        var facts: [(String, String)] = []
        let name: String
        if type == .school, let r = w.schools[id] {
            name = r.name
            facts = [
                ("Official id", r.officialId ?? "—"), ("Phases", r.phases.map(\.label).joined(separator: ", ")),
                ("Municipality", r.municipality), ("Contact", r.contactPerson), ("E-mail", r.email), ("Phone", r.phone), ("Notes", r.notes),
            ]
        } else if let r = w.agencies[id] {
            name = r.name
            facts = [
                ("Sector", r.sector.label), ("Level", r.level.label), ("Contact", r.contactPerson), ("E-mail", r.email),
                ("Phone", r.phone), ("Notes", r.notes),
            ]
        } else {
            return
        }
        canvas.put(name, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        canvas.put(type == .school ? "school" : "agency", x: 1, y: area.y + 1, style: .muted)
        for (i, (label, value)) in facts.enumerated() {
            canvas.put(label, x: 2, y: area.y + 2 + i, maxWidth: 14, style: .muted)
            canvas.put(
                value.isEmpty ? "—" : value.replacingOccurrences(of: "\n", with: " "), x: 17, y: area.y + 2 + i, maxWidth: area.width - 18)
        }
        let top = area.y + 3 + facts.count
        canvas.put("Member of", x: 1, y: top, style: .title)
        Layout.list(
            clusters, columns: [Column("Cluster"), Column("Lead", width: 4), Column("Role", width: 28)], into: &canvas,
            area: Rect(x: 0, y: top + 1, width: area.width, height: visibleRows(env) + 1), empty: "Not a member of any cluster yet.")
    }
}

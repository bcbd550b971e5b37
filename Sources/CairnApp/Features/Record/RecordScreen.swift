import CairnCore
import CairnWords
import TermUI

/// One school or agency: its fields, the clusters it belongs to, and a school's links to other
/// schools.
public struct RecordScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case openCluster, edit, delete, history, undo, help, back
        /// `l`: choose a school, then say how the two are linked.
        case link
        /// `E`: the school itself, whatever row is selected.
        case editRecord
    }

    public var type: MemberType
    public var id: String
    public var clusters = ListModel()

    public init(type: MemberType, id: String) {
        self.type = type
        self.id = id
    }

    var kind: RecordKind { type.kind }

    /// The facts, label and value, in a form's order: every field its description lists but
    /// the name, which is the title. A label is said as the lists' column of that name says it.
    func facts(_ w: World) -> [(String, String)] {
        guard let record = w.record(kind, id: id) else { return [] }
        return RecordFields.fields(of: kind).filter { $0.name != "name" }.map { (ColumnTitle.said($0.label), $0.shown(of: record)) }
    }

    /// Each fact on as many lines as it needs, up to four (notes whole, not cut), as drawn.
    func factLines(_ env: AppEnvironment) -> [(label: String, text: String)] {
        let width = max(10, env.width - 18)
        return facts(env.world).flatMap { label, value -> [(String, String)] in
            let text = value.isEmpty ? "—" : Text.visible(value.replacingOccurrences(of: "\n", with: " "))
            let lines = Layout.wrap(text, width: width)
            let shown =
                lines.count > 4
                ? Array(lines.prefix(3)) + [DisplayWidth.truncate(lines.dropFirst(3).joined(separator: " "), to: width)] : lines
            return shown.enumerated().map { ($0.offset == 0 ? label : "", $0.element) }
        }
    }

    /// The name on one line, or two when it needs them (the second cut if even that is short).
    func titleLines(_ name: String, _ env: AppEnvironment) -> [String] {
        let lines = Layout.wrap(name, width: max(10, env.width - 2))
        if lines.count <= 2 { return lines.isEmpty ? [name] : lines }
        return [lines[0], DisplayWidth.truncate(lines.dropFirst().joined(separator: " "), to: max(10, env.width - 2))]
    }

    func visibleRows(_ env: AppEnvironment) -> Int {
        let name = (type == .school ? env.world.schools[id]?.name : env.world.agencies[id]?.name) ?? ""
        return max(1, env.bodyHeight - factLines(env).count - titleLines(name, env).count - 4)
    }

    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String {
        (type == .school ? env.world.schools[id]?.name : env.world.agencies[id]?.name) ?? ""
    }

    public func isStale(in world: World) -> Bool { type == .school ? world.schools[id] == nil : world.agencies[id] == nil }

    /// On a link's row `e` and `d` act on the link; elsewhere on the school or agency, as `E`
    /// always does.
    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let onLink = selectedLink(env.world) != nil
        var b: [KeyBinding<Action>] = [
            KeyBinding(
                [.enter], "Enter",
                clusters.selectedRow.map { Self.isLink($0.id) } == true ? Words.say("open school") : Words.say("open cluster"),
                .openCluster,
                enabled: clusters.selectedRow != nil),
            KeyBinding([.char("e")], "e", onLink ? Words.say("edit link") : Words.say("edit"), .edit),
            KeyBinding([.char("d")], "d", onLink ? Words.say("unlink") : Words.say("del"), .delete),
        ]
        if type == .school { b.append(KeyBinding([.char("l")], "l", Words.say("link", context: "verb"), .link)) }
        b.append(KeyBinding([.char("h")], "h", Words.say("history"), .history))
        if type == .school { b.append(KeyBinding([.char("E")], "E", Words.say("edit the school itself"), .editRecord, footer: false)) }
        return b
    }

    /// The link on the selected row, if it is one.
    func selectedLink(_ w: World) -> Link? {
        guard let row = clusters.selectedRow, Self.isLink(row.id) else { return nil }
        return w.links[row.id]
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { SharedKeys(undo: .undo, help: .help, back: .back) }

    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        ListMove.allCases.map { KeyBinding($0.keys, nil, $0.said, .list(.move($0)), footer: false) }
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .list(let a):
            clusters.apply(a, visibleRows: visibleRows(env))
            return []
        case .openCluster:
            guard let row = clusters.selectedRow else { return [] }
            if Self.isLink(row.id) {
                guard let l = env.world.links[row.id] else { return [] }
                return [.push(ScreenBox(RecordScreen(type: .school, id: l.from == id ? l.to : l.from)))]
            }
            return [.push(ScreenBox(ClusterScreen(clusterID: row.id)))]
        case .edit:
            if let l = selectedLink(env.world) { return [RecordDoors.open(LinkForms.edit(l, school: id, world: env.world))] }
            return RecordDoors.editor(kind, id: id, env).map { [$0] } ?? []
        case .editRecord: return RecordDoors.editor(kind, id: id, env).map { [$0] } ?? []
        case .delete:
            if let l = selectedLink(env.world) {
                return RecordDoors.confirmDelete(.link, id: l.id, env, asker: context.id).map { [$0] } ?? []
            }
            return RecordDoors.confirmDelete(kind, id: id, env, asker: context.id).map { [$0] } ?? []
        case .link:
            guard type == .school else { return [] }
            return [.push(ScreenBox(LinkPickerScreen(school: id)))]
        case .history: return RecordDoors.history(kind, id: id, env, asker: context.id).map { [$0] } ?? []
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help(type == .school ? Words.say("School", context: "title") : Words.say("Agency", context: "title"), env)]
        case .back: return [.close(context.id)]
        }
    }

    /// A link saved from this screen's `l` is the row selected after it.
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        guard case .committed(let outcome, _) = event else { return [] }
        let added = outcome.changes.compactMap { change -> String? in
            if case .put(.link(let l)) = change { return l.id }
            return nil
        }
        guard let link = added.first else { return [] }
        refresh(context.env)
        clusters.select(id: link)
        clusters.cursor.scroll(visibleRows: visibleRows(context.env), count: clusters.visible.count)
        return []
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let w = env.world
        let id = id
        let type = type
        clusters.rebuild(from: env.listSource, visibleRows: visibleRows(env)) {
            Self.memberOf(id, in: w) + (type == .school ? Self.links(of: id, in: w) : [])
        }
    }

    static func isLink(_ rowID: String) -> Bool { RecordID.isValid(rowID, for: .link) }

    /// The period is a column only when a row has one: most members never say when they joined.
    var memberOfColumns: [Column] {
        let periods = clusters.rows.contains { $0.cells.count > 3 && !$0.cells[3].isEmpty }
        if clusters.rows.contains(where: { Self.isLink($0.id) }) {
            return [
                Column("Cluster or school"), Column("Lead", width: 4), Column("Role or link", width: 22),
                Column("When or phases", width: 26),
            ]
        }
        return periods
            ? [Column("Cluster"), Column("Lead", width: 4), Column("Role", width: 22), Column("Period", width: 16)]
            : [Column("Cluster"), Column("Lead", width: 4), Column("Role", width: 28)]
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let w = env.world
        guard let name = type == .school ? w.schools[id]?.name : w.agencies[id]?.name else { return }
        // The name whole, over two lines when it needs them.
        let title = titleLines(name, env)
        for (i, line) in title.enumerated() { canvas.put(line, x: 1, y: area.y + i, maxWidth: area.width - 2, style: .title) }
        let y = area.y + title.count
        canvas.put(type.label, x: 1, y: y, style: .muted)
        let lines = factLines(env)
        // As wide as the longest label, which some languages need (`Amtliche Kennung`), up to a
        // third of the screen; never narrower than English's.
        let labels = max(14, min(lines.map { DisplayWidth.of($0.label) }.max() ?? 14, area.width / 3))
        for (i, line) in lines.enumerated() {
            canvas.put(line.label, x: 2, y: y + 1 + i, maxWidth: labels, style: .muted)
            canvas.put(line.text, x: 3 + labels, y: y + 1 + i, maxWidth: area.width - 4 - labels)
        }
        let top = y + 2 + lines.count
        let linked = clusters.rows.contains { Self.isLink($0.id) }
        canvas.put(linked ? Words.say("Member of, and linked to") : Words.say("Member of"), x: 1, y: top, style: .title)
        Layout.list(
            clusters, columns: memberOfColumns, into: &canvas,
            area: Rect(x: 0, y: top + 1, width: area.width, height: visibleRows(env) + 1),
            empty: Words.say("Not a member of any cluster yet."))
    }
}

import CairnCore
import CairnWords
import TermUI

/// `C` on Home: fields two people set without seeing each other's change. Each conflict shows
/// the value that stands and those that did not, one line each; Enter keeps the selected one
/// (written as a new change), and the conflict leaves this list and `cairn conflicts`.
public struct ConflictsScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case keep, help, back
    }

    public var list = ListModel()

    public init() {}

    public var filteredList: ListModel? { list }
    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 2 - Self.intro(env).count) }

    /// What the screen is for, over two lines when narrow rather than cut.
    static func intro(_ env: AppEnvironment) -> [String] {
        Array(
            Layout.wrap(
                Words.say("Fields two people set, each unseen by the other. Enter keeps the selected value."), width: env.width - 2
            ).prefix(2))
    }
    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Conflicts", context: "title") }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [
            KeyBinding([.enter], "Enter", Words.say("keep this value"), Action.keep, enabled: list.selectedRow != nil && !list.filtering),
            KeyBinding([.escape], "Esc", Words.say("back"), .back, essential: true, enabled: !list.filtering && list.filter.text.isEmpty),
        ]
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { SharedKeys(help: .help, helpEnabled: !list.filtering) }

    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] { list.bindings(Action.list) }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        switch action {
        case .list(let a):
            list.apply(a, visibleRows: visibleRows(env))
        case .keep:
            guard let row = list.selectedRow, let (conflict, side) = Self.choice(row.id, in: env.world) else { return [] }
            do {
                let keep = DomainOperation.resolve(conflict, choosing: side)
                let outcome = try env.world.perform(keep, by: env.author)
                return [.commit(keep, preview: outcome, replyTo: context.id, undoable: true)]
            } catch {
                return [.say(Status(Words.say("Not kept: {reason}", ["reason": error.message]), isError: true))]
            }
        case .help: return [help(Words.say("Conflicts", context: "title"), env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    public mutating func refresh(_ env: AppEnvironment) {
        let w = env.world
        let wide = Self.isWide(env)
        list.rebuild(from: env.listSource + (wide ? "w" : ""), visibleRows: visibleRows(env)) { Self.rows(w, wide: wide) }
    }

    /// The conflict and the side a row stands for: `record field#n`, n = 0 for what stands.
    static func choice(_ rowID: String, in world: World) -> (Conflict, Conflict.Side)? {
        guard let hash = rowID.lastIndex(of: "#"), let n = Int(rowID[rowID.index(after: hash)...]),
            let c = world.conflicts[String(rowID[..<hash])]
        else { return nil }
        let sides = [c.kept] + c.others
        return sides.indices.contains(n) ? (c, sides[n]) : nil
    }

    static func rows(_ world: World, wide: Bool) -> [ListRow] {
        var rows: [ListRow] = []
        for c in world.openConflicts {
            let name = world.describe(c)
            let field = c.recordDeleted ? Words.say("(deleted)") : c.field
            for (n, side) in ([c.kept] + c.others).enumerated() {
                let parent = n > 0 ? world.deletedParent(in: c) : nil
                let value =
                    c.recordDeleted && n == 0
                    ? Words.say("deleted", context: "value")
                    : parent.map { Words.say("made in {record}, deleted meanwhile", ["record": world.describe($0)]) }
                        ?? "“\(side.value.display)”"
                rows.append(
                    ListRow(
                        id: "\(c.key)#\(n)",
                        cells: [
                            n == 0 ? name : "", n == 0 ? field : "", value, side.by, when(side.at, wide: wide),
                            n == 0 ? Words.say("stands") : "",
                        ],
                        style: n == 0 ? nil : .muted))
            }
        }
        return rows
    }

    /// `2026-12-01T14:02:09.123Z` as `2026-12-01 14:02`, or `12-01 14:02` where room is short.
    static func when(_ at: String, wide: Bool) -> String {
        guard at.count >= 16 else { return at }
        return wide ? EventTime.minute(at) : EventTime.short(at)
    }

    static func isWide(_ env: AppEnvironment) -> Bool { env.width >= 100 }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        canvas.put(Words.say("Conflicts", context: "title"), x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        let intro = Self.intro(env)
        for (i, line) in intro.enumerated() { canvas.put(line, x: 1, y: area.y + 1 + i, maxWidth: area.width - 2, style: .muted) }
        Layout.list(
            list,
            columns: Self.isWide(env)
                ? [
                    Column("Record"), Column("Field", width: 14), Column("Value", width: 28), Column("By", width: 12),
                    Column("When (UTC)", width: 16), Column("", width: 6),
                ]
                : [
                    Column("Record"), Column("Field", width: 12), Column("Value", width: 16), Column("By", width: 8),
                    Column("When (UTC)", width: 11, dropsBelow: 80), Column("", width: 6),
                ], into: &canvas, area: Rect(x: 0, y: area.y + 1 + intro.count, width: area.width, height: visibleRows(env) + 1),
            empty: Words.say("No conflicts: every field has one value that everyone saw before changing it."))
    }
}

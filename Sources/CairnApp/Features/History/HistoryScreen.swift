import CairnCore
import CairnWords
import TermUI

/// `h` on a record: its changes, newest first, each with when, who, from which machine and
/// source, and what it changed; Enter shows one whole. Also what changed since this person
/// last opened Cairn (`L` on Home), one row per change of any record.
public struct HistoryScreen: Screen {
    public enum Action: Sendable, Equatable {
        case list(ListAction)
        case open, help, back
    }

    /// "checkpoint “Reunião trimestral”", or "changes since 12-01 14:02".
    public var title: String
    public var entries: [HistoryEntry]
    /// How many changes matched, of which `entries` are the newest.
    public var matching: Int
    /// One record's history: no column naming the record.
    public var oneRecord: Bool
    public var list = ListModel()

    public init(title: String, entries: [HistoryEntry], matching: Int? = nil, oneRecord: Bool) {
        self.title = title
        self.entries = entries
        self.matching = matching ?? entries.count
        self.oneRecord = oneRecord
    }

    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("History", context: "title") }
    public var filteredList: ListModel? { list }

    func visibleRows(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 3) }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let listKeys = list.bindings { Action.list($0) }
        if list.filtering { return listKeys }
        return [KeyBinding([.enter], "Enter", Words.say("show the change whole"), .open, enabled: list.selectedRow != nil)]
            + listKeys.prefix(2)
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { list.filtering ? .none : SharedKeys(help: .help, back: .back) }

    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        list.filtering ? [] : Array(list.bindings { Action.list($0) }.dropFirst(2))
    }

    public func typed(_ key: Key) -> Action? { list.typed(key).map(Action.list) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .list(let a): list.apply(a, visibleRows: visibleRows(context.env))
        case .open:
            guard let id = list.selectedRow?.id, let e = entries.first(where: { $0.event == id }) else { return [] }
            let w = context.env.world
            return [
                .push(
                    ScreenBox(
                        PagerScreen(
                            title: Words.say("Change to {record}", ["record": HistoryText.name(of: e, in: w)]),
                            lines: HistoryText.whole(e, in: w))))
            ]
        case .help: return [help(Words.say("History", context: "title"), context.env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    /// Below 100 columns the time loses its year and the machine its column (Enter shows both).
    static func isNarrow(_ env: AppEnvironment) -> Bool { env.width < 100 }

    public mutating func refresh(_ env: AppEnvironment) {
        let (entries, oneRecord, w, narrow) = (entries, oneRecord, env.world, Self.isNarrow(env))
        list.rebuild(from: "history/\(narrow)", visibleRows: visibleRows(env)) {
            entries.map { e in
                let when = HistoryText.when(e.at)
                var cells = narrow ? [String(when.dropFirst(5)), e.by] : [when, e.by, e.host]
                cells.append(e.source)
                if !oneRecord { cells.append(HistoryText.name(of: e, in: w)) }
                cells.append(HistoryText.summary(e, in: w))
                return ListRow(id: e.event, cells: cells, style: e.op == .delete ? Style(.overdue) : nil)
            }
        }
    }

    func columns(_ env: AppEnvironment) -> [Column] {
        var c =
            Self.isNarrow(env)
            ? [Column("When (UTC)", width: 11), Column("Who", width: 8)]
            : [Column("When (UTC)", width: 16), Column("Who", width: 10), Column("Machine", width: 14)]
        c.append(Column("Source", width: 8))
        if !oneRecord { c.append(Column("Record", width: Self.isNarrow(env) ? 22 : 34)) }
        return c + [Column("What changed")]
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        canvas.put(Words.say("History of {record}", ["record": title]), x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        let count =
            matching > entries.count
            ? Words.count(
                "the latest {shown} of {count} change", "the latest {shown} of {count} changes", matching, ["shown": String(entries.count)])
            : Words.count("{count} change", "{count} changes", entries.count)
        canvas.put(
            Words.say("{count}, newest first · Enter shows one whole", ["count": count]), x: 1, y: area.y + 1, maxWidth: area.width - 2,
            style: .muted)
        Layout.list(
            list, columns: columns(env), into: &canvas, area: Rect(x: 0, y: area.y + 2, width: area.width, height: visibleRows(env) + 1),
            empty: Words.say("No changes recorded."))
    }
}

/// How the trail is written on screen: one line per change, or the whole change.
enum HistoryText {
    /// `2026-12-01 14:02` from the event's stamp.
    static func when(_ at: String) -> String { EventTime.minute(at) }

    static func shown(_ value: JSONValue) -> String { value.isEmptyValue ? Words.say("(nothing)") : "“\(value.display)”" }

    static func name(of e: HistoryEntry, in w: World) -> String { w.name(of: e, markDeleted: true) }

    /// The fields that name a record, said first.
    static let naming: Set<String> = ["name", "title", "statement", "description"]

    /// A value as a reader knows it: an id of a record that exists by that record's name.
    static func shown(_ value: JSONValue, in w: World) -> String {
        if case .string(let s) = value, let kind = RecordKind.allCases.first(where: { RecordID.isValid(s, for: $0) }),
            let r = w.record(kind, id: s)
        {
            return w.describe(r)
        }
        return shown(value)
    }

    /// What a change did, on one line: `due: “2026-11-20” → “2026-11-27”; title: …`.
    static func summary(_ e: HistoryEntry, in w: World) -> String {
        let fields = e.fields.filter { naming.contains($0.name) } + e.fields.filter { !naming.contains($0.name) }
        switch e.op {
        case .create:
            return Words.say(
                "made: {fields}",
                ["fields": fields.map { "\(RecordFields.label($0.name)) \(shown($0.new, in: w))" }.joined(separator: ", ")])
        case .delete:
            return fields.isEmpty
                ? Words.say("deleted", context: "value")
                : Words.say(
                    "deleted: it held {fields}",
                    ["fields": fields.map { "\(RecordFields.label($0.name)) \(shown($0.old, in: w))" }.joined(separator: ", ")])
        case .edit:
            if fields.isEmpty { return Words.say("no field changed") }
            return fields.map { "\(RecordFields.label($0.name)): \(shown($0.old, in: w)) → \(shown($0.new, in: w))" }.joined(
                separator: "; ")
        }
    }

    /// What kind of change it was, in the session's language.
    static func said(_ op: HistoryEntry.Op) -> String {
        switch op {
        case .create: return Words.say("create", context: "change")
        case .edit: return Words.say("edit", context: "change")
        case .delete: return Words.say("delete", context: "change")
        }
    }

    /// The change whole, for the pager: every fact of it, then each field before and after.
    static func whole(_ e: HistoryEntry, in w: World) -> [String] {
        // The labels padded to one width, the values in a column under each other.
        let facts = [
            (Words.say("When", context: "history"), EventTime.second(e.at) + " UTC"), (Words.say("Who", context: "history"), e.by),
            (Words.say("Machine", context: "history"), e.host), (Words.say("Source", context: "history"), e.source),
            (Words.say("Record", context: "history"), "\(name(of: e, in: w)) (\(e.record))"),
            (Words.say("Change", context: "history"), said(e.op)), (Words.say("Event", context: "history"), e.event),
        ]
        let width = facts.map { DisplayWidth.of($0.0) }.max() ?? 0
        var lines = facts.map { $0.0 + String(repeating: " ", count: max(2, width + 2 - DisplayWidth.of($0.0))) + $0.1 } + [""]
        for f in e.fields {
            lines.append(f.name)
            switch e.op {
            case .create: lines.append("    " + shown(f.new, in: w))
            case .delete: lines.append("    " + Words.say("was {value}", ["value": shown(f.old, in: w)]))
            case .edit:
                lines.append("    " + Words.say("was {value}", ["value": shown(f.old, in: w)]))
                lines.append("    " + Words.say("now {value}", ["value": shown(f.new, in: w)]))
            }
        }
        if e.fields.isEmpty { lines.append(Words.say("No field changed.")) }
        return lines
    }
}

import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// `cairn log [RECORD] [--since DATE] [--by USER] [--json]`: who changed what, and when.
struct LogCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "log",
            abstract: Words.say("One record's history, or the store's recent changes, newest first.", context: "command"),
            discussion: Words.say(
                "Each change with when (UTC), who, from which machine and source (typed, undo, import of FILE), and each field's old → new value. RECORD is an id (a deleted record's too) or an exact name.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The record: an id or an exact name (all records when left out).", context: "option")))
    var record: String?
    @Option(
        help: ArgumentHelp(Words.say("Only changes on or after this day (2026-11-20, today, -7d).", context: "option"), valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp(Words.say("Only changes by this account.", context: "option"), valueName: "user")) var by: String?
    @Flag(
        help: ArgumentHelp(
            Words.say(
                "Print a JSON array: at, by, host, source, record, kind, op (create|edit|delete), fields {name: {old, new}}.",
                context: "option")))
    var json = false

    /// How many changes an unfiltered log shows.
    static let recent = 50

    func run() throws {
        let store = try options.open()
        let id = try record.map { try Self.resolve($0, in: store) }
        let day = try since.map { try DayInput.parse($0, today: Day.today()).description }
        // Without a record or a filter, a terminal gets the latest changes, not the whole trail.
        let limited = !json && id == nil && since == nil && by == nil
        var writer = json ? LogJSONWriter() : nil
        let names = RecordNames(world: store.world)
        let counted: (shown: Int, matching: Int)
        do {
            // Each change is printed as it is worked out: a million of them are never held.
            counted = try store.log(record: id, since: day, by: by, limit: limited ? Self.recent : nil) { entry in
                if writer != nil { writer!.add(entry) } else { printEntry(entry, names: names) }
            }
        } catch {
            throw CLIError(error.message)
        }
        if var writer {
            try writer.finish()
            return
        }
        if counted.shown == 0 {
            print(
                id != nil
                    ? Words.say("no changes to {record}", context: "cli", ["record": record ?? ""])
                    : since != nil || by != nil
                        ? Words.say("no changes match", context: "cli") : Words.say("no changes yet", context: "cli"))
            return
        }
        if counted.shown < counted.matching {
            print(
                Words.count(
                    "the latest {shown} of {count} change: --since DATE, --by USER or a RECORD shows more",
                    "the latest {shown} of {count} changes: --since DATE, --by USER or a RECORD shows more", counted.matching,
                    context: "log", ["shown": "\(counted.shown)"]))
        }
    }

    /// One change: its line, then each field it changed.
    private func printEntry(_ e: HistoryEntry, names: RecordNames) {
        let when = EventTime.minute(e.at)
        let source = e.source == "typed" ? "" : " · \(e.source)"
        let line = Words.say(
            "{when}  {by} on {host}{source}  {op}  {name} ({record})", context: "log",
            [
                "when": when, "by": e.by, "host": e.host, "source": source, "op": Self.said(e.op), "name": names.name(of: e),
                "record": e.record,
            ])
        print(Text.visible(line))
        for f in e.fields {
            switch e.op {
            case .create: print(Text.visible("    \(f.name): \(Self.shown(f.new))"))
            case .delete:
                print(Text.visible("    " + Words.say("{field} was {old}", context: "log", ["field": f.name, "old": Self.shown(f.old)])))
            case .edit: print(Text.visible("    \(f.name): \(Self.shown(f.old)) → \(Self.shown(f.new))"))
            }
        }
    }

    static func shown(_ value: JSONValue) -> String {
        value.isEmptyValue ? Words.say("(nothing)", context: "log") : Words.say("“{name}”", context: "quoted", ["name": value.display])
    }

    /// What was done, as a person reads it (the JSON keeps `create`, `edit`, `delete`).
    static func said(_ op: HistoryEntry.Op) -> String {
        switch op {
        case .create: return Words.say("create", context: "log")
        case .edit: return Words.say("edit", context: "log")
        case .delete: return Words.say("delete", context: "log")
        }
    }

    /// An id as it is (a deleted record's is still in the journal), else an exact name.
    static func resolve(_ reference: String, in store: Store) throws -> String {
        if RecordKind.allCases.contains(where: { RecordID.isValid(reference, for: $0) }) { return reference }
        return try store.world.findRecord(reference).id
    }

    /// The JSON shape of one change (a contract: scripts read it).
    struct Listed: Encodable {
        struct Field: Encodable {
            var old: JSONValue
            var new: JSONValue
        }
        var at: String
        var by: String
        var host: String
        var source: String
        var record: String
        var kind: String
        var op: String
        var fields: [String: Field]

        init(_ e: HistoryEntry) {
            at = e.at
            by = e.by
            host = e.host
            source = e.source
            record = e.record
            kind = e.kind.rawValue
            op = e.op.rawValue
            fields = Dictionary(e.fields.map { ($0.name, Field(old: $0.old, new: $0.new)) }, uniquingKeysWith: { a, _ in a })
        }
    }
}

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
            discussion: """
                Each change with when (UTC), who, from which machine and source (typed, undo, import \
                of FILE), and each field's old → new value. RECORD is an id (a deleted record's too) \
                or an exact name.
                """)
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The record: an id or an exact name (all records when left out).") var record: String?
    @Option(help: ArgumentHelp("Only changes on or after this day (2026-11-20, today, -7d).", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only changes by this account.", valueName: "user")) var by: String?
    @Flag(help: "Print a JSON array: at, by, host, source, record, kind, op (create|edit|delete), fields {name: {old, new}}.")
    var json = false

    /// How many changes an unfiltered log shows.
    static let recent = 50

    func run() throws {
        let store = try options.open()
        let id = try record.map { try Self.resolve($0, in: store) }
        let day = try since.map { try DayInput.parse($0, today: Day.today()).description }
        // Without a record or a filter, a terminal gets the latest changes, not the whole trail.
        let limited = !json && id == nil && since == nil && by == nil
        let entries: [HistoryEntry]
        let matching: Int
        do {
            (entries, matching) = try store.log(record: id, since: day, by: by, limit: limited ? Self.recent : nil)
        } catch {
            throw CLIError(error.message)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            printJSON(try encoder.encode(entries.map(Listed.init)))
            return
        }
        if entries.isEmpty {
            print(id == nil ? "no changes" + (since != nil || by != nil ? " match" : " yet") : "no changes to \(record ?? "")")
            return
        }
        for e in entries {
            let when = EventTime.minute(e.at)
            let source = e.source == "typed" ? "" : " · \(e.source)"
            print(
                Text.visible("\(when)  \(e.by) on \(e.host)\(source)  \(e.op.rawValue)  \(store.world.name(of: e)) (\(e.record))")
            )
            for f in e.fields {
                switch e.op {
                case .create: print(Text.visible("    \(f.name): \(Self.shown(f.new))"))
                case .delete: print(Text.visible("    \(f.name) was \(Self.shown(f.old))"))
                case .edit: print(Text.visible("    \(f.name): \(Self.shown(f.old)) → \(Self.shown(f.new))"))
                }
            }
        }
        if entries.count < matching {
            print("the latest \(entries.count) of \(matching) changes: --since DATE, --by USER or a RECORD shows more")
        }
    }

    static func shown(_ value: JSONValue) -> String { value.isEmptyValue ? "(nothing)" : "“\(value.display)”" }

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

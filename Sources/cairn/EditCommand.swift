import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn edit RECORD FIELD=VALUE…`: set fields of any record by the names the JSON export uses.
struct EditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "edit",
            abstract: Words.say("Set fields of a record: cairn edit RECORD municipality=Loures due=2027-01-15", context: "command"),
            discussion: Words.say(
                "RECORD is an id or the exact name (title, statement) of any record. FIELD is the name the JSON export uses; an empty value clears the field. Prints what changed.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The record: an id or an exact name.", context: "option"))) var record: String
    @Argument(help: ArgumentHelp(Words.say("FIELD=VALUE, one or more.", context: "option"))) var assignments: [String]

    var fieldValues: [FieldValue] {
        assignments.compactMap { a in
            a.firstIndex(of: "=").map { FieldValue(String(a[..<$0]), String(a[a.index(after: $0)...])) }
        }
    }

    func validate() throws {
        if assignments.isEmpty { throw ValidationError(Words.say("say what to change: FIELD=VALUE (municipality=Loures)", context: "cli")) }
        if let bad = assignments.first(where: { !$0.contains("=") || $0.hasPrefix("=") }) {
            throw ValidationError(Words.say("“{text}” is not FIELD=VALUE", context: "cli", ["text": bad]))
        }
    }

    func run() throws {
        let store = try options.open()
        let before = try store.world.findRecord(record)
        let outcome = try perform(.setFields(before.kind, id: before.id, fieldValues), on: store)
        guard let after = store.world.record(before.kind, id: before.id) else { return }
        let old = Dictionary(RecordFields.values(of: before).map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })
        let changed = RecordFields.values(of: after).filter { old[$0.field] != $0.value }
        if changed.isEmpty {
            print(Words.say("nothing changed: {record} already says so", context: "cli", ["record": store.world.describe(after)]))
            return
        }
        print(outcome.summary)
        if case .measurement(let m) = after, changed.contains(where: { $0.field == "value" }),
            let warning = store.world.goals[m.goal]?.outlierWarning(m.value)
        {
            printError(Words.say("warning: {warning}", context: "cli", ["warning": warning]))
        }
        for c in changed { print("  \(c.field): \(Self.shown(old[c.field] ?? "")) → \(Self.shown(c.value))") }
    }

    static func shown(_ value: String) -> String { value.isEmpty ? Words.say("(none)", context: "cli") : value }
}

import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation
import TermUI

/// `cairn conflicts [--json]`: fields two people set without seeing each other's change, what
/// stands and what did not, until someone chooses (Home › C in the terminal UI).
struct ConflictsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "conflicts",
            abstract: Words.say("List fields set by two people who had not seen each other's change.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Flag(
        help: ArgumentHelp(
            Words.say("Print a JSON array: record, kind, field, kept {value, by, at}, others [{value, by, at}].", context: "option")))
    var json = false

    func run() throws {
        let store = try options.open()
        let conflicts = store.world.openConflicts
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            printJSON(try encoder.encode(conflicts.map(Listed.init)))
            return
        }
        if conflicts.isEmpty {
            print(Words.say("no conflicts", context: "cli"))
            return
        }
        // The value kept and those not kept stand in one column, whatever the two words' widths.
        let keptWord = Words.say("kept", context: "conflicts")
        let notWord = Words.say("not", context: "conflicts: a value not kept")
        let width = max(8, DisplayWidth.of(keptWord) + 1, DisplayWidth.of(notWord) + 1)
        func mark(_ word: String) -> String { "  " + word + String(repeating: " ", count: width - DisplayWidth.of(word)) }
        for c in conflicts {
            let field = c.recordDeleted ? Words.say("deleted while edited", context: "conflicts") : c.field
            print(Text.visible("\(store.world.describe(c)) (\(c.record)): \(field)"))
            print(Text.visible(mark(keptWord) + side(c.kept, deleted: c.recordDeleted)))
            for other in c.others {
                if let parent = store.world.deletedParent(in: c) {
                    let made = Words.say(
                        "made in {parent}, deleted meanwhile  {side}", context: "conflicts",
                        ["parent": store.world.describe(parent), "side": side(other, deleted: false)])
                    print(Text.visible(mark(notWord) + made))
                } else {
                    print(Text.visible(mark(notWord) + side(other, deleted: false)))
                }
            }
        }
        print(
            Words.count(
                "{count} conflict: choose what to keep with C on the terminal UI's Home",
                "{count} conflicts: choose what to keep with C on the terminal UI's Home", conflicts.count, context: "cli"))
    }

    private func side(_ s: Conflict.Side, deleted: Bool) -> String {
        let by = s.by.isEmpty ? Words.say("someone", context: "conflicts") : s.by
        let at = s.at.isEmpty ? "?" : s.at
        guard !deleted else { return Words.say("(deleted)  by {by}  at {at}", context: "conflicts", ["by": by, "at": at]) }
        return Words.say("“{value}”  by {by}  at {at}", context: "conflicts", ["value": s.value.display, "by": by, "at": at])
    }

    /// The JSON shape of one conflict (a contract: scripts read it).
    struct Listed: Encodable {
        struct Side: Encodable {
            var value: JSONValue
            var by: String
            var at: String
        }
        var record: String
        var kind: String
        var field: String
        var kept: Side
        var others: [Side]

        init(_ c: Conflict) {
            record = c.record
            kind = c.kind.rawValue
            field = c.field
            kept = Side(value: c.kept.value, by: c.kept.by, at: c.kept.at)
            others = c.others.map { Side(value: $0.value, by: $0.by, at: $0.at) }
        }
    }
}

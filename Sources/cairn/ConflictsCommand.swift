import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// `cairn conflicts [--json]`: fields two people set without seeing each other's change, what
/// stands and what did not, until someone chooses (Home › C in the terminal UI).
struct ConflictsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "conflicts",
            abstract: Words.say("List fields set by two people who had not seen each other's change.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Flag(help: "Print a JSON array: record, kind, field, kept {value, by, at}, others [{value, by, at}].") var json = false

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
            print("no conflicts")
            return
        }
        for c in conflicts {
            print(Text.visible("\(store.world.describe(c)) (\(c.record)): \(c.recordDeleted ? "deleted while edited" : c.field)"))
            print(Text.visible("  kept    \(side(c.kept, deleted: c.recordDeleted))"))
            for other in c.others {
                if let parent = store.world.deletedParent(in: c) {
                    print(
                        Text.visible("  not     made in \(store.world.describe(parent)), deleted meanwhile  \(side(other, deleted: false))")
                    )
                } else {
                    print(Text.visible("  not     \(side(other, deleted: false))"))
                }
            }
        }
        print("\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"): choose what to keep with C on the terminal UI's Home")
    }

    private func side(_ s: Conflict.Side, deleted: Bool) -> String {
        let value = deleted ? "(deleted)" : "“\(s.value.display)”"
        return "\(value)  by \(s.by.isEmpty ? "someone" : s.by)  at \(s.at.isEmpty ? "?" : s.at)"
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

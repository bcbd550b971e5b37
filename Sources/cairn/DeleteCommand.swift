import ArgumentParser
import CairnCore
import CairnStore
import CairnWords

/// `cairn delete RECORD`: the same cascade as `d` in the terminal UI, and what went with it.
struct DeleteCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete",
            abstract: Words.say("Delete a record, with what only makes sense with it (as d does on screen).", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The record: an id or an exact name.", context: "option"))) var record: String

    func run() throws {
        let store = try options.open()
        let target = try store.world.findRecord(record)
        let before = store.world
        let outcome = try perform(.delete(target.kind, id: target.id), on: store)
        print(outcome.summary)
        for change in outcome.changes where change.recordID != target.id {
            switch change {
            case .delete(let kind, let id):
                let what = before.record(kind, id: id).map(before.describe) ?? id
                let line =
                    kind == .membership
                    ? Words.say("removed {record} ({id})", context: "cli", ["record": what, "id": id])
                    : Words.say("deleted {record} ({id})", context: "cli", ["record": what, "id": id])
                print("  " + line)
            case .put(let record):
                print("  " + Self.cleared(before.describe(record), id: record.id, target: target.id))
            case .edit(let edit):
                let what = before.record(edit.kind, id: edit.id).map(before.describe) ?? edit.id
                print("  " + Self.cleared(what, id: edit.id, target: target.id))
            }
        }
    }

    static func cleared(_ record: String, id: String, target: String) -> String {
        Words.say("{record} ({id}): link to {target} cleared", context: "cli", ["record": record, "id": id, "target": target])
    }
}

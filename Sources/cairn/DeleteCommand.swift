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
    @Argument(help: "The record: an id or an exact name.") var record: String

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
                print("  \(kind == .membership ? "removed" : "deleted") \(what) (\(id))")
            case .put(let record):
                print("  \(before.describe(record)) (\(record.id)): link to \(target.id) cleared")
            case .edit(let edit):
                let what = before.record(edit.kind, id: edit.id).map(before.describe) ?? edit.id
                print("  \(what) (\(edit.id)): link to \(target.id) cleared")
            }
        }
    }
}

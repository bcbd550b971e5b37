import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct UndoImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "undo-import",
            abstract: Words.say(
                "Undo an import: what it added is deleted, what it changed is put back (as new events, kept in the trail).",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: "The import's id (imp-…, as the import printed it), or its file: the latest import of that file.")
    var reference: String
    @Flag(name: .customLong("dry-run"), help: "Show what would change; write nothing.") var dryRun = false

    func run() throws {
        let store = try options.open()
        let run = try store.importRun(reference)
        if let undone = run.undone {
            throw CLIError("import \(run.id) of \(run.file) was undone already, by \(undone.by) at \(EventTime.minute(undone.at)) UTC")
        }
        let plan = ImportUndo.plan(run, world: store.world)
        print("import \(run.id) of \(run.file) by \(run.by) at \(EventTime.minute(run.at)) UTC")
        for note in plan.kept { print("kept: \(note)") }
        guard !plan.inverse.isEmpty else { throw CLIError("nothing of import \(run.id) is left to undo") }
        var counts = "\(Text.counted(plan.deleted, "record")) deleted, \(plan.restored) put back as before"
        if plan.keptRecords > 0 { counts += ", \(plan.keptRecords) kept (edited since)" }
        if dryRun {
            print("dry run: \(counts); nothing written")
            return
        }
        try perform(.undo(plan.inverse, summary: plan.summary), on: store, source: ImportRun.undoPrefix + run.id)
        print("undone: \(counts)")
    }
}

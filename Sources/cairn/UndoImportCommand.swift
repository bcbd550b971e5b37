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
    @Argument(
        help: ArgumentHelp(
            Words.say("The import's id (imp-…, as the import printed it), or its file: the latest import of that file.", context: "option"))
    )
    var reference: String
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Words.say("Show what would change; write nothing.", context: "option")))
    var dryRun = false

    func run() throws {
        let store = try options.open()
        let run = try store.importRun(reference)
        if let undone = run.undone {
            throw CLIError(
                Words.say(
                    "import {id} of {file} was undone already, by {by} at {when} UTC", context: "cli",
                    ["id": run.id, "file": run.file, "by": undone.by, "when": EventTime.minute(undone.at)]))
        }
        let plan = ImportUndo.plan(run, world: store.world)
        print(
            Words.say(
                "import {id} of {file} by {by} at {when} UTC", context: "cli",
                ["id": run.id, "file": run.file, "by": run.by, "when": EventTime.minute(run.at)]))
        for note in plan.kept { print(Words.say("kept: {note}", context: "cli", ["note": note])) }
        guard !plan.inverse.isEmpty else {
            throw CLIError(Words.say("nothing of import {id} is left to undo", context: "cli", ["id": run.id]))
        }
        var counts = Words.count(
            "{count} record deleted, {restored} put back as before", "{count} records deleted, {restored} put back as before", plan.deleted,
            context: "cli", ["restored": "\(plan.restored)"])
        if plan.keptRecords > 0 {
            counts += ", " + Words.count("{count} kept (edited since)", "{count} kept (edited since)", plan.keptRecords, context: "cli")
        }
        if dryRun {
            print(Words.say("dry run: {counts}; nothing written", context: "cli", ["counts": counts]))
            return
        }
        try perform(.undo(plan.inverse, summary: plan.summary), on: store, source: ImportRun.undoPrefix + run.id)
        print(Words.say("undone: {counts}", context: "cli", ["counts": counts]))
    }
}

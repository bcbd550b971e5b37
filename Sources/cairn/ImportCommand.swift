import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: Words.say("Import a register of schools (or agencies) from CSV or TSV; safe to run again.", context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Words.say("The register file (CSV or TSV, UTF-8 or Windows-1252).", context: "option"))) var file: String
    @Option(name: .customLong("as"), help: ArgumentHelp(Words.say("What the rows are: school or agency.", context: "option"))) var kind:
        MemberType = .school
    @Option(
        help: ArgumentHelp(
            Words.say("FIELD=COLUMN, where the guess from the header is wrong (column by name or number).", context: "option"))) var map:
        [String] = []
    @Option(help: ArgumentHelp(Words.say("FIELD=VALUE for every row (phases=early-childhood, sector=health).", context: "option"))) var set:
        [String] = []
    @Option(
        name: .customLong("map-phase"),
        help: ArgumentHelp(Words.say("\"WORD=PHASE[,PHASE]\": the register's word for a phase.", context: "option"))) var mapPhase:
        [String] = []
    @Option(
        name: .customLong("phase-column"),
        help: ArgumentHelp(
            Words.say(
                "COLUMN=PHASE[,PHASE]: a yes/no column; a row that says yes there (1, x, yes, sim, ja, oui, tak…) gets those phases.",
                context: "option")))
    var phaseColumn: [String] = []
    @Option(
        name: .customLong("phase-words"),
        help: ArgumentHelp(
            Words.say(
                "A file of phase words, one a line (WORD = PHASE[, PHASE]), added to Cairn's own (Resources/phase-words.txt).",
                context: "option")))
    var phaseWords: [String] = []
    @Option(
        name: .customLong("cluster-by"),
        help: ArgumentHelp(
            Words.say("ID_COLUMN[,NAME_COLUMN] or NAME_COLUMN: group rows into clusters by that id (or name).", context: "option")))
    var clusterBy: String?
    @Option(
        name: .customLong("grouping-by"),
        help: ArgumentHelp(
            Words.say(
                "ID_COLUMN[,NAME_COLUMN] or COLUMN (a region, a parent): each cluster joins the grouping its rows name, made if absent.",
                context: "option")))
    var groupingBy: String?
    @Option(
        name: .customLong("grouping-kind"),
        help: ArgumentHelp(Words.say("What a grouping made by --grouping-by is (default: regional-collaborative).", context: "option")))
    var groupingKind: ClusterKind?
    @Flag(
        name: .customLong("use-file-names"),
        help: ArgumentHelp(Words.say("Where a cluster's name differs, take the file's.", context: "option"))) var useFileNames = false
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Words.say("Show what would change; write nothing.", context: "option")))
    var dryRun = false

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let data = try FileArgument.read(file)
        do { try RegisterFile.requireText(data, path: file) } catch { throw CLIError(error.message) }
        let store = try options.open()
        if data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{") {
            try importExport(data, into: store)
            return
        }
        var opts = ImportOptions()
        opts.kind = kind
        opts.maps = map
        opts.sets = set
        opts.phaseOverrides = mapPhase
        opts.phaseColumns = phaseColumn
        for path in phaseWords {
            let words = try FileArgument.read(path)
            // Read as registers are: a byte-order mark, UTF-16 or Windows-1252 from a spreadsheet's "save as".
            opts.phaseWordFiles.append(((path as NSString).lastPathComponent, try RegisterText.decode(words).text))
        }
        opts.clusterBy = clusterBy
        opts.useFileClusterNames = useFileNames
        if groupingKind != nil, groupingBy == nil {
            throw CLIError(Words.say("--grouping-kind needs --grouping-by: the column naming the grouping", context: "cli"))
        }
        opts.groupingBy = groupingBy
        opts.groupingKind = groupingKind ?? .regionalCollaborative
        let table = try RegisterTable.read(data)
        try checkColumns(table.header)
        let (changes, summary) = try RegisterImport.plan(table, options: opts, world: store.world)
        for line in summary.report { print(line) }
        if dryRun {
            print(Words.say("dry run: nothing written", context: "cli"))
            return
        }
        guard !changes.isEmpty else { return }
        let run = ImportRun.makeID()
        try perform(
            .carry(changes, summary: Words.say("Imported {file}", context: "cli", ["file": url.lastPathComponent])), on: store,
            source: ImportRun.source(file: url.lastPathComponent, run: run))
        print(
            Words.count(
                "written: {count} change from {file} by {user}, as import {run}",
                "written: {count} changes from {file} by {user}, as import {run}",
                changes.count, context: "cli", ["file": url.lastPathComponent, "user": store.identity.user, "run": run]))
        print(Words.say("undo it with: cairn undo-import {run}", context: "cli", ["run": run]))
    }

    /// The columns `--cluster-by`, `--grouping-by` and `--map` name are in the register: the
    /// first one that is not is blamed on its own option, with the columns there are.
    func checkColumns(_ header: [String]) throws {
        var named: [(option: String, value: String, column: String)] = []
        for (option, spec) in [("--cluster-by", clusterBy), ("--grouping-by", groupingBy)] {
            guard let spec else { continue }
            for part in spec.split(separator: ",") { named.append((option, spec, part.trimmingCharacters(in: .whitespaces))) }
        }
        for m in map {
            let parts = m.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { named.append(("--map", m, String(parts[1]))) }
        }
        guard let missing = named.first(where: { ColumnMapping.column($0.column, in: header) == nil }) else { return }
        let more = header.count > 12 ? Words.count(", … {count} more", ", … {count} more", header.count - 12, context: "cli") : ""
        let shown = header.prefix(12).map { Words.say("“{name}”", context: "quoted", ["name": $0]) }.joined(separator: ", ") + more
        throw CLIError(
            Words.say(
                "{option} {value}: the register has no column “{column}”; its columns are {columns}", context: "cli",
                ["option": missing.option, "value": missing.value, "column": missing.column, "columns": shown]))
    }

    /// A `cairn export --format json` document: its records, with their ids, into an empty store.
    func importExport(_ data: Data, into store: Store) throws {
        guard store.world.isEmpty, store.world.memberships.isEmpty else {
            throw CLIError(
                Words.say("a JSON export is imported into an empty store only (this one has records): use --store NEW_DIR", context: "cli"))
        }
        let changes = try JSONImport.changes(data)
        if dryRun {
            print(
                Words.count(
                    "dry run: {count} record would be written", "dry run: {count} records would be written", changes.count, context: "cli"))
            return
        }
        // A restore carries the state as it was: gaps (an action whose member has left) are kept,
        // but a record the store could never have held (a tick without its day) is refused.
        try perform(.carry(changes, summary: Words.say("Restored the JSON export", context: "cli")), on: store)
        print(
            Words.count(
                "written: {count} record from the JSON export", "written: {count} records from the JSON export", changes.count,
                context: "cli"))
    }
}

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
    @Argument(help: "The register file (CSV or TSV, UTF-8 or Windows-1252).") var file: String
    @Option(name: .customLong("as"), help: "What the rows are: school or agency.") var kind: MemberType = .school
    @Option(help: "FIELD=COLUMN, where the guess from the header is wrong (column by name or number).") var map: [String] = []
    @Option(help: "FIELD=VALUE for every row (phases=early-childhood, sector=health).") var set: [String] = []
    @Option(name: .customLong("map-phase"), help: "\"WORD=PHASE[,PHASE]\": the register's word for a phase.") var mapPhase: [String] = []
    @Option(
        name: .customLong("phase-column"),
        help: "COLUMN=PHASE[,PHASE]: a yes/no column; a row that says yes there (1, x, yes, sim, ja, oui, tak…) gets those phases.")
    var phaseColumn: [String] = []
    @Option(
        name: .customLong("phase-words"),
        help: "A file of phase words, one a line (WORD = PHASE[, PHASE]), added to Cairn's own (Resources/phase-words.txt).")
    var phaseWords: [String] = []
    @Option(name: .customLong("cluster-by"), help: "ID_COLUMN[,NAME_COLUMN] or NAME_COLUMN: group rows into clusters by that id (or name).")
    var clusterBy: String?
    @Option(
        name: .customLong("grouping-by"),
        help: "ID_COLUMN[,NAME_COLUMN] or COLUMN (a region, a parent): each cluster joins the grouping its rows name, made if absent.")
    var groupingBy: String?
    @Option(name: .customLong("grouping-kind"), help: "What a grouping made by --grouping-by is (default: regional-collaborative).")
    var groupingKind: ClusterKind?
    @Flag(name: .customLong("use-file-names"), help: "Where a cluster's name differs, take the file's.") var useFileNames = false
    @Flag(name: .customLong("dry-run"), help: "Show what would change; write nothing.") var dryRun = false

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
        if groupingKind != nil, groupingBy == nil { throw CLIError("--grouping-kind needs --grouping-by: the column naming the grouping") }
        opts.groupingBy = groupingBy
        opts.groupingKind = groupingKind ?? .regionalCollaborative
        let table = try RegisterTable.read(data)
        try checkColumns(table.header)
        let (changes, summary) = try RegisterImport.plan(table, options: opts, world: store.world)
        for line in summary.report { print(line) }
        if dryRun {
            print("dry run: nothing written")
            return
        }
        guard !changes.isEmpty else { return }
        let run = ImportRun.makeID()
        try perform(
            .carry(changes, summary: "Imported \(url.lastPathComponent)"), on: store,
            source: ImportRun.source(file: url.lastPathComponent, run: run))
        print("written: \(Text.counted(changes.count, "change")) from \(url.lastPathComponent) by \(store.identity.user), as import \(run)")
        print("undo it with: cairn undo-import \(run)")
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
        let shown = header.prefix(12).map { "“\($0)”" }.joined(separator: ", ") + (header.count > 12 ? ", … \(header.count - 12) more" : "")
        throw CLIError("\(missing.option) \(missing.value): the register has no column “\(missing.column)”; its columns are \(shown)")
    }

    /// A `cairn export --format json` document: its records, with their ids, into an empty store.
    func importExport(_ data: Data, into store: Store) throws {
        guard store.world.isEmpty, store.world.memberships.isEmpty else {
            throw CLIError("a JSON export is imported into an empty store only (this one has records): use --store NEW_DIR")
        }
        let changes = try JSONImport.changes(data)
        if dryRun {
            print("dry run: \(Text.counted(changes.count, "record")) would be written")
            return
        }
        // A restore carries the state as it was: gaps (an action whose member has left) are kept,
        // but a record the store could never have held (a tick without its day) is refused.
        try perform(.carry(changes, summary: "Restored the JSON export"), on: store)
        print("written: \(Text.counted(changes.count, "record")) from the JSON export")
    }
}

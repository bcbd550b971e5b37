import CairnCore
import CairnWords
import Foundation

/// What `cairn import` (and the import screen) asked for.
public struct ImportOptions: Sendable {
    public var kind: MemberType = .school
    public var maps: [String] = []
    /// `FIELD=VALUE` given to every row (`phases=early-childhood`, `sector=health`).
    public var sets: [String] = []
    public var phaseOverrides: [String] = []
    /// `COLUMN=PHASE[,PHASE]`: yes/no columns, one a phase.
    public var phaseColumns: [String] = []
    /// `--phase-words FILE`: each file's name and text.
    public var phaseWordFiles: [(name: String, text: String)] = []
    /// `ID_COLUMN[,NAME_COLUMN]`: rows grouped into clusters by that id.
    public var clusterBy: String?
    /// `clusterBy` names a column of cluster names (the import screen knows when it does).
    public var clusterByName = false
    /// `ID_COLUMN[,NAME_COLUMN]` or `COLUMN`: the grouping each row's cluster joins.
    public var groupingBy: String?
    /// What a grouping the import makes is (a regional collaborative unless said).
    public var groupingKind: ClusterKind = .regionalCollaborative
    /// Take the file's cluster names where they differ from the store's.
    public var useFileClusterNames = false
    /// Use `maps` as the whole mapping, without guessing (the import screen sends every field it shows).
    public var exactMapping = false
    /// With `exactMapping`, still guess the yes/no phase columns (the screen's first preview).
    public var guessPhaseColumns = false

    public init() {}
}

/// What an import did, or would do with `--dry-run`: counts, every skipped row with its line and
/// reason, the mapping and phase words used, and cluster names that differ.
public struct ImportSummary: Sendable {
    public var encoding: RegisterEncoding = .utf8
    public var delimiter: Character = ","
    public var headerLine = 1
    public var mapping: [(field: String, column: String)] = []
    public var added = 0, updated = 0, unchanged = 0
    public var skipped: [(line: Int, reason: String)] = []
    public var clustersAdded = 0, membershipsAdded = 0
    public var clusterNameDifferences: [(officialId: String, store: String, file: String)] = []
    /// Clusters whose region the register set (the one most of their rows name).
    public var regionsSet = 0
    public var phaseWords: [(word: String, phases: [Phase], rows: Int)] = []
    public var unknownPhaseWords: [(word: String, rows: Int)] = []
    /// Yes/no columns read as phases, and how many rows said yes.
    public var phaseColumns: [(column: String, phases: [Phase], yes: Int, guessed: Bool)] = []
    /// Cells of a yes/no column that are neither (read as no).
    public var unreadableYesNo: [(column: String, value: String, rows: Int)] = []
    /// Rows without an official id that may be a record twice: kept as separate records.
    public var possibleDuplicates: [(line: Int, note: String)] = []
    /// Clusters were given by a name column alone, and matched by that name.
    public var clustersByName = false
    /// Groupings above the clusters that the import made, and clusters it made members of one.
    public var groupingsAdded = 0, groupingMembershipsAdded = 0
    /// Clusters that could not join the grouping their rows name (it is within them), each said.
    public var groupingsRefused: [String] = []

    /// The lines of `skipped` that a stray quote broke.
    public var strayQuoteLines: Set<Int> = []

    /// The summary as lines for a person, as `cairn import` prints it.
    public var report: [String] {
        var lines: [String] = []
        if encoding == .windows1252 { lines.append(encodingWarning) }
        let read = ["encoding": encoding.said, "line": String(headerLine)]
        switch delimiter {
        case ",": lines.append(Words.say("read as {encoding}, comma-separated, header on line {line}", context: "store", read))
        case ";": lines.append(Words.say("read as {encoding}, semicolon-separated, header on line {line}", context: "store", read))
        case "\t": lines.append(Words.say("read as {encoding}, tab-separated, header on line {line}", context: "store", read))
        default:
            lines.append(
                Words.say(
                    "read as {encoding}, separated by {delimiter}, header on line {line}", context: "store",
                    read.merging(["delimiter": RegisterTable.name(delimiter)]) { a, _ in a }))
        }
        lines += strayQuoteWarnings
        lines.append(
            Words.say(
                "columns: {columns}", context: "store", ["columns": mapping.map { "\($0.field) ← “\($0.column)”" }.joined(separator: ", ")])
        )
        if !phaseColumns.isEmpty {
            let each = phaseColumns.map { c in
                let values = ["phases": c.phases.map(\.rawValue).joined(separator: "+"), "column": c.column, "yes": String(c.yes)]
                return c.guessed
                    ? Words.say("{phases} ← “{column}” (yes on {yes}, guessed)", context: "store", values)
                    : Words.say("{phases} ← “{column}” (yes on {yes})", context: "store", values)
            }
            lines.append(Words.say("phase columns: {columns}", context: "store", ["columns": each.joined(separator: "; ")]))
        }
        lines += unreadableYesNoLines
        if !phaseWords.isEmpty {
            let each = phaseWords.map { "“\($0.word)” → \($0.phases.map(\.rawValue).joined(separator: "+")) (\($0.rows))" }
            lines.append(Words.say("phase words: {words}", context: "store", ["words": each.joined(separator: "; ")]))
        }
        for u in unknownPhaseWords {
            lines.append(
                Words.count(
                    "unknown phase word “{word}” on {count} row: left without a phase (--map-phase \"{word}=PHASE\")",
                    "unknown phase word “{word}” on {count} rows: left without a phase (--map-phase \"{word}=PHASE\")", u.rows,
                    context: "store",
                    ["word": u.word]))
        }
        lines.append(counts)
        lines += clusterLines(screen: false)
        for d in possibleDuplicates {
            lines.append(Words.say("possible duplicate, line {line}: {note}", context: "store", ["line": String(d.line), "note": d.note]))
        }
        for s in skipped {
            lines.append(Words.say("skipped line {line}: {reason}", context: "store", ["line": String(s.line), "reason": s.reason]))
        }
        return lines
    }

    public var encodingWarning: String {
        Words.say("warning: the file is not UTF-8; it was read as Windows-1252 (check names with accents below)", context: "store")
    }

    /// A stray quote first: it is the one problem that would otherwise hide rows.
    public var strayQuoteWarnings: [String] {
        skipped.filter { strayQuoteLines.contains($0.line) }.map {
            Words.say(
                "warning: line {line}: {reason}; that row is skipped and the lines after it are read as rows", context: "store",
                ["line": String($0.line), "reason": $0.reason])
        }
    }

    public var unreadableYesNoLines: [String] {
        unreadableYesNo.map {
            Words.count(
                "yes/no column “{column}” holds “{value}” on {count} row: read as no",
                "yes/no column “{column}” holds “{value}” on {count} rows: read as no", $0.rows, context: "store",
                ["column": $0.column, "value": $0.value])
        }
    }

    public var counts: String {
        Words.say(
            "{added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped", context: "store",
            ["added": String(added), "updated": String(updated), "unchanged": String(unchanged), "skipped": String(skipped.count)])
    }

    /// What the import does to clusters. `screen`: said in the import screen's terms, which has
    /// no flags to point at.
    public func clusterLines(screen: Bool) -> [String] {
        var lines: [String] = []
        if clustersAdded + membershipsAdded > 0 {
            lines.append(
                Words.say(
                    "{clusters} added, {memberships} added", context: "store",
                    [
                        "clusters": Words.count("{count} cluster", "{count} clusters", clustersAdded),
                        "memberships": Words.count("{count} membership", "{count} memberships", membershipsAdded, context: "store"),
                    ]))
        }
        if regionsSet > 0 {
            lines.append(
                Words.count(
                    "{count} cluster given the region most of its rows name", "{count} clusters given the region most of its rows name",
                    regionsSet, context: "store"))
        }
        for d in clusterNameDifferences {
            let values = ["id": d.officialId, "here": d.store, "file": d.file]
            lines.append(
                screen
                    ? Words.say("cluster {id} is “{here}” here and “{file}” in the file: kept “{here}”", context: "store", values)
                    : Words.say(
                        "cluster {id} is “{here}” here and “{file}” in the file: kept “{here}” (--use-file-names takes the file's)",
                        context: "store", values))
        }
        if clustersByName {
            lines.append(Words.say("clusters are matched by their name (the register gives no id for them)", context: "store"))
        }
        if groupingsAdded + groupingMembershipsAdded > 0 {
            lines.append(
                Words.say(
                    "{groupings} added, {clusters} joined the grouping its rows name", context: "store",
                    [
                        "groupings": Words.count("{count} grouping", "{count} groupings", groupingsAdded, context: "store"),
                        "clusters": Words.count("{count} cluster", "{count} clusters", groupingMembershipsAdded),
                    ]))
        }
        lines += groupingsRefused
        return lines
    }
}

import CairnCore
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

    /// The summary as lines for a person, as `cairn import` prints it.
    public var report: [String] {
        var lines: [String] = []
        if encoding == .windows1252 { lines.append(encodingWarning) }
        lines.append("read as \(encoding.rawValue), \(RegisterTable.name(delimiter))-separated, header on line \(headerLine)")
        lines += strayQuoteWarnings
        lines.append("columns: " + mapping.map { "\($0.field) ← “\($0.column)”" }.joined(separator: ", "))
        if !phaseColumns.isEmpty {
            lines.append(
                "phase columns: "
                    + phaseColumns.map {
                        "\($0.phases.map(\.rawValue).joined(separator: "+")) ← “\($0.column)” (yes on \($0.yes)\($0.guessed ? ", guessed" : ""))"
                    }.joined(separator: "; "))
        }
        lines += unreadableYesNoLines
        if !phaseWords.isEmpty {
            lines.append(
                "phase words: "
                    + phaseWords.map { "“\($0.word)” → \($0.phases.map(\.rawValue).joined(separator: "+")) (\($0.rows))" }.joined(
                        separator: "; "))
        }
        for u in unknownPhaseWords {
            lines.append(
                "unknown phase word “\(u.word)” on \(Text.counted(u.rows, "row")): left without a phase (--map-phase \"\(u.word)=PHASE\")")
        }
        lines.append(counts)
        lines += clusterLines(screen: false)
        for d in possibleDuplicates { lines.append("possible duplicate, line \(d.line): \(d.note)") }
        for s in skipped { lines.append("skipped line \(s.line): \(s.reason)") }
        return lines
    }

    public var encodingWarning: String {
        "warning: the file is not UTF-8; it was read as Windows-1252 (check names with accents below)"
    }

    /// A stray quote first: it is the one problem that would otherwise hide rows.
    public var strayQuoteWarnings: [String] {
        skipped.filter { $0.reason.contains("stray quote") }.map {
            "warning: line \($0.line): \($0.reason); that row is skipped and the lines after it are read as rows"
        }
    }

    public var unreadableYesNoLines: [String] {
        unreadableYesNo.map { "yes/no column “\($0.column)” holds “\($0.value)” on \(Text.counted($0.rows, "row")): read as no" }
    }

    public var counts: String { "\(added) added, \(updated) updated, \(unchanged) unchanged, \(skipped.count) skipped" }

    /// What the import does to clusters. `screen`: said in the import screen's terms, which has
    /// no flags to point at.
    public func clusterLines(screen: Bool) -> [String] {
        var lines: [String] = []
        if clustersAdded + membershipsAdded > 0 {
            lines.append("\(Text.counted(clustersAdded, "cluster")) added, \(Text.counted(membershipsAdded, "membership")) added")
        }
        if regionsSet > 0 { lines.append("\(regionsSet) cluster\(regionsSet == 1 ? "" : "s") given the region most of its rows name") }
        for d in clusterNameDifferences {
            let hint = screen ? "" : " (--use-file-names takes the file's)"
            lines.append("cluster \(d.officialId) is “\(d.store)” here and “\(d.file)” in the file: kept “\(d.store)”\(hint)")
        }
        if clustersByName { lines.append("clusters are matched by their name (the register gives no id for them)") }
        if groupingsAdded + groupingMembershipsAdded > 0 {
            let (g, m) = (groupingsAdded, groupingMembershipsAdded)
            lines.append("\(g) grouping\(g == 1 ? "" : "s") added, \(m) cluster\(m == 1 ? "" : "s") joined the grouping its rows name")
        }
        lines += groupingsRefused
        return lines
    }
}

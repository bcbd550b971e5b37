import CairnCore
import Foundation

/// What `cairn import` (and the import screen) asked for.
public struct ImportOptions: Sendable {
    public var kind: MemberType = .school
    public var maps: [String] = []
    /// `FIELD=VALUE` given to every row (`phases=early-childhood`, `sector=health`).
    public var sets: [String] = []
    public var phaseOverrides: [String] = []
    /// `ID_COLUMN[,NAME_COLUMN]`: rows grouped into clusters by that id.
    public var clusterBy: String?
    /// Take the file's cluster names where they differ from the store's.
    public var useFileClusterNames = false
    /// Use `maps` as the whole mapping, without guessing (the import screen sends every field it shows).
    public var exactMapping = false

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

    /// The summary as lines for a person.
    public var report: [String] {
        var lines: [String] = []
        if encoding == .windows1252 {
            lines.append("warning: the file is not UTF-8; it was read as Windows-1252 (check names with accents below)")
        }
        lines.append("read as \(encoding.rawValue), \(RegisterTable.name(delimiter))-separated, header on line \(headerLine)")
        // A stray quote first: it is the one problem that would otherwise hide rows.
        for s in skipped where s.reason.contains("stray quote") {
            lines.append("warning: line \(s.line): \(s.reason); that row is skipped and the lines after it are read as rows")
        }
        lines.append("columns: " + mapping.map { "\($0.field) ← “\($0.column)”" }.joined(separator: ", "))
        if !phaseWords.isEmpty {
            lines.append(
                "phase words: "
                    + phaseWords.map { "“\($0.word)” → \($0.phases.map(\.rawValue).joined(separator: "+")) (\($0.rows))" }.joined(
                        separator: "; "))
        }
        for u in unknownPhaseWords {
            lines.append("unknown phase word “\(u.word)” on \(u.rows) rows: left without a phase (--map-phase \"\(u.word)=PHASE\")")
        }
        lines.append("\(added) added, \(updated) updated, \(unchanged) unchanged, \(skipped.count) skipped")
        if clustersAdded + membershipsAdded > 0 { lines.append("\(clustersAdded) clusters added, \(membershipsAdded) memberships added") }
        if regionsSet > 0 { lines.append("\(regionsSet) cluster\(regionsSet == 1 ? "" : "s") given the region most of its rows name") }
        for d in clusterNameDifferences {
            lines.append(
                "cluster \(d.officialId) is “\(d.store)” here and “\(d.file)” in the file: kept “\(d.store)” (--use-file-names takes the file's)"
            )
        }
        for s in skipped { lines.append("skipped line \(s.line): \(s.reason)") }
        return lines
    }
}

/// Turns a register into changes to the store. Records are matched by official id, so a second
/// import of the same file changes nothing; a changed field is an update (an event whose
/// journal entry says it came from this import's user and host, at this time).
public enum RegisterImport {
    public static func plan(_ table: RegisterTable, options: ImportOptions, world: World) throws(StoreError) -> ([Change], ImportSummary) {
        var summary = ImportSummary()
        summary.encoding = table.encoding
        summary.delimiter = table.delimiter
        summary.headerLine = table.headerLine
        var mapping = options.exactMapping ? ColumnMapping() : ColumnMapping.guess(header: table.header)
        if let clusterBy = options.clusterBy {
            let parts = clusterBy.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            var maps = ["clusterId=\(parts[0])"]
            if parts.count > 1 { maps.append("clusterName=\(parts[1])") }
            try mapping.apply(maps, header: table.header)
        } else {
            mapping.columns[.clusterId] = nil
            mapping.columns[.clusterName] = nil
        }
        try mapping.apply(options.maps, header: table.header)
        guard mapping.columns[.name] != nil else {
            let shown =
                table.header.prefix(12).joined(separator: ", ") + (table.header.count > 12 ? ", … \(table.header.count - 12) more" : "")
            throw StoreError("no column gives the name: map one with --map name=COLUMN (columns: \(shown))")
        }
        summary.mapping = ImportField.allCases.compactMap { f in mapping.columns[f].map { (f.rawValue, table.header[$0]) } }
        var fixed: [ImportField: String] = [:]
        for set in options.sets {
            let parts = set.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = ImportField(rawValue: parts[0]) else { throw StoreError("--set “\(set)”: use FIELD=VALUE") }
            fixed[field] = parts[1]
        }
        let phaseTable = try PhaseTable(overrides: options.phaseOverrides)

        var scratch = world
        var changes: [Change] = []
        var phaseUse: [String: ([Phase], Int)] = [:]
        var unknown: [String: Int] = [:]
        var phaseCache: [String: [Phase]?] = [:]  // a register uses a dozen words on thousands of rows
        var clusterByOfficial = Dictionary(
            world.clusters.values.compactMap { c in c.officialId.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        var schoolByOfficial = Dictionary(
            world.schools.values.compactMap { s in s.officialId.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        // Without an official id a school is matched by its exact name, as an agency always is;
        // of two with one name, the one with the lowest id, on every machine.
        func byName<T>(_ records: some Collection<T>, name: (T) -> String, id: (T) -> String) -> [String: T] {
            Dictionary(records.map { (name($0), $0) }, uniquingKeysWith: { a, b in id(a) < id(b) ? a : b })
        }
        var schoolByName = byName(world.schools.values.filter { $0.officialId == nil }, name: \.name, id: \.id)
        var agencyByName = byName(world.agencies.values, name: \.name, id: \.id)
        var seenInFile = Set<String>()
        // Lookups kept as the plan grows, so a 25,000-row register stays linear.
        var memberKeys = Set(world.memberships.values.map { $0.cluster + "|" + $0.memberId })

        func apply(_ change: Change) {
            scratch.apply(change)
            changes.append(change)
        }
        // The regions each cluster's rows name: a cluster takes the one most of them name.
        var regionVotes: [String: [String: Int]] = [:]
        for broken in table.broken { summary.skipped.append(broken) }
        for row in table.rows {
            func value(_ f: ImportField) -> String { fixed[f] ?? Text.clean(mapping.value(f, in: row.cells) ?? "") }
            let name = value(.name)
            if name.isEmpty {
                summary.skipped.append((row.line, "no name"))
                continue
            }
            let official = value(.officialId)
            if !official.isEmpty, !seenInFile.insert(official).inserted {
                summary.skipped.append((row.line, "official id \(official) is already on an earlier line of the file"))
                continue
            }
            // A cell is one register word ("Secondary (Year 9-15)"); one the table does not know
            // is read as a list of known words ("early-childhood primary", as Cairn exports them).
            var phases: [Phase] = []
            let cell = value(.phases)
            var words = cell.isEmpty ? [] : [cell]
            if !cell.isEmpty, phaseTable.phases(for: cell) == nil {
                let parts = cell.split(whereSeparator: { ",;+ ".contains($0) }).map(String.init)
                if parts.count > 1, parts.allSatisfy({ phaseTable.phases(for: $0) != nil }) { words = parts }
            }
            for word in words {
                if phaseCache[word] == nil { phaseCache[word] = .some(phaseTable.phases(for: word)) }
                if let p = phaseCache[word]! {
                    phases += p
                    phaseUse[word, default: (p, 0)].1 += 1
                } else {
                    unknown[word, default: 0] += 1
                }
            }
            let memberID: String
            let memberType: MemberType
            if options.kind == .school {
                let existing =
                    official.isEmpty ? schoolByName[name] : schoolByOfficial[official]
                var s = existing ?? School(officialId: official.isEmpty ? nil : official, name: name)
                s.name = name
                s.phases = phases.isEmpty ? s.phases : phases
                if mapping.columns[.municipality] != nil || fixed[.municipality] != nil { s.municipality = value(.municipality) }
                if mapping.columns[.email] != nil || fixed[.email] != nil {
                    s.email = Text.isPlausibleEmail(value(.email)) ? value(.email) : s.email
                }
                if mapping.columns[.contactPerson] != nil || fixed[.contactPerson] != nil { s.contactPerson = value(.contactPerson) }
                if mapping.columns[.phone] != nil || fixed[.phone] != nil { s.phone = value(.phone) }
                let normalized = s.normalized()
                // The official id is unique by construction (matched above); the other rules are the store's.
                if let issue = scratch.validate(normalized, checkingOfficialId: false).first {
                    summary.skipped.append((row.line, issue.message))
                    continue
                }
                if existing == nil {
                    summary.added += 1
                    apply(.put(.school(normalized)))
                } else if existing != normalized {
                    summary.updated += 1
                    apply(.put(.school(normalized)))
                } else {
                    summary.unchanged += 1
                }
                if let o = normalized.officialId { schoolByOfficial[o] = normalized } else { schoolByName[normalized.name] = normalized }
                memberID = normalized.id
                memberType = .school
            } else {
                let existing = agencyByName[name]
                var a = existing ?? Agency(name: name, sector: .other)
                do {
                    if !value(.sector).isEmpty { a.sector = try Sector.parse(value(.sector), field: "sector") }
                    if !value(.level).isEmpty { a.level = try Level.parse(value(.level), field: "level") }
                } catch {
                    summary.skipped.append((row.line, error.message))
                    continue
                }
                if mapping.columns[.email] != nil { a.email = value(.email) }
                if mapping.columns[.contactPerson] != nil { a.contactPerson = value(.contactPerson) }
                let normalized = a.normalized()
                if existing == nil {
                    summary.added += 1
                    apply(.put(.agency(normalized)))
                } else if existing != normalized {
                    summary.updated += 1
                    apply(.put(.agency(normalized)))
                } else {
                    summary.unchanged += 1
                }
                agencyByName[normalized.name] = normalized
                memberID = normalized.id
                memberType = .agency
            }
            // Clusters, by the register's id for them.
            let clusterID = value(.clusterId)
            guard options.clusterBy != nil, !clusterID.isEmpty else { continue }
            let fileName = value(.clusterName).isEmpty ? "Cluster \(clusterID)" : value(.clusterName)
            var cluster = clusterByOfficial[clusterID]
            if cluster == nil {
                let c = Cluster(officialId: clusterID, name: fileName, kind: .cluster).normalized()
                apply(.put(.cluster(c)))
                summary.clustersAdded += 1
                cluster = c
            } else if let c = cluster, c.name != Text.clean(fileName), !value(.clusterName).isEmpty {
                if options.useFileClusterNames {
                    var renamed = c
                    renamed.name = Text.clean(fileName)
                    apply(.put(.cluster(renamed)))
                    cluster = renamed
                } else if !summary.clusterNameDifferences.contains(where: { $0.officialId == clusterID }) {
                    summary.clusterNameDifferences.append((clusterID, c.name, Text.clean(fileName)))
                }
            }
            clusterByOfficial[clusterID] = cluster
            if let c = cluster, !value(.region).isEmpty { regionVotes[c.id, default: [:]][value(.region), default: 0] += 1 }
            if let c = cluster, memberKeys.insert(c.id + "|" + memberID).inserted {
                apply(
                    .put(
                        .membership(
                            Membership(cluster: c.id, memberType: memberType, memberId: memberID, role: "member \(memberType.rawValue)"))))
                summary.membershipsAdded += 1
            }
        }
        for (id, votes) in regionVotes.sorted(by: { $0.key < $1.key }) {
            // The most named; of two named as often, the first in name order, on every machine.
            guard let region = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key,
                var c = scratch.clusters[id], c.region != region
            else { continue }
            c.region = region
            apply(.put(.cluster(c.normalized())))
            summary.regionsSet += 1
        }
        summary.phaseWords = phaseUse.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.rows > $1.rows }
        summary.unknownPhaseWords = unknown.map { ($0.key, $0.value) }.sorted { $0.rows > $1.rows }
        summary.skipped.sort { $0.line < $1.line }
        return (changes, summary)
    }
}

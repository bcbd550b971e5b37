import CairnCore
import CairnWords
import Foundation

/// Turns a register into changes to the store. Records are matched by official id, so a second
/// import of the same file changes nothing; a changed field is an update (an event whose
/// journal entry says it came from this import's user and host, at this time). A row without
/// an official id is matched only by its folded name and municipality together, and two rows
/// of one file are never one record (`NameMatcher`).
public enum RegisterImport {
    public static func plan(_ table: RegisterTable, options: ImportOptions, world: World) throws(StoreError) -> ([Change], ImportSummary) {
        var summary = ImportSummary()
        summary.encoding = table.encoding
        summary.delimiter = table.delimiter
        summary.headerLine = table.headerLine
        let mapping = try self.mapping(table, options: options)
        summary.mapping = ImportField.allCases.compactMap { f in mapping.columns[f].map { (f.rawValue, table.header[$0]) } }
        var fixed: [ImportField: String] = [:]
        for set in options.sets {
            let parts = set.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = ImportField(rawValue: parts[0]) else {
                throw StoreError(Words.say("--set “{set}”: use FIELD=VALUE", context: "store", ["set": set]))
            }
            fixed[field] = parts[1]
        }
        let phaseTable = try PhaseTable(files: options.phaseWordFiles, overrides: options.phaseOverrides)
        var phaseColumns: [PhaseColumn] = []
        for spec in options.phaseColumns { phaseColumns.append(try PhaseColumn.parse(spec, header: table.header)) }
        if options.phaseColumns.isEmpty, !options.exactMapping || options.guessPhaseColumns {
            phaseColumns = PhaseColumn.guess(
                header: table.header, rows: table.rows, table: phaseTable, taken: Set(mapping.columns.values))
        }
        var phaseYes = [Int](repeating: 0, count: phaseColumns.count)
        var unreadable: [Int: [String: Int]] = [:]
        let clusters = try ClusterColumns(options.clusterBy, byName: options.clusterByName, mapping: mapping, table: table)
        summary.clustersByName = clusters.byNameOnly
        let groupings = try GroupingColumns(options.groupingBy, clusterBy: options.clusterBy, header: table.header)
        var groupingVotes: [String: [GroupingColumns.Key: Int]] = [:]

        var scratch = world
        var changes: [Change] = []
        var phaseUse: [String: ([Phase], Int)] = [:]
        var unknown: [String: Int] = [:]
        var phaseCache: [String: [Phase]?] = [:]  // a register uses a dozen words on thousands of rows
        var clusterByKey: [String: Cluster] = [:]
        for c in world.clusters.values.sorted(by: { $0.id > $1.id }) {
            // Of two with one key, the lowest id, on every machine.
            if clusters.byNameOnly {
                clusterByKey[NameMatcher<Cluster>.fold(c.name)] = c
            } else if let o = c.officialId {
                clusterByKey[o] = c
            }
        }
        var schoolByOfficial = Dictionary(
            world.schools.values.compactMap { s in s.officialId.map { ($0, s) } }, uniquingKeysWith: { a, b in a.id < b.id ? a : b })
        var schoolsByName = NameMatcher(world.schools.values, name: \.name, place: \.municipality, id: \.id)
        var agenciesByName = NameMatcher(world.agencies.values, name: \.name, place: { _ in "" }, id: \.id)
        var seenInFile = Set<String>()
        /// Rows without an id, by folded name: the first line and place of each.
        var firstNamed: [String: (line: Int, place: String)] = [:]
        // Lookups kept as the plan grows, so a 25,000-row register stays linear.
        var memberKeys = Set(world.memberships.values.map { $0.cluster + "|" + $0.memberId })

        func apply(_ change: Change) {
            scratch.apply(change)
            changes.append(change)
        }
        /// Notes a row without an id whose name another row of the file, or a record here, has.
        func noteTwins(line: Int, name: String, place: String, here: [(String, String)]) {
            let key = NameMatcher<School>.fold(name)
            let shown = place.isEmpty ? "“\(name)”" : "“\(name)” (\(place))"
            if let first = firstNamed[key] {
                let values = ["row": shown, "line": String(first.line), "place": first.place]
                summary.possibleDuplicates.append(
                    (
                        line,
                        first.place.isEmpty
                            ? Words.say("{row} has the name of line {line}; both kept", context: "store", values)
                            : Words.say("{row} has the name of line {line} ({place}); both kept", context: "store", values)
                    ))
                return
            }
            firstNamed[key] = (line, place)
            if let (other, otherPlace) = here.first {
                let values = ["row": shown, "other": other, "place": otherPlace]
                summary.possibleDuplicates.append(
                    (
                        line,
                        otherPlace.isEmpty
                            ? Words.say("{row} is new; “{other}” is already here", context: "store", values)
                            : Words.say("{row} is new; “{other}” in {place} is already here", context: "store", values)
                    ))
            }
        }
        // The regions each cluster's rows name: a cluster takes the one most of them name.
        var regionVotes: [String: [String: Int]] = [:]
        for broken in table.broken { summary.skipped.append(broken) }
        summary.strayQuoteLines = table.strayQuotes

        for row in table.rows {
            func value(_ f: ImportField) -> String { fixed[f] ?? Text.clean(mapping.value(f, in: row.cells) ?? "") }
            func mapped(_ f: ImportField) -> Bool { mapping.columns[f] != nil || fixed[f] != nil }
            /// The record with each text field a column fills set as the register writes it (a
            /// municipality, a contact), through its kind's description; `special`
            /// fields are read their own way.
            func asWritten(_ record: Record, but special: Set<ImportField>) -> Record {
                var r = record
                for field in RecordFields.fields(of: r.kind) where field.input == .line && field.accepts == String.accepts {
                    guard let f = ImportField(rawValue: field.name), !special.contains(f), mapped(f) else { continue }
                    try? field.set(value(f), on: &r, today: Day.today())
                }
                return r
            }
            let name = value(.name)
            if name.isEmpty {
                summary.skipped.append((row.line, Words.say("no name", context: "store")))
                continue
            }
            let official = value(.officialId)
            if !official.isEmpty, !seenInFile.insert(official).inserted {
                summary.skipped.append(
                    (row.line, Words.say("official id {id} is already on an earlier line of the file", context: "store", ["id": official])))
                continue
            }
            // A cell is one register word ("Secondary (Year 9-15)"); one the table does not know
            // is read as a list of known words ("early-childhood primary", as Cairn exports them).
            var phases = Set<Phase>()
            let cell = value(.phases)
            var words = cell.isEmpty ? [] : [cell]
            if !cell.isEmpty, phaseTable.phases(for: cell) == nil {
                let parts = cell.split(whereSeparator: { ",;+ ".contains($0) }).map(String.init)
                if parts.count > 1, parts.allSatisfy({ phaseTable.phases(for: $0) != nil }) { words = parts }
            }
            for word in words {
                if phaseCache[word] == nil { phaseCache[word] = .some(phaseTable.phases(for: word)) }
                if let p = phaseCache[word]! {
                    phases.formUnion(p)
                    phaseUse[word, default: (p, 0)].1 += 1
                } else {
                    unknown[word, default: 0] += 1
                }
            }
            for (k, pc) in phaseColumns.enumerated() {
                let cell = pc.column < row.cells.count ? row.cells[pc.column] : ""
                switch YesNo.read(cell) {
                case true?:
                    phases.formUnion(pc.phases)
                    phaseYes[k] += 1
                case false?: break
                case nil: unreadable[k, default: [:]][cell, default: 0] += 1
                }
            }
            let rowPhases = Phase.allCases.filter(phases.contains)
            let memberID: String
            let memberType: MemberType
            if options.kind == .school {
                func filled(_ base: School) -> School {
                    var s = base
                    s.name = name
                    s.phases = rowPhases.isEmpty ? s.phases : rowPhases
                    if mapped(.email) { s.email = Text.isPlausibleEmail(value(.email)) ? value(.email) : s.email }
                    guard case .school(let t) = asWritten(.school(s), but: [.name, .officialId, .phases, .email]) else { return s }
                    return t.normalized()
                }
                let existing: School?
                if official.isEmpty {
                    existing = schoolsByName.take(name: name, place: value(.municipality)) { filled($0) == $0 }
                    if existing == nil {
                        let here = schoolsByName.named(name).map { ($0.name, $0.municipality) }
                        noteTwins(line: row.line, name: name, place: value(.municipality), here: here)
                    } else {
                        firstNamed[NameMatcher<School>.fold(name)] =
                            firstNamed[NameMatcher<School>.fold(name)] ?? (row.line, value(.municipality))
                    }
                } else {
                    existing = schoolByOfficial[official]
                }
                let normalized = filled(existing ?? School(officialId: official.isEmpty ? nil : official, name: name))
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
                if let o = normalized.officialId { schoolByOfficial[o] = normalized }
                memberID = normalized.id
                memberType = .school
            } else {
                func filled(_ base: Agency) throws(InputError) -> Agency {
                    var a = base
                    if !value(.sector).isEmpty { a.sector = try Sector.parse(value(.sector), field: "sector") }
                    if !value(.level).isEmpty { a.level = try Level.parse(value(.level), field: "level") }
                    guard case .agency(let t) = asWritten(.agency(a), but: [.name, .sector, .level]) else { return a }
                    return t.normalized()
                }
                let normalized: Agency
                let existing: Agency?
                do {
                    existing = agenciesByName.take(name: name, place: "") { (try? filled($0)) == $0 }
                    normalized = try filled(existing ?? Agency(name: name, sector: .other))
                } catch {
                    summary.skipped.append((row.line, error.message))
                    continue
                }
                if existing == nil {
                    noteTwins(line: row.line, name: name, place: "", here: agenciesByName.named(name).map { ($0.name, "") })
                    summary.added += 1
                    apply(.put(.agency(normalized)))
                } else if existing != normalized {
                    summary.updated += 1
                    apply(.put(.agency(normalized)))
                } else {
                    summary.unchanged += 1
                }
                memberID = normalized.id
                memberType = .agency
            }
            // Clusters, by the register's id for them (or, given only a name, by that name).
            let clusterValue = clusters.id.map { $0 < row.cells.count ? Text.clean(row.cells[$0]) : "" } ?? ""
            guard !clusterValue.isEmpty else { continue }
            let fileName =
                clusters.byNameOnly ? clusterValue : clusters.name.map { $0 < row.cells.count ? Text.clean(row.cells[$0]) : "" } ?? ""
            let key = clusters.byNameOnly ? NameMatcher<Cluster>.fold(clusterValue) : clusterValue
            var cluster = clusterByKey[key]
            if cluster == nil {
                let c = Cluster(
                    officialId: clusters.byNameOnly ? nil : clusterValue, name: fileName.isEmpty ? "Cluster \(clusterValue)" : fileName,
                    kind: .cluster
                ).normalized()
                apply(.put(.cluster(c)))
                summary.clustersAdded += 1
                cluster = c
            } else if let c = cluster, !clusters.byNameOnly, !fileName.isEmpty, c.name != fileName {
                if options.useFileClusterNames {
                    var renamed = c
                    renamed.name = fileName
                    apply(.put(.cluster(renamed)))
                    cluster = renamed
                } else if !summary.clusterNameDifferences.contains(where: { $0.officialId == clusterValue }) {
                    summary.clusterNameDifferences.append((clusterValue, c.name, fileName))
                }
            }
            clusterByKey[key] = cluster
            if let c = cluster, !value(.region).isEmpty { regionVotes[c.id, default: [:]][value(.region), default: 0] += 1 }
            if let c = cluster, let g = groupings?.key(in: row.cells) { groupingVotes[c.id, default: [:]][g, default: 0] += 1 }
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
        joinGroupings(groupingVotes, kind: options.groupingKind, world: &scratch, changes: &changes, summary: &summary)
        summary.phaseWords = phaseUse.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.rows > $1.rows }
        summary.unknownPhaseWords = unknown.map { ($0.key, $0.value) }.sorted { $0.rows > $1.rows }
        summary.phaseColumns = phaseColumns.enumerated().map { k, pc in (table.header[pc.column], pc.phases, phaseYes[k], pc.guessed) }
        summary.unreadableYesNo = unreadable.sorted { $0.key < $1.key }.flatMap { k, values in
            values.sorted { $0.key < $1.key }.map { (table.header[phaseColumns[k].column], $0.key, $0.value) }
        }
        summary.skipped.sort { $0.line < $1.line }
        return (changes, summary)
    }

    /// The columns for each field: guessed from the header unless the caller sends them all,
    /// then `--cluster-by` and `--map`.
    static func mapping(_ table: RegisterTable, options: ImportOptions) throws(StoreError) -> ColumnMapping {
        var mapping = options.exactMapping ? ColumnMapping() : ColumnMapping.guess(header: table.header)
        if let clusterBy = options.clusterBy {
            let parts = clusterBy.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            var maps = ["clusterId=\(parts[0])"]
            if parts.count > 1 { maps.append("clusterName=\(parts[1])") }
            mapping.columns[.clusterName] = nil
            try mapping.apply(maps, header: table.header)
        } else {
            mapping.columns[.clusterId] = nil
            mapping.columns[.clusterName] = nil
        }
        try mapping.apply(options.maps, header: table.header)
        guard mapping.columns[.name] != nil else {
            let first = table.header.prefix(12).joined(separator: ", ")
            let shown =
                table.header.count > 12
                ? Words.count(
                    "{columns}, … {count} more", "{columns}, … {count} more", table.header.count - 12, context: "store", ["columns": first])
                : first
            throw StoreError(
                Words.say(
                    "no column gives the name: map one with --map name=COLUMN (columns: {columns})", context: "store", ["columns": shown]))

        }
        return mapping
    }
}

/// Where a register says which cluster a row is in: an id column (and a name column), or a
/// name column alone, whose names are then what clusters are matched by.
struct ClusterColumns {
    var id: Int?
    var name: Int?
    var byNameOnly = false

    init(_ clusterBy: String?, byName: Bool, mapping: ColumnMapping, table: RegisterTable) throws(StoreError) {
        guard clusterBy != nil, let id = mapping.columns[.clusterId] else { return }
        self.id = id
        name = mapping.columns[.clusterName]
        if name == nil || name == id { byNameOnly = byName || Self.holdsNames(id, table: table) }
        if byNameOnly { name = nil }
    }

    /// A column of names, not codes: its header says name, or most of its cells have a space.
    static func holdsNames(_ column: Int, table: RegisterTable) -> Bool {
        let words = Set(ColumnMapping.key(table.header[column]).split(separator: " "))
        if !words.isDisjoint(with: ColumnMapping.nameWords) { return true }
        let cells = table.rows.lazy.map { column < $0.cells.count ? $0.cells[column] : "" }.filter { !$0.isEmpty }
        let spaced = cells.filter { $0.contains(" ") }.count
        return spaced * 2 > cells.count
    }
}

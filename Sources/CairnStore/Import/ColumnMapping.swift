import CairnCore
import CairnWords

/// The record fields an import can fill, by the names `--map` and `--set` use.
public enum ImportField: String, CaseIterable, Sendable {
    case officialId, name, phases, municipality, email, contactPerson, phone, clusterId, clusterName, sector, level, region

    /// What a register of schools fills: a school's fields and its cluster's.
    public static let schoolFields = allCases.filter { $0 != .sector && $0 != .level }

    /// The fields whose column holds a code: the rest prefer a column that names.
    var isCode: Bool { self == .officialId || self == .clusterId }
}

/// Which column fills which field: guessed from the header's words, then `--map FIELD=COLUMN`.
public struct ColumnMapping: Sendable {
    public var columns: [ImportField: Int] = [:]

    public init() {}

    /// Header words that name each field, in order of preference; compared case- and accent-blind.
    static let clues: [(ImportField, [String])] = [
        (.clusterId, ["clusterid", "community of learning id", "community of learning: id", "cluster id", "kahui ako id", "group id"]),
        (
            .clusterName,
            [
                "clustername", "community of learning name", "community of learning: name", "cluster name", "kahui ako name", "group name",
                "cluster", "agrupamento", "learning community", "scholengemeenschap", "network", "siec",
            ]
        ),
        (
            .officialId,
            ["school id", "urn", "official id", "officialid", "school code", "establishment number", "codigo", "kod", "identifier", "id"]
        ),
        (
            .name,
            [
                "name", "school name", "establishment name", "establishmentname", "nome", "nazwa", "naam", "school", "escola", "szkola",
                "school naam", "ecole",
            ]
        ),
        (
            .phases,
            [
                "phases", "school type", "phase of education", "phaseofeducation", "phase", "type of establishment", "type", "tipo", "typ",
                "fase",
            ]
        ),
        (
            .municipality,
            [
                "territorial authority", "municipality", "local authority", "la name", "la (name)", "concelho", "municipio", "gmina",
                "gemeente", "city", "town",
            ]
        ),
        (.email, ["email", "e-mail", "email^", "mail"]),
        (.contactPerson, ["contactperson", "principal", "headteacher", "head teacher", "contact person", "contact", "principal*"]),
        (.phone, ["telephone", "phone", "tel"]),
        (.sector, ["sector"]),
        (.region, ["region", "regiao", "region name", "region (name)"]),
        (.level, ["level"]),
    ]

    static func key(_ header: String) -> String {
        // Most headers are ASCII: lower-cased and split on what is not a letter or digit, with
        // no decomposition to pay for.
        if header.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(header.utf8.count)
            var gap = false
            for b in header.utf8 {
                let kept: UInt8?
                switch b {
                case 65...90: kept = b + 32
                case 97...122, 48...57, 40, 41, 58, 45: kept = b
                default: kept = nil
                }
                guard let kept else {
                    gap = !out.isEmpty
                    continue
                }
                if gap { out.append(32) }
                gap = false
                out.append(kept)
            }
            return String(decoding: out, as: UTF8.self)
        }
        return String(
            Text.searchKey(header).map { $0.isLetter || $0.isNumber || $0 == "(" || $0 == ")" || $0 == ":" || $0 == "-" ? $0 : " " }
        )
        .split(separator: " ").joined(separator: " ")
    }

    /// A guess: for each field, its words in order of preference, each matching a column whose
    /// header is that word or starts with it. A column fills at most one field.
    ///
    /// - Complexity: O(columns): each header's key and its leading words are indexed once.
    public static func guess(header: [String]) -> ColumnMapping {
        var m = ColumnMapping()
        var taken = Set<Int>()
        var exact: [String: [Int]] = [:]
        var leading: [String: [Int]] = [:]
        for (i, h) in header.enumerated() {
            let k = key(h)
            exact[k, default: []].append(i)
            // "school name x" starts with "school" and "school name".
            var words = k.split(separator: " ")
            while words.count > 1 {
                words.removeLast()
                leading[words.joined(separator: " "), default: []].append(i)
            }
        }
        for (field, words) in clues {
            let hit = words.lazy.compactMap { w -> Int? in
                let k = key(w)
                let candidates = (exact[k] ?? []).filter { !taken.contains($0) } + (leading[k] ?? []).filter { !taken.contains($0) }
                return field.isCode ? candidates.first : preferringNames(candidates, header: header)
            }.first
            if let hit {
                m.columns[field] = hit
                taken.insert(hit)
            }
        }
        return m
    }

    /// Of the columns a word names, the one that gives a name rather than a code: with both
    /// `municipality_id` and `municipality_name`, the name; a column that says neither comes
    /// before one that says it is a code.
    static func preferringNames(_ candidates: [Int], header: [String]) -> Int? {
        func words(_ i: Int) -> Set<Substring> { Set(key(header[i]).split(separator: " ")) }
        return candidates.first { !words($0).isDisjoint(with: nameWords) }
            ?? candidates.first { words($0).isDisjoint(with: codeWords) } ?? candidates.first
    }

    static let codeWords: Set<Substring> = ["id", "code", "codigo", "cod", "kod", "nr", "no", "number", "num", "dicofre", "teryt", "nis"]
    static let nameWords: Set<Substring> = ["name", "nome", "naam", "nazwa", "nom", "designacao", "denominacao"]

    /// A column by its header (case- and accent-blind) or its number from 1.
    public static func column(_ named: String, in header: [String]) -> Int? {
        if let number = Int(named), (1...header.count).contains(number) { return number - 1 }
        return header.firstIndex { key($0) == key(named) }
    }

    /// Applies `FIELD=COLUMN` overrides (a column named as in the header, or its number from 1).
    public mutating func apply(_ maps: [String], header: [String]) throws(StoreError) {
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = ImportField(rawValue: parts[0]) else {
                throw StoreError(
                    Words.say(
                        "--map “{map}”: use FIELD=COLUMN with FIELD one of {fields}", context: "store",
                        ["map": map, "fields": ImportField.allCases.map(\.rawValue).joined(separator: ", ")]))

            }
            if let at = Self.column(parts[1], in: header) {
                columns[field] = at
            } else {
                throw StoreError(
                    Words.say("--map {map}: the register has no column “{column}”", context: "store", ["map": map, "column": parts[1]]))

            }
        }
    }

    public func value(_ field: ImportField, in cells: [String]) -> String? {
        columns[field].flatMap { $0 < cells.count ? cells[$0] : nil }
    }
}

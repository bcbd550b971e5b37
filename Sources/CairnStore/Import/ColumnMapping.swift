import CairnCore

/// The record fields an import can fill, by the names `--map` and `--set` use.
public enum ImportField: String, CaseIterable, Sendable {
    case officialId, name, phases, municipality, email, contactPerson, phone, clusterId, clusterName, sector, level
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
                "cluster",
            ]
        ),
        (
            .officialId,
            ["school id", "urn", "official id", "officialid", "school code", "establishment number", "codigo", "kod", "identifier", "id"]
        ),
        (.name, ["name", "school name", "establishment name", "establishmentname", "nome", "nazwa", "naam"]),
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
                "territorial authority", "municipality", "local authority", "la name", "la (name)", "concelho", "gmina", "gemeente", "city",
                "town",
            ]
        ),
        (.email, ["email", "e-mail", "email^", "mail"]),
        (.contactPerson, ["contactperson", "principal", "headteacher", "head teacher", "contact person", "contact", "principal*"]),
        (.phone, ["telephone", "phone", "tel"]),
        (.sector, ["sector"]),
        (.level, ["level"]),
    ]

    static func key(_ header: String) -> String {
        String(Text.searchKey(header).map { $0.isLetter || $0.isNumber || $0 == "(" || $0 == ")" || $0 == ":" || $0 == "-" ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// A guess: for each field, its words in order of preference, each matching a column whose
    /// header is that word or starts with it. A column fills at most one field.
    public static func guess(header: [String]) -> ColumnMapping {
        var m = ColumnMapping()
        var taken = Set<Int>()
        let keys = header.map(key)
        for (field, words) in clues {
            let hit = words.lazy.compactMap { w in
                keys.indices.first { !taken.contains($0) && keys[$0] == key(w) }
                    ?? keys.indices.first { !taken.contains($0) && keys[$0].hasPrefix(key(w) + " ") }
            }.first
            if let hit {
                m.columns[field] = hit
                taken.insert(hit)
            }
        }
        return m
    }

    /// Applies `FIELD=COLUMN` overrides (a column named as in the header, or its number from 1).
    public mutating func apply(_ maps: [String], header: [String]) throws(StoreError) {
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = ImportField(rawValue: parts[0]) else {
                throw StoreError(
                    "--map “\(map)”: use FIELD=COLUMN with FIELD one of \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let number = Int(parts[1]), (1...header.count).contains(number) {
                columns[field] = number - 1
            } else if let at = header.firstIndex(where: { Self.key($0) == Self.key(parts[1]) }) {
                columns[field] = at
            } else {
                throw StoreError("--map \(map): the register has no column “\(parts[1])”")
            }
        }
    }

    public func value(_ field: ImportField, in cells: [String]) -> String? {
        columns[field].flatMap { $0 < cells.count ? cells[$0] : nil }
    }
}

import CairnCore

/// The record fields an import can fill, by the names `--map` and `--set` use.
public enum ImportField: String, CaseIterable, Sendable {
    case officialId, name, phases, municipality, email, contactPerson, phone, clusterId, clusterName, sector, level, region
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
                return exact[k]?.first { !taken.contains($0) } ?? leading[k]?.first { !taken.contains($0) }
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

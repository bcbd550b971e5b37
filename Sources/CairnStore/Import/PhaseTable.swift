import CairnCore

/// How registers name the stages a school serves, and Cairn's phases for each word. The import
/// prints the part of the table it used; `--map-phase "WORD=PHASE[,PHASE]"` changes a row.
public struct PhaseTable: Sendable {
    public var words: [String: [Phase]]

    public static let standard: [String: [Phase]] = [
        // New Zealand
        "full primary": [.primary], "contributing": [.primary], "intermediate": [.lowerSecondary],
        "secondary (year 9-15)": [.lowerSecondary, .upperSecondary], "secondary (year 7-15)": [.lowerSecondary, .upperSecondary],
        "secondary (year 7-10)": [.lowerSecondary], "secondary (year 11-15)": [.upperSecondary],
        "composite (year 1-15)": [.primary, .lowerSecondary, .upperSecondary], "composite (year 1-10)": [.primary, .lowerSecondary],
        "composite": [.primary, .lowerSecondary, .upperSecondary], "special school": [.special],
        "teen parent unit": [.upperSecondary, .special],
        "correspondence school": [.primary, .lowerSecondary, .upperSecondary], "restricted composite (year 7-10)": [.lowerSecondary],
        // England (Get Information about Schools)
        "nursery": [.earlyChildhood], "primary": [.primary], "middle deemed primary": [.primary, .lowerSecondary],
        "middle deemed secondary": [.lowerSecondary], "secondary": [.lowerSecondary, .upperSecondary],
        "all-through": [.primary, .lowerSecondary, .upperSecondary], "16 plus": [.upperSecondary], "not applicable": [.other],
        // Cairn's own words
        "early-childhood": [.earlyChildhood], "lower-secondary": [.lowerSecondary], "upper-secondary": [.upperSecondary],
        "vocational": [.vocational], "special": [.special], "other": [.other],
    ]

    public init(overrides: [String] = []) throws(StoreError) {
        words = Self.standard
        for o in overrides {
            let parts = o.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw StoreError("--map-phase “\(o)”: use \"WORD=PHASE[,PHASE]\"") }
            var phases: [Phase] = []
            for p in parts[1].split(separator: ",") {
                do {
                    phases.append(try Phase.parse(String(p), field: "phase"))
                } catch {
                    throw StoreError("--map-phase “\(o)”: \(error.message)")
                }
            }
            words[Self.key(parts[0])] = phases
        }
    }

    static func key(_ word: String) -> String { Text.searchKey(word).split(separator: " ").joined(separator: " ") }

    /// The phases for a register's word, or nil when the table does not know it.
    public func phases(for word: String) -> [Phase]? { words[Self.key(word)] }
}

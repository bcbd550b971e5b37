/// Makes the internal ids of records: a short prefix that says the kind, then 96 random bits
/// as 24 hex digits.
///
/// Random rather than sequential so that two machines sharing a store through git never hand
/// out the same id; 96 bits so that they practically never do. With 40 bits, a store of
/// 613,497 checkpoints held two with one id, about a 0.5% chance per store at 100,000.
public enum RecordID {
    public static func prefix(_ kind: RecordKind) -> String {
        switch kind {
        case .school: return "sch"
        case .agency: return "agy"
        case .cluster: return "clu"
        case .membership: return "mem"
        case .checkpoint: return "chk"
        case .goal: return "gol"
        case .measurement: return "mea"
        case .action: return "act"
        case .agreement: return "agr"
        case .assessment: return "ass"
        case .link: return "lnk"
        }
    }

    /// True when `id` is the kind's prefix, a dash and up to 60 letters, digits, dots, dashes
    /// or underscores (the ids every version of Cairn has made, and those of tests).
    public static func isValid(_ id: String, for kind: RecordKind) -> Bool {
        // Byte by byte: a full read checks the id of every event of a national history.
        let head = prefix(kind).utf8
        let bytes = id.utf8
        guard bytes.count > head.count + 1, bytes.count <= head.count + 61, bytes.starts(with: head),
            bytes[bytes.index(bytes.startIndex, offsetBy: head.count)] == 45
        else { return false }
        return bytes.dropFirst(head.count + 1).allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 46 || b == 95
        }
    }

    /// A fresh id from the system's random numbers.
    public static func make(_ kind: RecordKind) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(kind, using: &generator)
    }

    public static func make(_ kind: RecordKind, using generator: inout some RandomNumberGenerator) -> String {
        let high = UInt32.random(in: .min ... .max, using: &generator)
        let low = UInt64.random(in: .min ... .max, using: &generator)
        return prefix(kind) + "-" + hex(UInt64(high), width: 8) + hex(low, width: 16)
    }

    private static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Where a screen gets the ids of the records it makes: the system's random numbers in the
/// application, a seeded sequence in tests, so that the same keys give the same effects.
public struct RecordIDSource: Sendable, Equatable {
    private var seeded: SplitMix64?

    /// Ids from the system's random numbers.
    public static let random = RecordIDSource(seeded: nil)

    /// The same ids in the same order for the same seed.
    public static func seeded(_ seed: UInt64) -> RecordIDSource { RecordIDSource(seeded: SplitMix64(state: seed)) }

    public mutating func make(_ kind: RecordKind) -> String {
        guard var generator = seeded else { return RecordID.make(kind) }
        defer { seeded = generator }
        return RecordID.make(kind, using: &generator)
    }
}

/// A small, well-known generator (Steele, Lea and Flood, 2014): enough for repeatable ids, and
/// for tests whose randomness replays from a seed.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

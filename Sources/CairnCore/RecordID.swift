/// Makes the internal ids of records: a short prefix that says the kind, then random hex.
///
/// Random rather than sequential so that two machines sharing a store through git never
/// hand out the same id.
public enum RecordID {
    public static func make(_ kind: RecordKind) -> String {
        let prefix: String
        switch kind {
        case .school: prefix = "sch"
        case .agency: prefix = "agy"
        case .cluster: prefix = "clu"
        case .membership: prefix = "mem"
        case .checkpoint: prefix = "chk"
        case .goal: prefix = "gol"
        case .measurement: prefix = "mea"
        case .action: prefix = "act"
        case .agreement: prefix = "agr"
        case .assessment: prefix = "ass"
        }
        let value = UInt64.random(in: 0..<(1 << 40))
        let hex = String(value, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 10 - hex.count) + hex
    }
}

/// An event's stamp (`2026-12-01T14:02:09.123Z`, UTC) as a person reads it. One place, so the
/// trail, conflicts, sync and imports all write a time alike.
public enum EventTime {
    /// `2026-12-01 14:02`.
    public static func minute(_ at: String) -> String { shown(at, 16) }
    /// `2026-12-01 14:02:09`.
    public static func second(_ at: String) -> String { shown(at, 19) }
    /// `12-01 14:02`, where a title bar has little room.
    public static func short(_ at: String) -> String { String(minute(at).dropFirst(5)) }

    /// The first `length` characters, `T` as a space: byte by byte for a stamp (printable ASCII, one
    /// character a byte), as the log shows a million of them; by characters for anything else.
    private static func shown(_ at: String, _ length: Int) -> String {
        let bytes = at.utf8.prefix(length)
        guard bytes.allSatisfy({ (0x20..<0x7F).contains($0) }), at.utf8.dropFirst(length).first.map({ $0 < 0x80 }) ?? true else {
            return String(at.prefix(length)).replacingOccurrences(of: "T", with: " ")
        }
        return String(decoding: bytes.map { $0 == 0x54 ? 0x20 : $0 }, as: UTF8.self)
    }
}

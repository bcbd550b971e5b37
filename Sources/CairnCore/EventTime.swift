/// An event's stamp (`2026-12-01T14:02:09.123Z`, UTC) as a person reads it. One place, so the
/// trail, conflicts, sync and imports all write a time alike.
public enum EventTime {
    /// `2026-12-01 14:02`.
    public static func minute(_ at: String) -> String { String(at.prefix(16)).replacingOccurrences(of: "T", with: " ") }
    /// `2026-12-01 14:02:09`.
    public static func second(_ at: String) -> String { String(at.prefix(19)).replacingOccurrences(of: "T", with: " ") }
    /// `12-01 14:02`, where a title bar has little room.
    public static func short(_ at: String) -> String { String(minute(at).dropFirst(5)) }
}

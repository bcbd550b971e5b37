import CairnWords

/// What the title bar says of sync for a store shared through git: how many of this copy's
/// changes wait to be sent, and when it last synced (UTC, as every time in a journal).
public struct SyncLine: Sendable, Equatable {
    public var unsent: Int
    /// The end of the last sync, `2026-12-01T14:02:33.120Z`; nil when this copy never synced.
    public var lastSynced: String?
    /// A sync is running now (`S`).
    public var running: Bool

    public init(unsent: Int, lastSynced: String?, running: Bool = false) {
        self.unsent = unsent
        self.lastSynced = lastSynced
        self.running = running
    }

    /// `3 unsent · synced 12-01 14:02` (the count even when 0: nothing waits); compact, for a
    /// title bar with little room left (80 columns with conflicts to count): `3 unsent`.
    public func text(compact: Bool) -> String {
        if running { return Words.say("syncing…") }
        let when = lastSynced.map { Words.say("synced {when}", ["when": Self.short($0)]) } ?? Words.say("never synced")
        let unsent = Words.count("{count} unsent", "{count} unsent", unsent)
        return compact ? unsent : "\(unsent) · \(when)"
    }

    /// `2026-12-01T14:02:33.120Z` as `12-01 14:02`.
    static func short(_ at: String) -> String {
        let chars = Array(at)
        guard chars.count >= 16 else { return at }
        return String(chars[5..<10]) + " " + String(chars[11..<16])
    }
}

import CairnWords

extension RecordKind {
    /// `n` records of this kind in the session's language, in its plural forms: "3 checkpoints",
    /// "3 kamienie milowe", "5 kamieni milowych".
    public func counted(_ n: Int) -> String {
        switch self {
        case .school: return Words.count("{count} school", "{count} schools", n)
        case .agency: return Words.count("{count} agency", "{count} agencies", n)
        case .cluster: return Words.count("{count} cluster", "{count} clusters", n)
        case .membership: return Words.count("{count} membership", "{count} memberships", n)
        case .checkpoint: return Words.count("{count} checkpoint", "{count} checkpoints", n)
        case .goal: return Words.count("{count} goal", "{count} goals", n)
        case .measurement: return Words.count("{count} measurement", "{count} measurements", n)
        case .action: return Words.count("{count} action", "{count} actions", n)
        case .agreement: return Words.count("{count} monitoring agreement", "{count} monitoring agreements", n)
        case .assessment: return Words.count("{count} health check", "{count} health checks", n)
        case .link: return Words.count("{count} link between schools", "{count} links between schools", n)
        }
    }
}

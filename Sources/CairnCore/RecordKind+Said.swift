import CairnWords

extension RecordKind {
    /// How a sentence names one of them, in the session's language (`noun` stays English for
    /// the command line's words).
    public var said: String {
        switch self {
        case .school: return Words.say("school", context: "record kind")
        case .agency: return Words.say("agency", context: "record kind")
        case .cluster: return Words.say("cluster", context: "record kind")
        case .membership: return Words.say("membership", context: "record kind")
        case .checkpoint: return Words.say("checkpoint", context: "record kind")
        case .goal: return Words.say("goal", context: "record kind")
        case .measurement: return Words.say("measurement", context: "record kind")
        case .action: return Words.say("action", context: "record kind")
        case .agreement: return Words.say("monitoring agreement", context: "record kind")
        case .assessment: return Words.say("health check", context: "record kind")
        case .link: return Words.say("link between schools", context: "record kind")
        }
    }
}

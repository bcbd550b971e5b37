import CairnWords

// The words of judging a cluster: health items, gaps, checkpoint and goal standings. Literals,
// as in Vocabulary+Labels.swift, so that the message test requires each in every catalogue.

extension HealthItem: ShownWords {
    public static let labelContext = "health item"
    public var label: String {
        switch self {
        case .leadership: return Words.say("strong leadership", context: "health item")
        case .structures: return Words.say("defined structures and processes", context: "health item")
        case .history: return Words.say("history of collaborating", context: "health item")
        case .communication: return Words.say("clear communication", context: "health item")
        case .context: return Words.say("sensitivity to context", context: "health item")
        case .autonomy: return Words.say("threats to autonomy", context: "health item")
        case .power: return Words.say("power imbalances", context: "health item")
        case .workload: return Words.say("extra workload", context: "health item")
        case .objectives: return Words.say("unclear shared objectives", context: "health item")
        case .funding: return Words.say("funding ending", context: "health item")
        }
    }
}

extension Gap.Kind: ShownWords {
    public static let labelContext = "gap"
    /// A short label for lists (the raw value is for scripts).
    public var label: String {
        switch self {
        case .noLead: return Words.say("no lead", context: "gap")
        case .noAgreement: return Words.say("no agreement", context: "gap")
        case .goalIncomplete: return Words.say("goal incomplete", context: "gap")
        case .goalWithoutAction: return Words.say("goal, no action", context: "gap")
        case .actionWithoutResponsible: return Words.say("action, no one", context: "gap")
        case .memberWithoutAction: return Words.say("member, no action", context: "gap")
        case .overdueCheckpoint: return Words.say("overdue", context: "gap")
        case .phaseWithoutSchool: return Words.say("path breaks", context: "gap")
        case .feedsNoOne: return Words.say("feeds no one", context: "gap")
        case .pathLeaves: return Words.say("path leaves", context: "gap")
        }
    }
}

extension CheckpointStatus: ShownWords {
    public static let labelContext = "checkpoint status"
    /// The status in words; overdue in capitals, so that it stands out without colour.
    public var label: String {
        switch self {
        case .overdue: return Words.say("OVERDUE", context: "checkpoint status")
        case .dueSoon: return Words.say("due soon", context: "checkpoint status")
        case .upcoming: return Words.say("upcoming", context: "checkpoint status")
        case .done: return Words.say("done", context: "checkpoint status")
        }
    }
}

extension GoalProgress.Status: ShownWords {
    public static let labelContext = "goal status"
    /// The status in one word a narrow column keeps whole.
    public var label: String {
        switch self {
        case .achieved: return Words.say("achieved", context: "goal status")
        case .onTrack: return Words.say("on-track", context: "goal status")
        case .atRisk: return Words.say("at-risk", context: "goal status")
        case .offTrack: return Words.say("off-track", context: "goal status")
        case .noData: return Words.say("no-data", context: "goal status")
        }
    }
}

extension RollUp.HealthTrend.Movement: ShownWords {
    public static let labelContext = "health trend"
    public var label: String {
        switch self {
        case .rising: return Words.say("rising", context: "health trend")
        case .falling: return Words.say("falling", context: "health trend")
        case .steady: return Words.say("steady", context: "health trend")
        }
    }
}

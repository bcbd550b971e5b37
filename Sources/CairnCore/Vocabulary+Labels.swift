import CairnWords

// Each word is a literal so that the message test finds it in the code and requires it in
// every catalogue; the switches are exhaustive, so a new case cannot go without its word.

extension Phase {
    public static let labelContext = "phase"
    public var label: String {
        switch self {
        case .earlyChildhood: return Words.say("early childhood", context: "phase")
        case .primary: return Words.say("primary", context: "phase")
        case .lowerSecondary: return Words.say("lower secondary", context: "phase")
        case .upperSecondary: return Words.say("upper secondary", context: "phase")
        case .vocational: return Words.say("vocational", context: "phase")
        case .special: return Words.say("special", context: "phase")
        case .other: return Words.say("other", context: "phase")
        }
    }

    /// The phase in a narrow column (a school's phases in a list): a handful of cells.
    public var short: String {
        switch self {
        case .earlyChildhood: return Words.say("ECE", context: "phase, short")
        case .primary: return Words.say("primary", context: "phase, short")
        case .lowerSecondary: return Words.say("lower-sec", context: "phase, short")
        case .upperSecondary: return Words.say("upper-sec", context: "phase, short")
        case .vocational: return Words.say("vocational", context: "phase, short")
        case .special: return Words.say("special", context: "phase, short")
        case .other: return Words.say("other", context: "phase, short")
        }
    }
}

extension Sector {
    public static let labelContext = "sector"
    public var label: String {
        switch self {
        case .education: return Words.say("education", context: "sector")
        case .health: return Words.say("health", context: "sector")
        case .socialCare: return Words.say("social care", context: "sector")
        case .housing: return Words.say("housing", context: "sector")
        case .labour: return Words.say("labour", context: "sector")
        case .youth: return Words.say("youth", context: "sector")
        case .justice: return Words.say("justice", context: "sector")
        case .localAuthority: return Words.say("local authority", context: "sector")
        case .ngo: return Words.say("ngo", context: "sector")
        case .university: return Words.say("university", context: "sector")
        case .private: return Words.say("private", context: "sector")
        case .parents: return Words.say("parents", context: "sector")
        case .consultative: return Words.say("consultative", context: "sector")
        case .other: return Words.say("other", context: "sector")
        }
    }
}

extension Level {
    public static let labelContext = "level"
    public var label: String {
        switch self {
        case .national: return Words.say("national", context: "level")
        case .regional: return Words.say("regional", context: "level")
        case .local: return Words.say("local", context: "level")
        case .school: return Words.say("school", context: "level")
        }
    }
}

extension ClusterKind {
    public static let labelContext = "cluster kind"
    public var label: String {
        switch self {
        case .network: return Words.say("network", context: "cluster kind")
        case .cluster: return Words.say("cluster", context: "cluster kind")
        case .federation: return Words.say("federation", context: "cluster kind")
        case .trust: return Words.say("trust", context: "cluster kind")
        case .alliance: return Words.say("alliance", context: "cluster kind")
        case .partnership: return Words.say("partnership", context: "cluster kind")
        case .stakeholderNetwork: return Words.say("stakeholder network", context: "cluster kind")
        case .regionalCollaborative: return Words.say("regional collaborative", context: "cluster kind")
        }
    }
}

extension Formality {
    public static let labelContext = "formality"
    public var label: String {
        switch self {
        case .informal: return Words.say("informal", context: "formality")
        case .formal: return Words.say("formal", context: "formality")
        case .sharedGovernance: return Words.say("shared governance", context: "formality")
        }
    }
}

extension MemberType {
    public static let labelContext = "member type"
    public var label: String {
        switch self {
        case .school: return Words.say("school", context: "member type")
        case .agency: return Words.say("agency", context: "member type")
        case .cluster: return Words.say("cluster", context: "member type")
        }
    }
}

extension GroupingLevel {
    public static let labelContext = "grouping level"
    public var label: String {
        switch self {
        case .local: return Words.say("local", context: "grouping level")
        case .regional: return Words.say("regional", context: "grouping level")
        case .national: return Words.say("national", context: "grouping level")
        }
    }
}

extension Priority {
    public static let labelContext = "priority"
    public var label: String {
        switch self {
        case .high: return Words.say("high", context: "priority")
        case .medium: return Words.say("medium", context: "priority")
        case .low: return Words.say("low", context: "priority")
        }
    }
}

extension Direction {
    public static let labelContext = "direction"
    public var label: String {
        switch self {
        case .increase: return Words.say("increase", context: "direction")
        case .decrease: return Words.say("decrease", context: "direction")
        }
    }
}

extension ActionClass {
    public static let labelContext = "action class"
    public var label: String {
        switch self {
        case .prevention: return Words.say("prevention", context: "action class")
        case .intervention: return Words.say("intervention", context: "action class")
        case .compensation: return Words.say("compensation", context: "action class")
        case .monitoring: return Words.say("monitoring", context: "action class")
        }
    }
}

extension ActionStatus {
    public static let labelContext = "action status"
    public var label: String {
        switch self {
        case .notStarted: return Words.say("not started", context: "action status")
        case .inProgress: return Words.say("in progress", context: "action status")
        case .constrained: return Words.say("constrained", context: "action status")
        case .completed: return Words.say("completed", context: "action status")
        case .discontinued: return Words.say("discontinued", context: "action status")
        }
    }
}

extension LinkRelation {
    public static let labelContext = "link relation"
    public var label: String {
        switch self {
        case .feeds: return Words.say("feeds", context: "link relation")
        case .lineage: return Words.say("lineage", context: "link relation")
        }
    }
}

extension Lineage {
    public static let labelContext = "lineage"
    public var label: String {
        switch self {
        case .merged: return Words.say("merged", context: "lineage")
        case .split: return Words.say("split", context: "lineage")
        case .amalgamated: return Words.say("amalgamated", context: "lineage")
        case .converted: return Words.say("converted", context: "lineage")
        }
    }
}

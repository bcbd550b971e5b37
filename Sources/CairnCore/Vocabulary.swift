import CairnWords

/// A closed list of words from DOMAIN.md, stored and typed as its raw value
/// (`lower-secondary`, `local-authority`), shown to people as `label` in the session's language.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable, Comparable,
    FieldType, ShownWords
where RawValue == String, AllCases == [Self] {}

extension Vocabulary {
    /// The words accepted, for messages such as "sector must be one of: ...".
    public static var wordList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses a word, accepting any case and spaces or underscores for hyphens.
    public static func parse(_ text: String, field: String) throws(InputError) -> Self {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let value = Self(rawValue: word) { return value }
        throw InputError(
            Words.say("“{text}” is not a {field}: use one of {words}", ["text": text, "field": field, "words": wordList]),
            listsWhatIsAccepted: true)
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The stage of education a school serves (ISCED 2011 plus the kinds registers add).
public enum Phase: String, Vocabulary {
    case earlyChildhood = "early-childhood"
    case primary
    case lowerSecondary = "lower-secondary"
    case upperSecondary = "upper-secondary"
    case vocational, special, other
}

/// The part of society an agency belongs to.
public enum Sector: String, Vocabulary {
    case education, health
    case socialCare = "social-care"
    case housing, labour, youth, justice
    case localAuthority = "local-authority"
    case ngo, university, `private`, parents, consultative, other
}

/// Where an agency works.
public enum Level: String, Vocabulary {
    case national, regional, local, school
}

/// What the people in a place call their group of schools.
public enum ClusterKind: String, Vocabulary {
    case network, cluster, federation, trust, alliance, partnership
    case stakeholderNetwork = "stakeholder-network"
    case regionalCollaborative = "regional-collaborative"

    /// Whether a school is in at most one grouping of this kind at a time.
    ///
    /// A school belongs to one agrupamento (a `cluster`), one federation and one trust, so
    /// joining a second of the same kind means leaving the first; networks, alliances,
    /// partnerships, stakeholder networks and collaboratives overlap freely. Only schools are
    /// held to it: an agency (a health service) works with many clusters, and a cluster may sit
    /// in more than one grouping above it. `World.exclusiveMembership(of:joining:)` applies it.
    public var isExclusive: Bool {
        switch self {
        case .cluster, .federation, .trust: return true
        case .network, .alliance, .partnership, .stakeholderNetwork, .regionalCollaborative: return false
        }
    }
}

/// How binding the collaboration is: from staff meeting to one governing body.
public enum Formality: String, Vocabulary {
    case informal, formal
    case sharedGovernance = "shared-governance"
}

/// Whether a member of a cluster is a school or an agency.
public enum MemberType: String, Vocabulary {
    case school, agency
    /// A cluster within a grouping of clusters (a collaborative, a trust, a network).
    case cluster

    /// The kind of record a member of this type is.
    public var kind: RecordKind {
        switch self {
        case .school: return .school
        case .agency: return .agency
        case .cluster: return .cluster
        }
    }
}

/// The level of the system a grouping works at: a local cluster of schools, a regional
/// collaborative, a national network.
public enum GroupingLevel: String, Vocabulary {
    case local, regional, national
}

/// How much a goal matters next to the cluster's other goals.
public enum Priority: String, Vocabulary {
    case high, medium, low
}

/// Whether progress means the indicator going up (attendance) or down (an early-leaving rate).
public enum Direction: String, Vocabulary {
    case increase, decrease
}

/// The kinds of engagement in the local stakeholder cooperation framework.
public enum ActionClass: String, Vocabulary {
    case prevention, intervention, compensation, monitoring
}

/// Where an action stands (the DHIS2 Action Tracker's words).
public enum ActionStatus: String, Vocabulary {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case constrained, completed, discontinued
}

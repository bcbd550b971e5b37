/// The kinds of record the store keeps.
public enum RecordKind: String, Codable, Sendable, CaseIterable {
    case school, agency, cluster, membership, checkpoint, goal, measurement, action, agreement, assessment
    /// A school feeding another, or succeeding it.
    case link

    /// How a sentence names one of them, and several.
    public var noun: String {
        switch self {
        case .membership: return "membership"
        case .agreement: return "monitoring agreement"
        case .assessment: return "health check"
        case .link: return "link between schools"
        default: return rawValue
        }
    }

    public var plural: String {
        switch self {
        case .agency: return "agencies"
        case .membership: return "memberships"
        case .agreement: return "monitoring agreements"
        case .assessment: return "health checks"
        case .link: return "links between schools"
        default: return rawValue + "s"
        }
    }
}

/// Any one record, as a change to the store carries it.
public enum Record: Hashable, Sendable {
    case school(School)
    case agency(Agency)
    case cluster(Cluster)
    case membership(Membership)
    case checkpoint(Checkpoint)
    case goal(Goal)
    case measurement(Measurement)
    case action(Action)
    case agreement(Agreement)
    case assessment(Assessment)
    case link(Link)

    public var kind: RecordKind {
        switch self {
        case .school: return .school
        case .agency: return .agency
        case .cluster: return .cluster
        case .membership: return .membership
        case .checkpoint: return .checkpoint
        case .goal: return .goal
        case .measurement: return .measurement
        case .action: return .action
        case .agreement: return .agreement
        case .assessment: return .assessment
        case .link: return .link
        }
    }

    public var id: String {
        switch self {
        case .school(let r): return r.id
        case .agency(let r): return r.id
        case .cluster(let r): return r.id
        case .membership(let r): return r.id
        case .checkpoint(let r): return r.id
        case .goal(let r): return r.id
        case .measurement(let r): return r.id
        case .action(let r): return r.id
        case .agreement(let r): return r.id
        case .assessment(let r): return r.id
        case .link(let r): return r.id
        }
    }
}

/// One change to one record. A commit is a list of them, written together.
public enum Change: Hashable, Sendable {
    /// Creates the record. (Journals written before field-level edits also replaced a stored
    /// record with a whole one this way.)
    case put(Record)
    /// Sets some fields of a stored record, each with the value it was based on.
    case edit(Edit)
    case delete(RecordKind, id: String)

    public var kind: RecordKind {
        switch self {
        case .put(let record): return record.kind
        case .edit(let edit): return edit.kind
        case .delete(let kind, _): return kind
        }
    }

    public var recordID: String {
        switch self {
        case .put(let record): return record.id
        case .edit(let edit): return edit.id
        case .delete(_, let id): return id
        }
    }
}

/// How one school is tied to another beyond sharing a cluster.
public enum LinkRelation: String, Vocabulary {
    /// Its pupils go on to the other (a primary feeding a lower secondary).
    case feeds
    /// It became the other, or part of it (a predecessor and its successor).
    case lineage
}

/// How a predecessor became its successor.
public enum Lineage: String, Vocabulary {
    /// Joined with others into one school.
    case merged
    /// Divided, this being one of the parts.
    case split
    /// Taken into a larger school or federation under one head.
    case amalgamated
    /// Changed its status (an academy replacing a maintained school).
    case converted
}

/// A link from one school to another: the pupils' path (feeds) or the school's history
/// (lineage). A record of its own, so that history, sync and conflicts treat it like any other,
/// and a school in no cluster can still be linked.
public struct Link: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    /// The school whose pupils move on, or the predecessor.
    public var from: String
    /// The school they move on to, or the successor.
    public var to: String
    public var relation: LinkRelation
    /// For a feed, the phases it concerns, as pupils go: primary, then lower secondary.
    public var phases: [Phase]
    /// For lineage, when the successor took over.
    public var on: Day?
    /// For lineage, how.
    public var how: Lineage?
    public var notes: String

    public init(
        id: String = RecordID.make(.link), from: String, to: String, relation: LinkRelation, phases: [Phase] = [],
        on: Day? = nil, how: Lineage? = nil, notes: String = ""
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.relation = relation
        self.phases = phases
        self.on = on
        self.how = how
        self.notes = notes
    }

    public func normalized() -> Link {
        var l = self
        l.notes = Text.cleanMultiline(notes)
        return l
    }
}

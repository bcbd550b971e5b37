/// A group of schools, possibly with agencies, that work together.
public struct Cluster: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var officialId: String?
    public var name: String
    public var kind: ClusterKind
    public var formality: Formality?
    /// Where in the system a grouping works (local, regional, national); none said for most.
    public var level: GroupingLevel?
    public var region: String
    public var purpose: String
    /// One leader over all schools, or each school keeps its own head (free text: the words vary).
    public var leadershipModel: String
    public var startedOn: Day?
    public var fundingSource: String
    /// Collaboration often stops when funding ends, so this date matters.
    public var fundingEndsOn: Day?
    public var notes: String

    public init(
        id: String = RecordID.make(.cluster), officialId: String? = nil, name: String, kind: ClusterKind = .cluster,
        formality: Formality? = nil, level: GroupingLevel? = nil, region: String = "", purpose: String = "", leadershipModel: String = "",
        startedOn: Day? = nil, fundingSource: String = "", fundingEndsOn: Day? = nil, notes: String = ""
    ) {
        self.id = id
        self.officialId = officialId
        self.name = name
        self.kind = kind
        self.formality = formality
        self.level = level
        self.region = region
        self.purpose = purpose
        self.leadershipModel = leadershipModel
        self.startedOn = startedOn
        self.fundingSource = fundingSource
        self.fundingEndsOn = fundingEndsOn
        self.notes = notes
    }

    public func normalized() -> Cluster {
        var c = self
        c.name = Text.clean(name)
        c.officialId = officialId.map(Text.clean).flatMap { $0.isEmpty ? nil : $0 }
        c.region = Text.clean(region)
        c.purpose = Text.cleanMultiline(purpose)
        c.leadershipModel = Text.clean(leadershipModel)
        c.fundingSource = Text.clean(fundingSource)
        c.notes = Text.cleanMultiline(notes)
        return c
    }
}

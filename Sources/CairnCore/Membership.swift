/// A school or agency taking part in a cluster, with its role there.
///
/// A record of its own (not a list inside the cluster) so that two people adding members
/// to the same cluster at once do not overwrite each other.
public struct Membership: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var cluster: String
    public var memberType: MemberType
    public var memberId: String
    public var role: String
    public var responsibilities: String
    /// At most one member of a cluster leads and convenes it.
    public var lead: Bool
    /// When it joined; none said for most.
    public var from: Day?
    /// When it left: a member that leaves is kept, with this day, so that the record says who
    /// was in when; nil while it is a member.
    public var to: Day?

    /// Still a member: it has not left.
    public var isCurrent: Bool { to == nil }

    /// A member on `day`: it had joined by then (or no day was said) and had not yet left.
    public func isCurrent(on day: Day) -> Bool { (from.map { $0 <= day } ?? true) && (to.map { day < $0 } ?? true) }

    public init(
        id: String = RecordID.make(.membership), cluster: String, memberType: MemberType, memberId: String,
        role: String = "", responsibilities: String = "", lead: Bool = false, from: Day? = nil, to: Day? = nil
    ) {
        self.id = id
        self.cluster = cluster
        self.memberType = memberType
        self.memberId = memberId
        self.role = role
        self.responsibilities = responsibilities
        self.lead = lead
        self.from = from
        self.to = to
    }

    public func normalized() -> Membership {
        var m = self
        m.role = Text.clean(role)
        m.responsibilities = Text.cleanMultiline(responsibilities)
        return m
    }
}

/// The keys that must be unique across records (official ids, a member once per cluster, one
/// lead, one agreement), indexed once so that checking a register of 25,000 schools or a
/// restore of a national export stays linear instead of scanning the world per record.
///
/// The index holds ids only and is kept up to date by `note(_:)` as changes are applied; a
/// lookup reads the record from the world, so a stale entry is simply ignored.
public struct UniqueKeys: Sendable {
    private var schoolOfficial: [String: String] = [:]
    private var clusterOfficial: [String: String] = [:]
    private var members: [String: String] = [:]
    private var leads: [String: String] = [:]
    private var agreements: [String: String] = [:]

    /// - Complexity: O(n) in the world's schools, clusters, memberships and agreements.
    public init(_ world: World) {
        for s in world.schools.values { note(.put(.school(s))) }
        for c in world.clusters.values { note(.put(.cluster(c))) }
        for m in world.memberships.values { note(.put(.membership(m))) }
        for a in world.agreements.values { note(.put(.agreement(a))) }
    }

    /// Takes in a change about to be applied.
    public mutating func note(_ change: Change) {
        guard case .put(let record) = change else { return }
        switch record {
        case .school(let s): if let o = s.officialId { schoolOfficial[o] = s.id }
        case .cluster(let c): if let o = c.officialId { clusterOfficial[o] = c.id }
        case .membership(let m) where m.isCurrent:
            members[m.cluster + "\u{1F}" + m.memberId] = m.id
            if m.lead { leads[m.cluster] = m.id }
        case .agreement(let a): agreements[a.cluster] = a.id
        default: break
        }
    }

    func school(withOfficialId official: String, in w: World) -> School? {
        schoolOfficial[official].flatMap { w.schools[$0] }.flatMap { $0.officialId == official ? $0 : nil }
    }

    func cluster(withOfficialId official: String, in w: World) -> Cluster? {
        clusterOfficial[official].flatMap { w.clusters[$0] }.flatMap { $0.officialId == official ? $0 : nil }
    }

    func membership(of member: String, in cluster: String, world w: World) -> Membership? {
        members[cluster + "\u{1F}" + member].flatMap { w.memberships[$0] }.flatMap {
            $0.cluster == cluster && $0.memberId == member && $0.isCurrent ? $0 : nil
        }
    }

    func lead(of cluster: String, in w: World) -> Membership? {
        leads[cluster].flatMap { w.memberships[$0] }.flatMap { $0.cluster == cluster && $0.lead && $0.isCurrent ? $0 : nil }
    }

    func agreement(of cluster: String, in w: World) -> Agreement? {
        agreements[cluster].flatMap { w.agreements[$0] }.flatMap { $0.cluster == cluster ? $0 : nil }
    }
}

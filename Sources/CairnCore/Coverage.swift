import CairnWords

/// Which sectors take part at which levels, across the agencies of a cluster or of a region's
/// clusters, and which goals each sector is responsible for.
///
/// The empty cells that matter: a *core* sector (the services a pupil at risk of leaving
/// school meets: health, social care, housing, labour, youth, the local authority, parents)
/// with no agency at the local level. Other empty cells are simply empty.
public struct Coverage: Sendable, Equatable {
    public static let coreSectors: [Sector] = [.health, .socialCare, .housing, .labour, .youth, .localAuthority, .parents]

    /// Agencies engaged, by sector and level.
    public var counts: [Sector: [Level: Int]] = [:]
    /// Statements of the goals each sector owns or serves through an action.
    public var goals: [Sector: [String]] = [:]
    public var schools = 0
    public var clusters = 0

    public func count(_ sector: Sector, _ level: Level) -> Int { counts[sector]?[level] ?? 0 }

    /// True for an empty cell that matters (see the type's comment).
    public func isGap(_ sector: Sector, _ level: Level) -> Bool {
        level == .local && Coverage.coreSectors.contains(sector) && count(sector, .local) == 0
    }

    /// The gaps as sentences, for reports and `cairn coverage`.
    public var gapSentences: [String] {
        Coverage.coreSectors.filter { isGap($0, .local) }.map { s in
            let elsewhere = Level.allCases.filter { count(s, $0) > 0 }.map(\.label)
            let values = ["sector": s.label, "levels": elsewhere.joined(separator: ", ")]
            // The one core sector named in the plural takes the plural verb.
            switch (s == .parents, elsewhere.isEmpty) {
            case (false, true): return Words.say("{sector} is absent locally", values)
            case (true, true): return Words.say("{sector} are absent locally", values)
            case (false, false): return Words.say("{sector} is absent locally (present at {levels} level)", values)
            case (true, false): return Words.say("{sector} are absent locally (present at {levels} level)", values)
            }
        }
    }

    public init() {}
}

extension World {
    /// Coverage of one cluster.
    public func coverage(of clusterID: String) -> Coverage { coverage(ofClusters: [clusterID]) }

    /// Coverage of every cluster whose region is `region` (compared case- and accent-blind).
    /// The coverage of every cluster in the regions `region` names (see `findRegions`).
    public func coverage(ofRegion region: String) -> Coverage {
        let keys = Set(((try? findRegions(region)) ?? []).map(Text.folded))
        return coverage(ofClusters: clusters.values.filter { keys.contains(Text.folded($0.region)) }.map(\.id))
    }

    /// The coverage of the clusters `ids` names, read through the index by cluster.
    ///
    /// - Parameter day: count the members on that day (`Membership.isCurrent(on:)`); nil,
    ///   those that have not left.
    func coverage(ofClusters ids: [String], on day: Day? = nil) -> Coverage {
        var c = Coverage()
        c.clusters = ids.count
        let wanted = Set(ids)
        var seenAgencies = Set<String>()
        var seenSchools = Set<String>()
        var sectorOfMembership: [String: Sector] = [:]
        for id in wanted {
            for m in records(clusterIndex.members[id], in: memberships) where day.map({ m.isCurrent(on: $0) }) ?? m.isCurrent {
                if m.memberType == .school {
                    seenSchools.insert(m.memberId)
                    continue
                }
                guard m.memberType == .agency else { continue }
                guard let a = agencies[m.memberId] else { continue }
                sectorOfMembership[m.id] = a.sector
                if seenAgencies.insert(a.id).inserted { c.counts[a.sector, default: [:]][a.level, default: 0] += 1 }
            }
        }
        c.schools = seenSchools.count
        var goalSectors: [String: Set<Sector>] = [:]
        for id in wanted {
            for g in goals(of: id) {
                if let owner = g.owner, let s = sectorOfMembership[owner] { goalSectors[g.id, default: []].insert(s) }
            }
            for a in actions(of: id) {
                if let goal = a.goal, let r = a.responsible, let s = sectorOfMembership[r] { goalSectors[goal, default: []].insert(s) }
            }
        }
        for (goalID, sectors) in goalSectors {
            guard let g = goals[goalID] else { continue }
            for s in sectors { c.goals[s, default: []].append(g.statement) }
        }
        for s in c.goals.keys { c.goals[s]!.sort() }
        return c
    }
}

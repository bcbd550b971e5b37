import CairnWords

/// A cluster's health: its latest assessment, the change since the one before, and risks.
public struct ClusterHealth: Sendable, Equatable {
    /// How Home sorts clusters by health, weakest first: the score, with funding that ends
    /// within six months counting as a risk by itself (never above 1.5); unassessed last.
    public var sortWeight: Double { min(score ?? 5, fundingEndsSoon == nil ? 5 : 1.5) }

    public var latest: Assessment?
    public var previous: Assessment?
    /// Funding that ends within `fundingRiskMonths` of the day asked about: a risk by itself.
    public var fundingEndsSoon: Day?

    public static let fundingRiskMonths = 6

    public init(latest: Assessment? = nil, previous: Assessment? = nil, fundingEndsSoon: Day? = nil) {
        self.latest = latest
        self.previous = previous
        self.fundingEndsSoon = fundingEndsSoon
    }

    public var score: Double? { latest?.score }

    /// The change of an item's rating since the previous assessment.
    public func change(_ item: HealthItem) -> Int? {
        guard let now = latest?.rating(item), let before = previous?.rating(item) else { return nil }
        return now - before
    }

    /// What most needs attention: funding about to end, else the lowest-rated item.
    public var weakestPoint: String {
        if let end = fundingEndsSoon, (latest?.weakest.flatMap { latest?.rating($0) } ?? 4) > 1 {
            return Words.say("funding ends {day}", ["day": end.description])
        }
        guard let latest, let item = latest.weakest, let r = latest.rating(item) else { return Words.say("not assessed") }
        return "\(item.label) (\(r))"
    }
}

extension World {
    /// A cluster's assessments, newest first.
    public func assessments(of clusterID: String) -> [Assessment] {
        records(clusterIndex.assessments[clusterID], in: assessments)
    }

    public func health(of clusterID: String, on today: Day) -> ClusterHealth {
        health(of: clusterID, assessments: assessments(of: clusterID), on: today)
    }

    /// Every cluster's health in one pass over the assessments (Home's list of 3,000 clusters).
    ///
    /// - Complexity: O(clusters + assessments × log assessments).
    public func healthByCluster(on today: Day) -> [String: ClusterHealth] {
        ClusterHealth.byCluster(clusters.dictionary, assessments: assessments.dictionary, on: today)
    }

    /// `newestFirst`: the cluster's assessments, newest first.
    func health(of clusterID: String, assessments newestFirst: [Assessment], on today: Day) -> ClusterHealth {
        ClusterHealth(of: clusters[clusterID], assessments: newestFirst, on: today)
    }
}

extension ClusterHealth {
    /// `newestFirst`: the cluster's assessments, newest first.
    public init(of cluster: Cluster?, assessments newestFirst: [Assessment], on today: Day) {
        self.init(latest: newestFirst.first, previous: newestFirst.dropFirst().first)
        if let end = cluster?.fundingEndsOn, end >= today, end <= today.adding(months: ClusterHealth.fundingRiskMonths) {
            fundingEndsSoon = end
        }
    }

    /// Every cluster's health in one pass over the assessments (Home's list of 3,000 clusters).
    ///
    /// - Complexity: O(clusters + assessments × log assessments).
    static func byCluster(_ clusters: [String: Cluster], assessments: [String: Assessment], on today: Day) -> [String: ClusterHealth] {
        let grouped = byCluster(assessments)
        var result: [String: ClusterHealth] = [:]
        result.reserveCapacity(clusters.count)
        for (id, cluster) in clusters { result[id] = ClusterHealth(of: cluster, assessments: grouped[id] ?? [], on: today) }
        return result
    }

    /// Each cluster's assessments, latest first: what `ClusterHealth(of:assessments:on:)` takes.
    public static func byCluster(_ assessments: [String: Assessment]) -> [String: [Assessment]] {
        Dictionary(grouping: assessments.values, by: \.cluster).mapValues { $0.sorted { ($0.date, $0.id) > ($1.date, $1.id) } }
    }
}

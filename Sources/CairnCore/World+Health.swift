/// A cluster's health: its latest assessment, the change since the one before, and risks.
public struct ClusterHealth: Sendable, Equatable {
    public var latest: Assessment?
    public var previous: Assessment?
    /// Funding that ends within `fundingRiskMonths` of the day asked about: a risk by itself.
    public var fundingEndsSoon: Day?

    public static let fundingRiskMonths = 6

    public var score: Double? { latest?.score }

    /// The change of an item's rating since the previous assessment.
    public func change(_ item: HealthItem) -> Int? {
        guard let now = latest?.rating(item), let before = previous?.rating(item) else { return nil }
        return now - before
    }

    /// What most needs attention: funding about to end, else the lowest-rated item.
    public var weakestPoint: String {
        if let end = fundingEndsSoon, (latest?.weakest.flatMap { latest?.rating($0) } ?? 4) > 1 { return "funding ends \(end)" }
        guard let latest, let item = latest.weakest, let r = latest.rating(item) else { return "not assessed" }
        return "\(item.label) (\(r))"
    }
}

extension World {
    /// A cluster's assessments, newest first.
    public func assessments(of clusterID: String) -> [Assessment] {
        assessments.values.filter { $0.cluster == clusterID }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    public func health(of clusterID: String, on today: Day) -> ClusterHealth {
        let list = assessments(of: clusterID)
        var h = ClusterHealth(latest: list.first, previous: list.dropFirst().first)
        if let end = clusters[clusterID]?.fundingEndsOn, end >= today, end <= today.adding(months: ClusterHealth.fundingRiskMonths) {
            h.fundingEndsSoon = end
        }
        return h
    }
}

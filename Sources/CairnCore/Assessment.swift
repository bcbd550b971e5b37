/// What a facilitator rates a cluster on: the five conditions under which collaboration works
/// and the five challenges that break it (DOMAIN.md, "Judging a collaboration").
///
/// Every item is rated 1 to 4 the same way round, 1 fragile and 4 solid: for a condition, how
/// present it is; for a challenge, how well the cluster holds against it. So the lowest rating is
/// always the weakest point.
public enum HealthItem: String, CaseIterable, Sendable, Codable {
    case leadership, structures, history, communication, context
    case autonomy, power, workload, objectives, funding

    public var isChallenge: Bool {
        switch self {
        case .autonomy, .power, .workload, .objectives, .funding: return true
        default: return false
        }
    }
}

/// A dated health check of a cluster, by someone. Earlier ones are kept, to show the change.
public struct Assessment: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var cluster: String
    public var date: Day
    public var by: String
    /// 1 (fragile) to 4 (solid) for each item rated.
    public var ratings: [String: Int]
    public var notes: [String: String]

    public init(
        id: String = RecordID.make(.assessment), cluster: String, date: Day, by: String, ratings: [HealthItem: Int] = [:],
        notes: [HealthItem: String] = [:]
    ) {
        self.id = id
        self.cluster = cluster
        self.date = date
        self.by = by
        self.ratings = Dictionary(uniqueKeysWithValues: ratings.map { ($0.key.rawValue, $0.value) })
        self.notes = Dictionary(uniqueKeysWithValues: notes.map { ($0.key.rawValue, $0.value) })
    }

    public func rating(_ item: HealthItem) -> Int? { ratings[item.rawValue] }
    public func note(_ item: HealthItem) -> String { notes[item.rawValue] ?? "" }

    /// The mean rating, 1 to 4; nil when nothing was rated.
    public var score: Double? {
        let values = HealthItem.allCases.compactMap(rating)
        return values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// The lowest-rated item (the first such, conditions before challenges).
    public var weakest: HealthItem? {
        HealthItem.allCases.filter { rating($0) != nil }.min { rating($0)! < rating($1)! }
    }

    public func normalized() -> Assessment {
        var a = self
        a.notes = notes.mapValues(Text.clean).filter { !$0.value.isEmpty }
        return a
    }
}

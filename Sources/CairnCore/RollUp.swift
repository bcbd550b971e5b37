/// How a grouping, a region or the whole store is doing, as one set of figures for the period
/// a day falls in and another for the period before: counts of clusters, schools and agencies,
/// goals by status, checkpoints, health, coverage and gaps (`World.rollUp`).
///
/// Each school, agency and cluster is counted once however many paths of the grouping graph
/// reach it; a checkpoint, goal or health check belongs to one cluster, so it is counted once too.
public struct RollUp: Sendable, Equatable {
    /// What a roll-up covers.
    public enum Scope: Sendable, Equatable {
        /// A cluster and everything within it through its member clusters, however deep.
        case grouping(String)
        /// The clusters whose region is one of these (as `World.findRegions` gives them), and
        /// everything within them.
        case regions([String])
        /// Every cluster, school and agency the store holds.
        case store
    }

    /// The stretch of time figures are compared over: a calendar quarter or a calendar year.
    public enum Period: String, Sendable, CaseIterable {
        case quarter, year

        public var months: Int { self == .quarter ? 3 : 12 }

        /// The first day of the period `day` falls in.
        public func start(of day: Day) -> Day {
            let (year, month, _) = day.parts
            let first = self == .quarter ? (month - 1) / 3 * 3 + 1 : 1
            return Day(ordinal: Day.ordinal(year: year, month: first, day: 1))
        }

        /// How a person names the period `day` falls in: `2026 Q4`, or `2026` for a year.
        public func name(of day: Day) -> String {
            let (year, month, _) = day.parts
            return self == .quarter ? "\(year) Q\((month - 1) / 3 + 1)" : "\(year)"
        }
    }

    public var scope: Scope
    public var period: Period
    /// The period the day asked about falls in, from its start to that day.
    public var current: Figures
    /// The period before, as it stood on its last day.
    public var previous: Figures
}

extension RollUp {
    /// Where a scope stood on one day, and what was done from the start of its period to that day.
    public struct Figures: Sendable, Equatable {
        /// The first day of the period.
        public var from: Day
        /// The day the figures are as of: the day asked about, or the last day of a past period.
        public var on: Day
        public var clusters = 0
        public var schools = 0
        public var agencies = 0
        /// Goals by their status on `on`: every status present, zeros included.
        public var goals: [GoalProgress.Status: Int] = Dictionary(uniqueKeysWithValues: GoalProgress.Status.allCases.map { ($0, 0) })
        /// Ticked on a day from `from` to `on`.
        public var checkpointsDone = 0
        /// Open on `on` and due before it.
        public var checkpointsOverdue = 0
        /// Open on `on` and due from that day to a period later.
        public var checkpointsUpcoming = 0
        /// Each health item's mean and trend: every item present.
        public var health: [HealthItem: HealthTrend] = Dictionary(uniqueKeysWithValues: HealthItem.allCases.map { ($0, HealthTrend()) })
        /// Agencies engaged by sector and level, each once.
        public var coverage = Coverage()
        /// Gaps by kind: every kind present, zeros included.
        public var gaps: [Gap.Kind: Int] = Dictionary(uniqueKeysWithValues: Gap.Kind.allCases.map { ($0, 0) })

        public init(from: Day, on: Day) {
            self.from = from
            self.on = on
        }

        public func goals(_ status: GoalProgress.Status) -> Int { goals[status] ?? 0 }
        public func gaps(_ kind: Gap.Kind) -> Int { gaps[kind] ?? 0 }
        public var goalCount: Int { goals.values.reduce(0, +) }
        public var gapCount: Int { gaps.values.reduce(0, +) }
    }

    /// One health item over the clusters of a scope: the mean of their latest ratings of it, and
    /// the mean of each of their last four checks that rated it.
    public struct HealthTrend: Sendable, Equatable {
        /// How many checks a trend looks back over.
        public static let checks = 4

        /// The clusters' mean rating at their fourth-latest, third-latest, second-latest and
        /// latest checks, oldest first: as many as the longest history holds, a cluster with
        /// fewer checks counted at its earliest rating before them. The last is the mean now.
        public var means: [Double] = []
        /// How many clusters have rated it.
        public var clusters = 0

        public init(means: [Double] = [], clusters: Int = 0) {
            self.means = means
            self.clusters = clusters
        }

        /// The mean of the clusters' latest ratings; nil when none has rated it.
        public var mean: Double? { means.last }

        /// Which way the mean went over the last checks; nil with fewer than two.
        public var movement: Movement? {
            guard let first = means.first, let last = means.last, means.count > 1 else { return nil }
            // Compared as the report shows them, to one decimal: a move it cannot show is none.
            if (last * 10).rounded() == (first * 10).rounded() { return .steady }
            return last > first ? .rising : .falling
        }

        public enum Movement: String, Sendable, CaseIterable {
            case rising, falling, steady
        }
    }
}

/// How far a goal has come on a given day, by the rule the README states:
///
/// - `latest`: the most recent measurement on or before today; of two taken that day, the one
///   recorded later.
/// - `covered`: the share of the way from baseline to target that the latest measurement has
///   covered ((latest − baseline) / (target − baseline); for a decreasing indicator both
///   differences are negative, so the same formula holds).
/// - `elapsed`: the share of the time from the baseline date to the deadline already gone.
/// - achieved when covered ≥ 1; on-track when covered ≥ elapsed; at-risk when covered is short
///   of elapsed by less than `atRiskMargin` (0.2); off-track otherwise; no-data with no
///   measurement (or no target).
///
/// Without a stated baseline, the first measurement is the baseline; without a baseline date,
/// that measurement's date.
public struct GoalProgress: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case achieved
        case onTrack = "on-track"
        case atRisk = "at-risk"
        case offTrack = "off-track"
        case noData = "no-data"
    }

    public static let atRiskMargin = 0.2

    public var status: Status
    /// 0...1 (or beyond when overshooting); nil with no data.
    public var covered: Double?
    public var elapsed: Double?
    public var latest: Measurement?

    /// - Parameter measurements: the goal's, in the order they were recorded (as
    ///   `World.measurements(of:)` gives them): of one day, the last is the latest.
    public init(goal: Goal, measurements: [Measurement], on today: Day) {
        // A measurement dated after today (an old slip; none can be typed now) is not news yet.
        let sorted = measurements.enumerated().filter { $0.element.goal == goal.id && $0.element.date <= today }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        latest = sorted.last
        guard let latest = sorted.last, let target = goal.target else {
            status = .noData
            return
        }
        let baseline = goal.baseline ?? sorted.first!.value
        let start = goal.baselineDate ?? sorted.first!.date
        let span = target - baseline
        let covered = span == 0 ? 1 : (latest.value - baseline) / span
        self.covered = covered
        if let deadline = goal.deadline, deadline > start {
            elapsed = min(1, max(0, Double(start.days(until: today)) / Double(start.days(until: deadline))))
        } else {
            elapsed = goal.deadline.map { today >= $0 ? 1 : 0 } ?? 0
        }
        let e = elapsed ?? 0
        if covered >= 1 {
            status = .achieved
        } else if covered >= e {
            status = .onTrack
        } else if covered >= e - Self.atRiskMargin {
            status = .atRisk
        } else {
            status = .offTrack
        }
    }

    /// A ten-cell text bar of `covered`, readable without colour: `[######----]`.
    public var bar: String {
        guard let covered else { return "[----------]" }
        let filled = Int((min(1, max(0, covered)) * 10).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 10 - filled) + "]"
    }
}

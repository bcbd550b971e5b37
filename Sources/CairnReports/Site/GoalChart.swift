import CairnCore

/// A goal's measurements over time against its baseline and its target, placed on a drawing
/// (SVG user units): what a published cluster's page shows of each goal. The places are worked
/// out here and drawn by `svg(id:)`, so that a test can check where a point sits against the
/// lines without reading the drawing.
public struct GoalChart: Sendable, Equatable {
    /// One measurement where it is drawn.
    public struct Point: Sendable, Equatable {
        public var date: Day
        public var value: Double
        /// Who recorded it, and where the figure comes from.
        public var by: String
        public var source: String
        public var x: Double
        public var y: Double
    }

    /// A straight line between two places.
    public struct Line: Sendable, Equatable {
        public var x1: Double
        public var y1: Double
        public var x2: Double
        public var y2: Double
    }

    /// Narrow enough that a phone shows it nearly at full size.
    public static let width = 420.0
    public static let height = 220.0
    /// Room for the values on the left, the upright lines' names above and the dates below.
    static let left = 50.0
    static let right = 10.0
    static let top = 16.0
    static let bottom = 36.0

    public var goal: Goal
    public var progress: GoalProgress
    /// The measurements up to today, oldest first (of one day, in the order they were recorded).
    public var points: [Point] = []
    public var baselineY: Double?
    public var targetY: Double?
    /// The line from the baseline on its day to the target on the deadline: where a goal on
    /// track stands at each day between.
    public var plannedWay: Line?
    public var deadlineX: Double?
    public var todayX: Double
    /// The values at the bottom and the top of the plot, and the days at its ends.
    public var low: Double
    public var high: Double
    /// The smallest and the largest value drawn (the axis names these, not the margins).
    public var least: Double
    public var most: Double
    public var start: Day
    public var end: Day

    /// - Parameter measurements: the goal's, in the order they were recorded
    ///   (`World.measurements(of:)`); one dated after today or not a finite number is left out.
    public init(goal: Goal, measurements: [Measurement], today: Day) {
        self.goal = goal
        progress = GoalProgress(goal: goal, measurements: measurements, on: today)
        let shown = measurements.enumerated().filter { $0.element.date <= today && $0.element.value.isFinite }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        let baseline = goal.baseline.flatMap { $0.isFinite ? $0 : nil }
        let target = goal.target.flatMap { $0.isFinite ? $0 : nil }
        let values = shown.map(\.value) + [baseline, target].compactMap { $0 }
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-9 * max(1, abs(high)) {
            let pad = max(1, abs(high) * 0.1)
            low -= pad
            high += pad
        }
        least = values.min() ?? 0
        most = values.max() ?? 0
        // A margin above and below, so that no point lies on the frame.
        let margin = (high - low) * 0.08
        self.low = low - margin
        self.high = high + margin
        let days = shown.map(\.date) + [goal.baselineDate, goal.deadline, today].compactMap { $0 }
        start = days.min() ?? today
        end = max(days.max() ?? today, start.adding(days: 1))
        todayX = 0
        todayX = x(today)
        points = shown.map { Point(date: $0.date, value: $0.value, by: $0.by, source: $0.source, x: x($0.date), y: y($0.value)) }
        baselineY = baseline.map(y)
        targetY = target.map(y)
        deadlineX = goal.deadline.map(x)
        if let baseline, let target, let from = goal.baselineDate ?? shown.first?.date, let to = goal.deadline, to > from {
            plannedWay = Line(x1: x(from), y1: y(baseline), x2: x(to), y2: y(target))
        }
    }

    /// The horizontal place of a day: `start` at the plot's left edge, `end` at its right.
    public func x(_ day: Day) -> Double {
        let span = Double(start.days(until: end))
        return Self.left + (Self.width - Self.left - Self.right) * Double(start.days(until: day)) / span
    }

    /// The vertical place of a value: `low` at the plot's bottom, `high` at its top.
    public func y(_ value: Double) -> Double {
        Self.height - Self.bottom - (Self.height - Self.top - Self.bottom) * (value - low) / (high - low)
    }
}

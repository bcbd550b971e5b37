/// How a cluster agrees to evaluate and monitor its plan: one per cluster.
public struct Agreement: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var cluster: String
    /// How many times a year all stakeholders meet.
    public var meetingsPerYear: Int
    /// How members report to one another.
    public var reporting: String
    /// How implementation is evaluated.
    public var evaluation: String
    public var periodStart: Day
    public var periodEnd: Day

    public init(
        id: String = RecordID.make(.agreement), cluster: String, meetingsPerYear: Int, reporting: String = "", evaluation: String = "",
        periodStart: Day, periodEnd: Day
    ) {
        self.id = id
        self.cluster = cluster
        self.meetingsPerYear = meetingsPerYear
        self.reporting = reporting
        self.evaluation = evaluation
        self.periodStart = periodStart
        self.periodEnd = periodEnd
    }

    public func normalized() -> Agreement {
        var a = self
        a.reporting = Text.cleanMultiline(reporting)
        a.evaluation = Text.cleanMultiline(evaluation)
        return a
    }

    /// The meetings the rhythm asks for in the period, evenly spaced and the last on its final
    /// day: four a year over a calendar year gives early April, early July, October and 31
    /// December; over half a year, two.
    public func proposedMeetings() -> [Day] {
        let days = periodStart.days(until: periodEnd)
        guard meetingsPerYear > 0, days > 0 else { return [] }
        let count = min(200, Int((Double(meetingsPerYear) * Double(days) / 365).rounded()))
        guard count > 0 else { return [] }
        let spacing = Double(days) / Double(count)
        return (1...count).map { periodStart.adding(days: Int((spacing * Double($0)).rounded())) }
    }
}

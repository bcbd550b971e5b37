/// A shared goal of a cluster, with the indicator that measures it: few and realistic.
public struct Goal: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var cluster: String
    public var statement: String
    /// What is measured ("share of pupils leaving without a qualification").
    public var indicator: String
    public var unit: String
    public var baseline: Double?
    public var baselineDate: Day?
    public var target: Double?
    public var deadline: Day?
    public var priority: Priority
    public var direction: Direction
    /// The membership id of the member who owns the goal, if any.
    public var owner: String?
    /// The goal of a grouping above this goal's cluster that it contributes to (a cluster's
    /// attendance goal to its collaborative's regional plan), if any.
    public var contributesTo: String?

    public init(
        id: String = RecordID.make(.goal), cluster: String, statement: String, indicator: String = "", unit: String = "",
        baseline: Double? = nil, baselineDate: Day? = nil, target: Double? = nil, deadline: Day? = nil,
        priority: Priority = .medium, direction: Direction = .increase, owner: String? = nil, contributesTo: String? = nil
    ) {
        self.id = id
        self.cluster = cluster
        self.statement = statement
        self.indicator = indicator
        self.unit = unit
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.deadline = deadline
        self.priority = priority
        self.direction = direction
        self.owner = owner
        self.contributesTo = contributesTo
    }

    public func normalized() -> Goal {
        var g = self
        g.statement = Text.clean(statement)
        g.indicator = Text.clean(indicator)
        g.unit = Text.clean(unit)
        g.owner = owner.flatMap { $0.isEmpty ? nil : $0 }
        g.contributesTo = contributesTo.flatMap { $0.isEmpty ? nil : $0 }
        // With both ends given the way is plain: a target below the baseline is a decrease.
        if let b = baseline, let t = target, b != t { g.direction = t < b ? .decrease : .increase }
        return g
    }
}

/// A value of a goal's indicator on a date, by someone, from a source.
public struct Measurement: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var goal: String
    public var value: Double
    public var date: Day
    public var by: String
    public var source: String
    /// The checkpoint this measurement ticked (one that asked for a measurement of its goal).
    public var ticked: String?

    public init(
        id: String = RecordID.make(.measurement), goal: String, value: Double, date: Day, by: String, source: String = "",
        ticked: String? = nil
    ) {
        self.id = id
        self.goal = goal
        self.value = value
        self.date = date
        self.by = by
        self.source = source
        self.ticked = ticked
    }

    public func normalized() -> Measurement {
        var m = self
        m.source = Text.clean(source)
        return m
    }
}

/// One dated thing to verify in a cluster: a meeting held, an indicator measured, a report sent.
public struct Checkpoint: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var cluster: String
    public var title: String
    public var due: Day
    /// The membership id of the member this checkpoint concerns, if any.
    public var concerns: String?
    /// A goal whose indicator this checkpoint asks to be measured: recording a measurement of
    /// that goal ticks it.
    public var goal: String?
    /// The monitoring agreement whose rhythm proposed this meeting: a new rhythm replaces the
    /// open meetings it made, and no others.
    public var agreement: String?
    /// Set when ticked off: the day, the login name of who ticked it, and the evidence note.
    public var doneOn: Day?
    public var doneBy: String?
    public var evidence: String?

    public init(
        id: String = RecordID.make(.checkpoint), cluster: String, title: String, due: Day, concerns: String? = nil,
        doneOn: Day? = nil, doneBy: String? = nil, evidence: String? = nil, goal: String? = nil, agreement: String? = nil
    ) {
        self.goal = goal
        self.agreement = agreement
        self.id = id
        self.cluster = cluster
        self.title = title
        self.due = due
        self.concerns = concerns
        self.doneOn = doneOn
        self.doneBy = doneBy
        self.evidence = evidence
    }

    public var isDone: Bool { doneOn != nil }

    /// Who ticked it and on which day, as lists show it (`ana 2026-11-10`); a tick whose day was
    /// lost (an old restore could write one) says so rather than failing.
    public func tickedBy(separator: String = " ") -> String? {
        doneBy.map { by in doneOn.map { by + separator + $0.description } ?? "\(by) (day unknown)" }
    }

    /// Open and past its due date: the one rule every list, count, gap and report uses.
    public func isOverdue(on today: Day) -> Bool { doneOn == nil && due < today }

    /// Where the checkpoint stands on `today`.
    public func status(on today: Day) -> CheckpointStatus {
        if isDone { return .done }
        if isOverdue(on: today) { return .overdue }
        if today.days(until: due) <= CheckpointStatus.dueSoonDays { return .dueSoon }
        return .upcoming
    }

    /// The checkpoint ticked off by `user` on `day` with `evidence`.
    public func ticked(by user: String, on day: Day, evidence: String) -> Checkpoint {
        var c = self
        c.doneOn = day
        c.doneBy = user
        c.evidence = Text.clean(evidence)
        return c
    }

    /// The checkpoint open again, its completion cleared (the journal keeps who had ticked it).
    public func reopened() -> Checkpoint {
        var c = self
        c.doneOn = nil
        c.doneBy = nil
        c.evidence = nil
        return c
    }

    public func normalized() -> Checkpoint {
        var c = self
        c.title = Text.clean(title)
        c.evidence = evidence.map(Text.clean)
        return c
    }
}

/// Where a checkpoint stands on a given day. Ordered as lists show them: most urgent first.
public enum CheckpointStatus: String, Sendable, CaseIterable, Comparable {
    case overdue
    case dueSoon = "due-soon"
    case upcoming, done

    /// "Due soon" means due within this many days.
    public static let dueSoonDays = 14

    /// A mark that tells the statuses apart without colour.
    public var mark: String {
        switch self {
        case .overdue: return "!"
        case .dueSoon: return "~"
        case .upcoming: return "·"
        case .done: return "✓"
        }
    }

    /// The same mark for terminals that cannot show anything but ASCII.
    public var asciiMark: String {
        switch self {
        case .overdue: return "!"
        case .dueSoon: return "~"
        case .upcoming: return "-"
        case .done: return "x"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

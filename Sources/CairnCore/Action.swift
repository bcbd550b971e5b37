/// An engagement: which member does what towards which goal, and by when.
public struct Action: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var cluster: String
    public var description: String
    /// The goal it serves (nil: serves none yet, which the gaps point out).
    public var goal: String?
    /// The membership id of the member responsible for realising it.
    public var responsible: String?
    public var actionClass: ActionClass
    public var start: Day?
    public var due: Day?
    public var status: ActionStatus
    public var note: String

    enum CodingKeys: String, CodingKey {
        case id, cluster, description, goal, responsible
        case actionClass = "class"
        case start, due, status, note
    }

    public init(
        id: String = RecordID.make(.action), cluster: String, description: String, goal: String? = nil,
        responsible: String? = nil, actionClass: ActionClass = .prevention, start: Day? = nil, due: Day? = nil,
        status: ActionStatus = .notStarted, note: String = ""
    ) {
        self.id = id
        self.cluster = cluster
        self.description = description
        self.goal = goal
        self.responsible = responsible
        self.actionClass = actionClass
        self.start = start
        self.due = due
        self.status = status
        self.note = note
    }

    public func normalized() -> Action {
        var a = self
        a.description = Text.clean(description)
        a.note = Text.cleanMultiline(note)
        a.goal = goal.flatMap { $0.isEmpty ? nil : $0 }
        a.responsible = responsible.flatMap { $0.isEmpty ? nil : $0 }
        return a
    }
}

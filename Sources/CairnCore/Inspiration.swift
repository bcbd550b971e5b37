/// Examples a group can start from when it agrees goals, engagements and how it monitors them:
/// what others chose against early school leaving, to copy into a form and change before saving.
public struct Inspiration: Sendable, Equatable, Codable {
    /// A goal with its indicator and a typical baseline and target.
    public struct GoalIdea: Sendable, Hashable, Codable {
        public var statement: String
        public var indicator: String
        public var unit: String
        public var direction: Direction
        public var baseline: Double?
        public var target: Double?
        /// What it is about (attendance, mentoring, transitions), shown beside it and filtered on.
        public var theme: String
    }

    /// An action, its class in the framework, and the sectors that usually take it on.
    public struct ActionIdea: Sendable, Hashable, Codable {
        public var description: String
        public var actionClass: ActionClass
        public var sectors: [Sector]

        public init(description: String, actionClass: ActionClass, sectors: [Sector]) {
            self.description = description
            self.actionClass = actionClass
            self.sectors = sectors
        }

        enum CodingKeys: String, CodingKey {
            case description
            case actionClass = "class"
            case sectors
        }
    }

    /// A monitoring agreement: its rhythm and how partners report to each other.
    public struct AgreementIdea: Sendable, Hashable, Codable {
        public var title: String
        public var meetingsPerYear: Int
        public var reporting: String
        public var evaluation: String
    }

    public var goals: [GoalIdea] = []
    public var actions: [ActionIdea] = []
    public var agreements: [AgreementIdea] = []

    public init(goals: [GoalIdea] = [], actions: [ActionIdea] = [], agreements: [AgreementIdea] = []) {
        self.goals = goals
        self.actions = actions
        self.agreements = agreements
    }

    /// This library, then a store's own examples after it.
    public func adding(_ own: Inspiration) -> Inspiration {
        Inspiration(goals: goals + own.goals, actions: actions + own.actions, agreements: agreements + own.agreements)
    }

    /// Every text cleaned as a form cleans what is typed (NFC, spaces), numbers finite, a rhythm
    /// of 1 to 52 meetings, and nothing without its text: a store's own file is hostile input
    /// like any other (what it holds is drawn as any data is, its controls made visible).
    public func cleaned() -> Inspiration {
        var c = self
        c.goals = goals.map {
            var g = $0
            g.statement = Text.clean(g.statement)
            g.indicator = Text.clean(g.indicator)
            g.unit = Text.clean(g.unit)
            g.theme = Text.clean(g.theme)
            if g.baseline?.isFinite == false { g.baseline = nil }
            if g.target?.isFinite == false { g.target = nil }
            return g
        }.filter { !$0.statement.isEmpty }
        c.actions = actions.map {
            var a = $0
            a.description = Text.clean(a.description)
            return a
        }.filter { !$0.description.isEmpty }
        c.agreements = agreements.map {
            var a = $0
            a.title = Text.clean(a.title)
            a.reporting = Text.clean(a.reporting)
            a.evaluation = Text.clean(a.evaluation)
            a.meetingsPerYear = min(max(a.meetingsPerYear, 1), 52)
            return a
        }.filter { !$0.title.isEmpty }
        return c
    }
}

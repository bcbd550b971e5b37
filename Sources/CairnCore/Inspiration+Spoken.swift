import CairnWords

extension Inspiration {
    /// The catalogue's context of the shipped library's texts.
    public static let libraryContext = "example library"

    /// The shipped library in the session's language: every text a group reads or copies into
    /// a form, looked up in the catalogue (a text it lacks stays in English). Only the shipped
    /// library is: a store's own examples are the group's words, kept as they wrote them.
    public func spoken() -> Inspiration {
        func say(_ text: String) -> String { text.isEmpty ? text : Words.say(text, context: Self.libraryContext) }
        var c = self
        c.goals = goals.map {
            var g = $0
            g.statement = say(g.statement)
            g.indicator = say(g.indicator)
            g.unit = say(g.unit)
            g.theme = say(g.theme)
            return g
        }
        c.actions = actions.map {
            var a = $0
            a.description = say(a.description)
            return a
        }
        c.agreements = agreements.map {
            var a = $0
            a.title = say(a.title)
            a.reporting = say(a.reporting)
            a.evaluation = say(a.evaluation)
            return a
        }
        return c
    }

    /// Every text `spoken` looks up, once each, in the order the library holds them: what a
    /// catalogue must translate.
    public var texts: [String] {
        var seen: Set<String> = []
        let all =
            goals.flatMap { [$0.statement, $0.indicator, $0.unit, $0.theme] } + actions.map(\.description)
            + agreements.flatMap { [$0.title, $0.reporting, $0.evaluation] }
        return all.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

import CairnCore

/// The values the random edits draw from: few per field, so that two copies sometimes set one
/// field alike, and text from every script the store must keep (NFC, emoji, combining marks).
enum Pools {
    static let names = [
        "Escola Básica de São João", "Þingeyjarskóli", "Szkoła Podstawowa nr 12 Łódź", "漢字小学校", "Kāhui Ako Ōtautahi",
        "École du Pré 🌱",
    ]
    static let titles = ["Reunião trimestral", "Termly review", "Spotkanie sieci", "Visite de l'école", "Ársfundur"]
    static let days = ["2026-12-20", "2027-01-15", "2027-03-01", "2026-11-15"].map { Day(iso: $0)! }
    static let notes = ["minutes 😀", "Cafe\u{301} on Fridays", "", "Łódź visit", "see 漢字 report"]
    static let phones = ["219 999 999", "42 123 45 67", "464 3580", ""]
    static let places = ["Łódź", "Lisboa", "Reykjavík", "Gent", "Ōtautahi"]
    static let dayTexts = ["2026-12-20", "2027-01-15", "2027-03-01"]
    /// What a feed concerns, as pupils go.
    static let feeds: [[Phase]] = [[.primary, .lowerSecondary], [.lowerSecondary, .upperSecondary], [.earlyChildhood, .primary], []]

    /// The fields an edit may set on `record`, each with its values. References (a checkpoint's
    /// goal, an action's responsible member) take records of the same cluster, or none: an
    /// edit there racing a delete on another copy is how a reference could come to point nowhere.
    ///
    /// - Parameter known: the ids of a kind that pass a test, in the run's order.
    static func fields(of record: Record, in world: World, known: (RecordKind, (String) -> Bool) -> [String]) -> [(String, [String])] {
        func goals(_ cluster: String) -> [String] { known(.goal) { world.goals[$0]?.cluster == cluster } + [""] }
        /// The goals of the groupings a cluster is within: what its goals may contribute to.
        func aims(_ cluster: String) -> [String] {
            let above = world.groupingsAbove(cluster)
            return known(.goal) { world.goals[$0].map { above.contains($0.cluster) } ?? false } + [""]
        }
        func members(_ cluster: String) -> [String] { known(.membership) { world.memberships[$0]?.cluster == cluster } + [""] }
        switch record {
        case .school:
            return [
                ("name", names), ("phone", phones), ("municipality", places), ("notes", notes), ("email", ["a@escola.pt", "b@sp12.pl"]),
            ]
        case .agency:
            return [("phone", phones), ("notes", notes), ("contactPerson", ["Ana Łukasiewicz", "Jón Þórsson"])]
        case .cluster:
            return [("region", places), ("notes", notes), ("purpose", titles), ("name", names)]
        case .membership:
            return [("role", ["lead school", "partner", "host"]), ("responsibilities", notes), ("lead", ["yes", "no"])]
        case .checkpoint(let c):
            return [("title", titles), ("concerns", notes), ("due", dayTexts), ("goal", goals(c.cluster))]
        case .goal(let g):
            return [
                ("statement", titles), ("target", ["90", "95", "75,5"]), ("unit", ["%", "pupils"]), ("owner", members(g.cluster)),
                ("contributesTo", aims(g.cluster)),
            ]
        case .measurement:
            return [("value", ["82", "84", "90"]), ("source", ["register", "survey"])]
        case .action(let a):
            return [
                ("description", titles), ("status", ["not-started", "in-progress", "completed"]), ("note", notes),
                ("goal", goals(a.cluster)), ("responsible", members(a.cluster)),
            ]
        case .agreement:
            return [("meetingsPerYear", ["4", "6", "12"]), ("reporting", notes)]
        case .assessment:
            return [("date", dayTexts)]
        case .link:
            return [("notes", notes), ("phases", ["primary", "lower-secondary primary", ""])]
        }
    }
}

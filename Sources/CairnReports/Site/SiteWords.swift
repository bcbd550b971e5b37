import CairnCore
import CairnWords

/// The words more than one published page says, looked up each time (the language may change
/// while the program runs).
enum SiteWords {
    static var allClusters: String { Words.say("All clusters", context: "site") }
    static var nothingOpen: String { Words.say("nothing open", context: "site") }
    static var healthHead: String { Words.say("Health (1 fragile, 4 solid)", context: "site") }

    /// "Within Northern Alliance": the link up to a grouping a page's cluster is in.
    static func within(_ name: String) -> String { Words.say("Within {name}", context: "site", ["name": name]) }

    /// "2.7, weakest: extra workload", or "not assessed".
    static func health(_ s: ClusterStanding) -> String {
        s.health.score.map {
            Words.say(
                "{score}, weakest: {weakest}", context: "site", ["score": String(format: "%.1f", $0), "weakest": s.health.weakestPoint])
        } ?? Words.say("not assessed", context: "site")
    }
}

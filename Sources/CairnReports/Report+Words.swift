import CairnCore
import CairnWords

/// The words that more than one report, the plan and the published pages share, looked up
/// each time they are said: the language may change while the program runs.
extension Report {
    static var leadWord: String { Words.say("lead", context: "report") }
    static var noneWord: String { Words.say("none", context: "report") }
    static var responsibilitiesHead: String { Words.say("Responsibilities", context: "report") }
    static var indicatorHead: String { Words.say("Indicator", context: "report") }
    static var baselineHead: String { Words.say("Baseline", context: "report") }
    static var priorityHead: String { Words.say("Priority", context: "report") }
    static var ownerHead: String { Words.say("Owner", context: "report") }
    static var doneOnHead: String { Words.say("Done on", context: "report") }
    static var changeHead: String { Words.say("Change", context: "report") }
    static var dateHead: String { Words.say("Date", context: "report") }
    static var conditionHead: String { Words.say("Condition or challenge", context: "report") }
    static var noGoalsYet: String { Words.say("No goals agreed yet.", context: "report") }
    static var noHealthCheckYet: String { Words.say("No health check yet.", context: "report") }
    static var actionsHeading: String { Words.say("Actions", context: "report") }
    static var healthHeading: String { Words.say("Health check", context: "report") }
    static var coverageHeading: String { Words.say("Cross-sector coverage", context: "report") }
    static var checkpointsHeading: String { Words.say("Checkpoints", context: "report") }

    /// An action table's columns.
    static var actionsHeader: [String] {
        [
            Words.say("Action", context: "column"), Words.say("Responsible", context: "column"),
            Words.say("Serves goal", context: "report"), Words.say("Status", context: "column"), Words.say("Due", context: "column"),
        ]
    }

    /// A condition of collaboration by its name, a challenge as what the cluster stands against.
    static func itemLabel(_ item: HealthItem) -> String {
        item.isChallenge ? Words.say("against {challenge}", context: "report", ["challenge": item.label]) : item.label
    }

    /// `Prevention`: the first letter upper case, the rest as the catalogue has it (a label of
    /// two words keeps its second word's case, which `capitalized` would change).
    static func firstUpper(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

import CairnCore
import CairnWords
import TermUI

/// The tabs of a cluster's screen, each with its list, its columns and the kind of record
/// `e` and `d` act on. Adding a tab is adding a case here.
public enum ClusterTab: Int, CaseIterable, Sendable {
    case members, checkpoints, goals, actions, health, coverage
    /// The member schools along the pupils' path, and where it breaks.
    case journey
    case gaps

    /// Its title in the session's language.
    var title: String {
        switch self {
        case .members: return Words.say("Members")
        case .checkpoints: return Words.say("Checkpoints")
        case .goals: return Words.say("Goals")
        case .actions: return Words.say("Actions")
        case .health: return Words.say("Health")
        case .coverage: return Words.say("Coverage")
        case .gaps: return Words.say("Gaps")
        case .journey: return Words.say("Journey")
        }
    }

    /// The name its CSV file takes, the same in every language.
    var fileName: String {
        switch self {
        case .members: return "members"
        case .checkpoints: return "checkpoints"
        case .goals: return "goals"
        case .actions: return "actions"
        case .health: return "health"
        case .coverage: return "coverage"
        case .gaps: return "gaps"
        case .journey: return "journey"
        }
    }

    /// Shorter titles for a tab bar that must keep its counts at 80 columns, then shortest.
    var shortTitle: String {
        switch self {
        case .checkpoints: return Words.say("Checks", context: "short tab")
        case .coverage: return Words.say("Cover", context: "short tab")
        case .journey: return Words.say("Path", context: "short tab")
        default: return title
        }
    }

    /// Short enough in every language that all eight, three with their counts, fit 64 columns.
    var shortestTitle: String {
        switch self {
        case .members: return Words.say("Mem", context: "abbreviation")
        case .checkpoints: return Words.say("Chk", context: "abbreviation")
        case .goals: return Words.say("Goal", context: "abbreviation")
        case .actions: return Words.say("Act", context: "abbreviation")
        case .health: return Words.say("Hlth", context: "abbreviation")
        case .coverage: return Words.say("Cov", context: "abbreviation")
        case .gaps: return Words.say("Gaps", context: "abbreviation")
        case .journey: return Words.say("Path", context: "abbreviation")
        }
    }

    var recordKind: RecordKind {
        switch self {
        case .members: return .membership
        case .checkpoints: return .checkpoint
        case .goals: return .goal
        case .actions: return .action
        case .health: return .assessment  // e and d act on the latest health check
        case .gaps, .coverage, .journey: return .cluster  // not records of their own; see `ClusterScreen.open`
        }
    }

    var columns: [Column] {
        switch self {
        case .members: return Rows.memberColumns
        case .checkpoints: return Rows.clusterCheckpointColumns
        case .goals: return Rows.goalColumns
        case .actions: return Rows.actionColumns
        case .health: return Rows.healthColumns
        case .coverage: return Rows.coverageColumns
        case .gaps: return Rows.gapColumns
        case .journey: return Rows.journeyColumns
        }
    }

    /// `W` writes the tab's list: not the health check's, whose rows mix one check's items
    /// with the earlier checks.
    var writesCSV: Bool { self != .health }

    var emptyMessage: String {
        switch self {
        case .members: return Words.say("No members yet. Press a to add a school or an agency.")
        case .checkpoints: return Words.say("No checkpoints yet. Press a to add one.")
        case .goals:
            return Words.say("No goals yet. Press a to agree one: few and realistic, each with an indicator, a target and a deadline.")
        case .actions: return Words.say("No actions yet. Press a to say which member does what towards which goal.")
        case .health: return Words.say("No health check yet. Press a to rate the five conditions and five challenges.")
        case .coverage: return ""
        case .gaps: return Words.say("No gaps: every part of the framework is in place.")
        case .journey:
            return Words.say("No member school says its phases yet. Press a to add a school; e on a school sets its phases.")
        }
    }

    func rows(_ world: World, cluster: String, today: Day) -> [ListRow] {
        switch self {
        case .members: return Rows.members(world, cluster: cluster, today: today)
        case .checkpoints: return Rows.checkpoints(world, today: today, in: cluster)
        case .goals: return Rows.goals(world, cluster: cluster, today: today)
        case .actions: return Rows.actions(world, cluster: cluster)
        case .health: return Rows.health(world.health(of: cluster, on: today), earlier: Array(world.assessments(of: cluster).dropFirst()))
        case .coverage: return Rows.coverage(world.coverage(of: cluster))
        case .gaps: return Rows.gaps(world, cluster: cluster, today: today)
        case .journey: return Rows.journey(world.learningJourney(of: cluster), in: world)
        }
    }
}

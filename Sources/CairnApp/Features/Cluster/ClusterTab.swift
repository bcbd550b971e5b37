import CairnCore
import TermUI

/// The tabs of a cluster's screen, each with its list, its columns and the kind of record
/// `e` and `d` act on. Adding a tab is adding a case here.
public enum ClusterTab: Int, CaseIterable, Sendable {
    case members, checkpoints, goals, actions, health, coverage
    /// The member schools along the pupils' path, and where it breaks.
    case journey
    case gaps

    var title: String {
        switch self {
        case .members: return "Members"
        case .checkpoints: return "Checkpoints"
        case .goals: return "Goals"
        case .actions: return "Actions"
        case .health: return "Health"
        case .coverage: return "Coverage"
        case .gaps: return "Gaps"
        case .journey: return "Journey"
        }
    }

    /// Shorter titles for a tab bar that must keep its counts at 80 columns, then shortest.
    var shortTitle: String {
        switch self {
        case .checkpoints: return "Checks"
        case .coverage: return "Cover"
        case .journey: return "Path"
        default: return title
        }
    }

    var shortestTitle: String {
        switch self {
        case .members: return "Mem"
        case .checkpoints: return "Chk"
        case .goals: return "Goal"
        case .actions: return "Act"
        case .health: return "Hlth"
        case .coverage: return "Cov"
        case .gaps: return "Gaps"
        case .journey: return "Path"
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
        case .members: return "No members yet. Press a to add a school or an agency."
        case .checkpoints: return "No checkpoints yet. Press a to add one."
        case .goals: return "No goals yet. Press a to agree one: few and realistic, each with an indicator, a target and a deadline."
        case .actions: return "No actions yet. Press a to say which member does what towards which goal."
        case .health: return "No health check yet. Press a to rate the five conditions and five challenges."
        case .coverage: return ""
        case .gaps: return "No gaps: every part of the framework is in place."
        case .journey: return "No member school says its phases yet. Press a to add a school; e on a school sets its phases."
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

import CairnCore
import CairnWords

/// What Home's Checkpoints tab shows: all, or only the open ones overdue, due by the end of this
/// week (Sunday), or due by the end of this month; optionally one region's clusters only.
public enum CheckpointFilter: String, CaseIterable, Sendable {
    case all, overdue
    case thisWeek = "due this week"
    case thisMonth = "due this month"

    func admits(_ c: Checkpoint, on today: Day) -> Bool {
        switch self {
        case .all: return true
        case .overdue: return c.isOverdue(on: today)
        case .thisWeek: return !c.isDone && c.due >= today && c.due <= today.endOfWeek
        case .thisMonth: return !c.isDone && c.due >= today && c.due <= today.endOfMonth
        }
    }

    /// What it shows, in the session's language.
    var label: String {
        switch self {
        case .all: return Words.say("all", context: "checkpoint filter")
        case .overdue: return Words.say("overdue", context: "checkpoint filter")
        case .thisWeek: return Words.say("due this week", context: "checkpoint filter")
        case .thisMonth: return Words.say("due this month", context: "checkpoint filter")
        }
    }

    var next: CheckpointFilter {
        let all = CheckpointFilter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

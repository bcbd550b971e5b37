import CairnWords

/// A closed list of words a screen, report or page shows: each case's `label` is its English
/// word looked up in the session's catalogue under the list's `labelContext` (`msgctxt "phase"`),
/// since one English word can need two translations (`local` as a level and as a grouping's
/// level, `school` as a level and as a kind of member). What is stored, exported and typed on
/// the command line is the case's stable key, never its label.
public protocol ShownWords: CaseIterable, Sendable where AllCases == [Self] {
    /// The catalogue context of the list's words: the list's name (`phase`, `sector`).
    static var labelContext: String { get }
    /// The word in the session's language.
    var label: String { get }
}

/// Every list of words Cairn shows, so that a test can require each case's entry in every
/// catalogue (a case added without its translations fails it).
public enum ShownVocabularies {
    public static let all: [any ShownWords.Type] = [
        Phase.self, Sector.self, Level.self, ClusterKind.self, Formality.self, MemberType.self, GroupingLevel.self,
        Priority.self, Direction.self, ActionClass.self, ActionStatus.self, LinkRelation.self, Lineage.self,
        HealthItem.self, Gap.Kind.self, CheckpointStatus.self, GoalProgress.Status.self, RollUp.HealthTrend.Movement.self,
    ]
}

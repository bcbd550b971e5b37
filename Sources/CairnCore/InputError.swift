import CairnWords

/// A problem with what a person typed, phrased so that they can put it right.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// True when the message already lists the values that would do (a vocabulary's words).
    public var listsWhatIsAccepted: Bool
    public init(_ message: String, listsWhatIsAccepted: Bool = false) {
        self.message = message
        self.listsWhatIsAccepted = listsWhatIsAccepted
    }
    public var description: String { message }
}

/// A problem tied to one field of a record, so a form can show it beside that field.
public struct FieldIssue: Equatable, Sendable, CustomStringConvertible {
    /// The field's key as used in forms and exports (`name`, `officialId`, `email`, `due`, ...).
    public var field: String
    public var message: String
    /// A lapse the gaps list shows (an action whose responsible member has left, a goal with no
    /// deadline): refused when a person types it, kept when records are carried in as they were.
    public var isGap: Bool

    public init(_ field: String, _ message: String, isGap: Bool = false) {
        self.field = field
        self.message = message
        self.isGap = isGap
    }
    public var description: String { message }
}

/// An operation the rule book will not carry out, with every reason found, in field order.
/// Nothing of it is written.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [FieldIssue]
    public init(_ issues: [FieldIssue]) { self.issues = issues }
    public init(_ field: String, _ message: String) { self.init([FieldIssue(field, message)]) }
    /// The first reason: what a status line or a CLI error says.
    public var message: String { issues.first?.message ?? Words.say("refused") }
    public var description: String { issues.map(\.message).joined(separator: "; ") }
}

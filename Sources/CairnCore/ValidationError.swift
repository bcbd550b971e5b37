/// A problem with what a person typed, phrased so that they can put it right.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A problem tied to one field of a record, so a form can show it beside that field.
public struct FieldIssue: Equatable, Sendable, CustomStringConvertible {
    /// The field's key as used in forms and exports (`name`, `officialId`, `email`, `due`, ...).
    public var field: String
    public var message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { message }
}

/// A record that failed validation: every issue found, in field order.
public struct RecordInvalid: Error, Sendable, CustomStringConvertible {
    public var issues: [FieldIssue]
    public init(_ issues: [FieldIssue]) { self.issues = issues }
    public var description: String { issues.map(\.message).joined(separator: "; ") }
}

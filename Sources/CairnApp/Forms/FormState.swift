import CairnCore
import TermUI

/// What a form makes, and where its result goes.
public enum FormPurpose: Sendable, Codable, Equatable {
    /// A cluster, school, agency or checkpoint, new (`id` nil) or edited. `joinCluster`: a school
    /// or agency made from the member picker, which then becomes a member of that cluster.
    case cluster(id: String?)
    case school(id: String?, joinCluster: String?)
    case agency(id: String?, joinCluster: String?)
    case checkpoint(id: String?, cluster: String)
    /// A member's role in a cluster: new (`membership` nil) for the school or agency `memberId`.
    case member(membership: String?, cluster: String, type: MemberType, memberId: String)
    case goal(id: String?, cluster: String)
    case action(id: String?, cluster: String)
    case measurement(goal: String)
    case agreement(id: String?, cluster: String)
    /// The meeting checkpoints an agreement's rhythm proposes, to accept or edit before they are made.
    case meetings(cluster: String)
    case assessment(id: String?, cluster: String)
}

/// An open form: its fields, which has the focus, and the errors of the last submit.
public struct FormState: Sendable, Codable, Equatable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    /// Errors by field key, shown beside their field.
    public var errors: [String: String] = [:]
    /// True once anything has been typed: Esc then asks before throwing it away.
    public var dirty = false

    public init(purpose: FormPurpose, title: String, fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }
    public func value(_ key: String) -> String { field(key)?.value ?? "" }
}

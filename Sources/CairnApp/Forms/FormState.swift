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
    /// A stored measurement corrected: its value, date or source.
    case correctMeasurement(id: String, goal: String)
    /// An open checkpoint ticked off: its evidence and the day it was done.
    case tick(checkpoint: String)
    /// The open checkpoints marked in a list, ticked off together: one evidence, one day, one commit.
    case tickAll(checkpoints: [String])
    case agreement(id: String?, cluster: String)
    /// The meeting checkpoints an agreement's rhythm proposes, to accept or edit before they are made.
    case meetings(cluster: String)
    case assessment(id: String?, cluster: String)
    /// A link between schools, new (`id` nil) or edited, opened on `school`'s screen: the form
    /// says what `school` is to `other`.
    case link(id: String?, school: String, other: String)

    /// The stored record the form edits, if it edits one.
    public var edited: (kind: RecordKind, id: String)? {
        switch self {
        case .cluster(let id?): return (.cluster, id)
        case .school(let id?, _): return (.school, id)
        case .agency(let id?, _): return (.agency, id)
        case .checkpoint(let id?, _): return (.checkpoint, id)
        case .member(let id?, _, _, _): return (.membership, id)
        case .goal(let id?, _): return (.goal, id)
        case .action(let id?, _): return (.action, id)
        case .agreement(let id?, _): return (.agreement, id)
        case .assessment(let id?, _): return (.assessment, id)
        case .link(let id?, _, _): return (.link, id)
        case .correctMeasurement(let id, _): return (.measurement, id)
        default: return nil
        }
    }
}

/// An open form: its fields, which has the focus, and the errors of the last submit.
public struct FormState: Sendable, Codable, Equatable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus = 0 {
        // A letter pressed on a choice after coming back to it goes to the first option again.
        didSet { if oldValue != focus, fields.indices.contains(oldValue) { fields[oldValue].letterRun = nil } }
    }
    /// Errors by field key, shown beside their field.
    public var errors: [String: String] = [:]
    /// True once anything has been typed: Esc then asks before throwing it away.
    public var dirty = false
    /// The edited record as the form opened it: saving writes only the fields typed over, each
    /// based on this value, so that what others changed meanwhile stands (kept in a draft too).
    public var basis: [String: JSONValue]?
    /// The ids of the records a save of this form creates, set just before the save is sent:
    /// a draft whose records are in the store was saved, and is not offered again.
    public var submitted: [String]?
    /// A warning the person saw and saved past with a second Enter (a value far outside the
    /// goal's range): the same warning does not stop the form again.
    public var confirmedWarning: String?

    public init(purpose: FormPurpose, title: String, fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

    /// Sets a field as if it had been typed or chosen (an example copied in): the form is
    /// changed, not saved.
    public mutating func prefill(_ key: String, _ value: String) {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
        switch fields[i].kind {
        case .text, .longText: fields[i].text = TextField(value)
        case .choice(let options): if let n = options.firstIndex(of: value) { fields[i].index = n }
        case .multi, .flag: return
        }
        dirty = true
    }

    /// True when every index the form holds points inside what it indexes: a draft written by
    /// another version, or damaged, is set aside rather than restored into a crash.
    public var isSound: Bool {
        guard !fields.isEmpty, fields.indices.contains(focus) else { return false }
        return fields.allSatisfy { f in
            switch f.kind {
            case .text, .longText, .flag: return true
            case .choice(let options), .multi(let options):
                return options.indices.contains(f.index) && (f.labels.isEmpty || f.labels.count == options.count)
            }
        }
    }

    /// The record the form edits, as it was when the form opened.
    public var basisRecord: Record? {
        guard let basis, let (kind, _) = purpose.edited else { return nil }
        return try? Record(kind: kind, fieldValues: basis)
    }
    public func value(_ key: String) -> String { field(key)?.value ?? "" }
}

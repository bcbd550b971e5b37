/// What a field is beside its key and its type: which part it plays in the record, and how
/// a person sets it.
public struct FieldTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The record's own id: never edited, first in every export.
    public static let identity = FieldTraits(rawValue: 1)
    /// An identifier someone else gives (a register's school code): an export names it right
    /// after the id.
    public static let code = FieldTraits(rawValue: 2)
    /// Names the record this one belongs to (a goal's cluster, a measurement's goal): never
    /// empty, and set when the record is made.
    public static let parent = FieldTraits(rawValue: 4)
    /// Set by its own door (a tick's author, a member's school), not by `cairn edit`.
    public static let fixed = FieldTraits(rawValue: 8)
    /// Written over several lines (notes, a purpose).
    public static let long = FieldTraits(rawValue: 16)
    /// Usually the same from one record to the next when a clerk enters a run of them (the
    /// schools of one municipality, the checkpoints of one cluster): a form saved with "save
    /// and next" opens the next one with it kept.
    public static let repeats = FieldTraits(rawValue: 32)
}

/// Goes through a record's fields one by one, each with its key (as the journal and the JSON
/// export name it), its type and its traits, and may read or set each: every codec (journal,
/// snapshot, exports, restore, `cairn edit`, forms) is one of these, written once per type of
/// value, not once per field.
///
/// A record is visited in one order, always the same: the id, then the fields in the order a
/// form asks for them.
public protocol FieldVisitor {
    mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits)
    /// Text that may be absent: an optional link, a register's code.
    mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits)
    mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits)
    mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits)
    mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits)
    mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits)
    mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits)
    mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits)
    mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits)
    mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits)
    /// Words of a vocabulary kept as a list (a school's phases).
    mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits)
    /// A health check's ratings, item by item.
    mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits)
    /// A health check's notes, item by item.
    mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits)
}

/// A kind of record that can be gone through field by field.
public protocol DescribedRecord: Sendable {
    /// The record of this kind with every field at what a record left empty holds: where a
    /// reader starts, and what a lenient one keeps for a field it does not find.
    static var blank: Self { get }
    mutating func visitFields(_ v: inout some FieldVisitor)
}

extension Record {
    /// Goes through the record's fields; a visitor that sets them changes the record.
    public mutating func visitFields(_ v: inout some FieldVisitor) {
        switch self {
        case .school(var r): Self.visit(&r, &v, &self, Record.school)
        case .agency(var r): Self.visit(&r, &v, &self, Record.agency)
        case .cluster(var r): Self.visit(&r, &v, &self, Record.cluster)
        case .membership(var r): Self.visit(&r, &v, &self, Record.membership)
        case .checkpoint(var r): Self.visit(&r, &v, &self, Record.checkpoint)
        case .goal(var r): Self.visit(&r, &v, &self, Record.goal)
        case .measurement(var r): Self.visit(&r, &v, &self, Record.measurement)
        case .action(var r): Self.visit(&r, &v, &self, Record.action)
        case .agreement(var r): Self.visit(&r, &v, &self, Record.agreement)
        case .assessment(var r): Self.visit(&r, &v, &self, Record.assessment)
        case .link(var r): Self.visit(&r, &v, &self, Record.link)
        }
    }

    private static func visit<R: DescribedRecord>(_ r: inout R, _ v: inout some FieldVisitor, _ record: inout Record, _ wrap: (R) -> Record)
    {
        // The record is emptied first so that the one being visited is not shared, and setting
        // a field does not copy it.
        record = .school(.blank)
        r.visitFields(&v)
        record = wrap(r)
    }

    /// Goes through the fields of a copy, for a visitor that only reads.
    public func readFields(_ v: inout some FieldVisitor) {
        var copy = self
        copy.visitFields(&v)
    }

    /// A record of `kind` with every field empty.
    public static func blank(_ kind: RecordKind) -> Record {
        switch kind {
        case .school: return .school(.blank)
        case .agency: return .agency(.blank)
        case .cluster: return .cluster(.blank)
        case .membership: return .membership(.blank)
        case .checkpoint: return .checkpoint(.blank)
        case .goal: return .goal(.blank)
        case .measurement: return .measurement(.blank)
        case .action: return .action(.blank)
        case .agreement: return .agreement(.blank)
        case .assessment: return .assessment(.blank)
        case .link: return .link(.blank)
        }
    }
}

/// A field with no traits beyond its type.
extension FieldVisitor {
    public mutating func text(_ key: String, _ value: inout String) { text(key, &value, []) }
    public mutating func optionalText(_ key: String, _ value: inout String?) { optionalText(key, &value, []) }
    public mutating func day(_ key: String, _ value: inout Day?) { day(key, &value, []) }
    public mutating func requiredDay(_ key: String, _ value: inout Day) { requiredDay(key, &value, []) }
    public mutating func number(_ key: String, _ value: inout Double?) { number(key, &value, []) }
    public mutating func word<W: Vocabulary>(_ key: String, _ value: inout W) { word(key, &value, []) }
}

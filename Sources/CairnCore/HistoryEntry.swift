/// One change in a record's history as a person reads it: when, who, from which machine and
/// source, and each field's value before and after (`cairn log`, `h` on a record).
public struct HistoryEntry: Sendable, Equatable {
    public enum Op: String, Sendable, Codable { case create, edit, delete }

    public struct FieldChange: Sendable, Equatable {
        public var name: String
        public var old: JSONValue
        public var new: JSONValue
        public init(name: String, old: JSONValue, new: JSONValue) {
            self.name = name
            self.old = old
            self.new = new
        }
    }

    public var at: String
    public var by: String
    public var host: String
    /// "typed", "undo", "import of nz.csv"…
    public var source: String
    public var record: String
    public var kind: RecordKind
    public var op: Op
    public var fields: [FieldChange]
    /// The journal event, for "show it whole".
    public var event: String

    public init(
        at: String, by: String, host: String, source: String, record: String, kind: RecordKind, op: Op, fields: [FieldChange],
        event: String
    ) {
        self.at = at
        self.by = by
        self.host = host
        self.source = source
        self.record = record
        self.kind = kind
        self.op = op
        self.fields = fields
        self.event = event
    }
}

extension JSONValue {
    /// Null, "", [] or {}: what a form shows as nothing.
    public var isEmptyValue: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        default: return false
        }
    }
}

extension World {
    /// The record a change was made to, as a sentence names it, even once deleted (its
    /// tombstone keeps it); `markDeleted` says so after the name.
    public func name(of e: HistoryEntry, markDeleted: Bool = false) -> String {
        if let r = record(e.kind, id: e.record) { return describe(r) }
        if let grave = tombstone(of: e.record) { return describe(grave.record) + (markDeleted ? " (deleted)" : "") }
        return e.kind.rawValue + (markDeleted ? " " + e.record : "")
    }
}

/// Each record's name as the log prints it, looked up once for the many changes of one
/// record (a school's history is thousands of lines), and never held for more than a few
/// thousand records at once: a whole store's log names a million.
public final class RecordNames {
    private let world: World
    private var known: [String: String] = [:]
    static let most = 4096

    public init(world: World) { self.world = world }

    public func name(of e: HistoryEntry) -> String {
        let key = e.kind.rawValue + "\u{0}" + e.record
        if let name = known[key] { return name }
        if known.count >= Self.most { known.removeAll(keepingCapacity: true) }
        let name = world.name(of: e)
        known[key] = name
        return name
    }
}

import CairnCore
import Foundation

/// One change in a record's history as a person reads it: when, who, from which machine and
/// source, and each field's value before and after (`cairn log`, `h` on a record).
public struct HistoryEntry: Sendable, Equatable {
    public enum Op: String, Sendable, Codable { case create, edit, delete }

    public struct FieldChange: Sendable, Equatable {
        public var name: String
        public var old: JSONValue
        public var new: JSONValue
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
}

extension Store {
    /// The changes of one record, or of the whole store, newest first: each with the fields it
    /// changed, old → new. A create lists the fields it set; a delete, what the record held.
    ///
    /// - Parameters:
    ///   - record: one record's id, or nil for every record.
    ///   - since: only changes at or after this time (`2026-12-01`, or a full stamp).
    ///   - by: only changes by this account.
    public func log(record: String? = nil, since: String? = nil, by: String? = nil) throws(StoreError) -> [HistoryEntry] {
        var events: [Event] = []
        for file in try journalFiles() {
            var read = try JournalReader.read(file, from: 0, firstLine: 1).events
            if let record { read = read.filter { $0.change.recordID == record } }
            events += read
        }
        events = Event.ordered(events)
        // What each record held, for a delete's "before" and a whole-record replace (written
        // before field-level edits): only records with such changes are followed, so a log of
        // a national store does not hold a second copy of it.
        let followed = Set(events.filter { $0.base != nil || ($0.isDelete && $0.seen == nil) }.map(\.change.recordID))
        var held: [String: [String: JSONValue]] = [:]
        var out: [HistoryEntry] = []
        for event in events {
            let id = event.change.recordID
            let before = held[id]
            var fields: [HistoryEntry.FieldChange] = []
            let op: HistoryEntry.Op
            switch event.change {
            case .put(let r):
                let values = r.fieldValues
                if event.base != nil, let before {
                    op = .edit
                    fields = Self.differences(before, values)
                } else {
                    op = .create
                    fields = Self.differences([:], values)
                }
                if followed.contains(id) { held[id] = values }
            case .edit(let e):
                op = .edit
                fields = e.fields.map { HistoryEntry.FieldChange(name: $0.name, old: $0.old, new: $0.new) }
                if followed.contains(id), var values = before {
                    for f in e.fields { values[f.name] = f.new }
                    held[id] = values
                }
            case .delete:
                op = .delete
                fields = Self.differences(event.seen ?? before ?? [:], [:])
                held[id] = nil
            }
            guard by == nil || event.by == by, since.map({ event.at >= $0 }) ?? true else { continue }
            out.append(
                HistoryEntry(
                    at: event.at, by: event.by, host: event.host, source: event.source ?? "typed", record: id, kind: event.change.kind,
                    op: op, fields: fields, event: event.id))
        }
        return out.reversed()
    }

    /// The fields whose values differ, by name; `id` and empty values on both sides left out.
    static func differences(_ old: [String: JSONValue], _ new: [String: JSONValue]) -> [HistoryEntry.FieldChange] {
        Set(old.keys).union(new.keys).subtracting(["id"]).sorted().compactMap { name in
            let a = old[name] ?? .null
            let b = new[name] ?? .null
            guard a != b, !(a.isEmptyValue && b.isEmptyValue) else { return nil }
            return HistoryEntry.FieldChange(name: name, old: a, new: b)
        }
    }
}

extension Event {
    var isDelete: Bool {
        if case .delete = change { return true }
        return false
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

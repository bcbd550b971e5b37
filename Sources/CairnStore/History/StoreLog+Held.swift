import CairnCore
import Foundation

extension Store {
    /// The log as it was first written: every event read and held, sorted, then the newest
    /// taken. For journals whose own events are out of order, which cannot be merged as they
    /// are read; and the reference the merged reading is tested against.
    func logHeld(record: String? = nil, since: String? = nil, by: String? = nil, notBy: String? = nil, limit: Int? = nil)
        throws(StoreError)
        -> (entries: [HistoryEntry], matching: Int)
    {
        var events: [Event] = []
        for file in try journalFiles() {
            if let record {
                events += try JournalReader.events(in: file, naming: "\"\(record)\"").filter { $0.change.recordID == record }
            } else if let since {
                // Every record since a time: each journal is read back from its end only that far
                // (Home's L, `cairn log --since`). A whole-record replace from before field edits
                // then reads as what it set, its earlier state being older than `since`.
                events += JournalTail.events(in: file, since: since)
            } else {
                events += try JournalReader.read(file, from: 0, firstLine: 1).events
            }
        }
        events = Event.ordered(events)
        // What a record held before a delete (one from before deletes said what they saw) or
        // a whole-record replace (written before field-level edits): only records with such
        // changes are followed, so a national store's log holds no second copy of it.
        let followed = Set(events.filter { $0.base != nil || ($0.isDelete && $0.seen == nil) }.map(\.change.recordID))
        let heldBefore = Self.heldBefore(events.filter { followed.contains($0.change.recordID) })
        let matching = events.filter { event in
            by.map { event.by == $0 } ?? true && notBy.map { event.by != $0 } ?? true && since.map { event.at >= $0 } ?? true
        }
        let shown = limit.map { matching.suffix($0) } ?? matching[...]
        let entries = shown.reversed().map { event in entry(event, before: heldBefore[event.id]) }
        return (entries, matching.count)
    }

    /// One event as the trail shows it.
    func entry(_ event: Event, before: [String: JSONValue]?) -> HistoryEntry {
        var fields: [HistoryEntry.FieldChange] = []
        let op: HistoryEntry.Op
        switch event.change {
        case .put(let r):
            if event.base != nil, let before {
                op = .edit
                fields = Self.differences(before, r.fieldValues)
            } else {
                op = .create
                fields = Self.differences([:], r.fieldValues)
            }
        case .edit(let e):
            op = .edit
            fields = e.fields.map { HistoryEntry.FieldChange(name: $0.name, old: $0.old, new: $0.new) }
        case .delete:
            op = .delete
            fields = Self.differences(event.seen ?? before ?? [:], [:])
        }
        return HistoryEntry(
            at: event.at, by: event.by, host: event.host, source: event.source ?? "typed", record: event.change.recordID,
            kind: event.change.kind, op: op, fields: fields, event: event.id)
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

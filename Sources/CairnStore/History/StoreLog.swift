import CairnCore
import Foundation

extension Store {
    /// The changes of one record, or of the whole store, newest first: each with the fields it
    /// changed, old → new. A create lists the fields it set; a delete, what the record held.
    ///
    /// - Parameters:
    ///   - record: one record's id, or nil for every record.
    ///   - since: only changes at or after this time (`2026-12-01`, or a full stamp).
    ///   - by: only changes by this account.
    ///   - limit: at most this many, the newest (the others are not worked out at all).
    ///   - notBy: only changes by others than this account.
    public func log(record: String? = nil, since: String? = nil, by: String? = nil, notBy: String? = nil, limit: Int? = nil)
        throws(StoreError)
        -> (entries: [HistoryEntry], matching: Int)
    {
        var entries: [HistoryEntry] = []
        let counted = try log(record: record, since: since, by: by, notBy: notBy, limit: limit) { entries.append($0) }
        return (entries, counted.matching)
    }

    /// The same changes as `log(record:since:by:notBy:limit:)`, each given to `shown` as soon
    /// as it is worked out, newest first: the log holds a batch of each journal at a time, not
    /// the trail. Returns how many were shown and how many match.
    ///
    /// Each journal is read twice: once forward or back to count what matches and to check
    /// that its events stand in the clock's order, then back from its end, the journals merged
    /// by that order (ties to the file later by name, then the later line, as the whole sort
    /// orders them). A journal out of order is read the whole way instead.
    public func log(
        record: String? = nil, since: String? = nil, by: String? = nil, notBy: String? = nil, limit: Int? = nil,
        shown: (HistoryEntry) -> Void
    ) throws(StoreError) -> (shown: Int, matching: Int) {
        try log(record: record, since: since, by: by, notBy: notBy, limit: limit, readBytes: LogJournal.sliceBytes, shown: shown)
    }

    /// - Parameter readBytes: bytes of a journal read at a time (small in tests, so that a few
    ///   lines make many slices).
    func log(
        record: String?, since: String?, by: String?, notBy: String?, limit: Int?, readBytes: Int,
        shown: (HistoryEntry) -> Void
    ) throws(StoreError) -> (shown: Int, matching: Int) {
        let scope: LogScope = record.map { .record($0) } ?? since.map { .since($0) } ?? .all
        let matches = { (e: Event) in
            by.map { e.by == $0 } ?? true && notBy.map { e.by != $0 } ?? true && since.map { e.at >= $0 } ?? true
        }
        let files = try journalFiles()
        let names = journalNames
        var journals = zip(names, files).map { name, url in LogJournal(url, scope: scope, readBytes: readBytes, seen: journalStats[name]) }
        if case .record = scope {
            let indexes = JournalIndex.folder(directory).path
            for k in journals.indices { journals[k].takeIndex(store: directory, index: JournalIndex.file(named: names[k], in: indexes)) }
        }
        var matching = 0
        // What a record held before a delete (one from before deletes said what they saw) or
        // a whole-record replace (written before field-level edits): only records with such
        // changes are followed, so a national store's log holds no second copy of it.
        var followed: Set<String> = []
        for k in journals.indices {
            try journals[k].survey { event in
                if matches(event) { matching += 1 }
                if event.base != nil || (event.isDelete && event.seen == nil) { followed.insert(event.change.recordID) }
            }
        }
        guard journals.allSatisfy(\.inOrder) else {
            let held = try logHeld(record: record, since: since, by: by, notBy: notBy, limit: limit)
            held.entries.forEach(shown)
            return (held.entries.count, held.matching)
        }
        let before = followed.isEmpty ? [:] : try heldBefore(followed, in: journals)
        var merge = try LogMerge(journals)
        var count = 0
        while limit.map({ count < $0 }) ?? true, let event = try merge.newest() {
            guard matches(event) else { continue }
            shown(entry(event, before: before[event.id]))
            count += 1
        }
        return (count, matching)
    }

    /// What each followed record held before each of its events, by event id: its events
    /// alone, read again and folded in order.
    private func heldBefore(_ followed: Set<String>, in journals: [LogJournal]) throws(StoreError) -> [String: [String: JSONValue]] {
        var events: [Event] = []
        for journal in journals {
            var reading = try LogReading(journal)
            var own: [Event] = []
            while let batch = try reading.olderBatch() { own += batch.filter { followed.contains($0.change.recordID) } }
            events += own.reversed()
        }
        return Self.heldBefore(Event.ordered(events))
    }

    /// What each record held before each of `events` (in the store's order), by event id.
    static func heldBefore(_ events: [Event]) -> [String: [String: JSONValue]] {
        var held: [String: [String: JSONValue]] = [:]
        var before: [String: [String: JSONValue]] = [:]
        for event in events {
            let id = event.change.recordID
            if let values = held[id] { before[event.id] = values }
            switch event.change {
            case .put(let r): held[id] = r.fieldValues
            case .edit(let e):
                if var values = held[id] {
                    for f in e.fields { values[f.name] = f.new }
                    held[id] = values
                }
            case .delete: held[id] = nil
            }
        }
        return before
    }
}

/// Surveyed journals merged newest first. A journal is opened only when its newest event is
/// the next to give, so one copy's sealed segments, which follow one another in time, are read
/// one at a time.
struct LogMerge {
    private var readings: [LogReading?]
    private var batches: [[Event]]
    private var next: [Int]
    /// Each journal's next event's order: before it is opened, its newest; nil when done.
    private var heads: [EventOrder?]

    init(_ journals: [LogJournal]) throws(StoreError) {
        readings = Array(repeating: nil, count: journals.count)
        batches = Array(repeating: [], count: journals.count)
        next = Array(repeating: 0, count: journals.count)
        heads = journals.map(\.newest)
        self.journals = journals
    }

    private let journals: [LogJournal]

    /// The next event back in the store's order, nil after the oldest.
    mutating func newest() throws(StoreError) -> Event? {
        var best: Int?
        for k in heads.indices {
            guard let head = heads[k] else { continue }
            // On a tie the file later by name: the whole sort puts it after.
            if best == nil || !(head < heads[best!]!) { best = k }
        }
        guard let k = best else { return nil }
        if readings[k] == nil { readings[k] = try LogReading(journals[k]) }
        while next[k] == batches[k].count {
            guard let batch = try readings[k]!.olderBatch() else {
                heads[k] = nil
                return try newest()
            }
            batches[k] = batch
            next[k] = 0
        }
        let event = batches[k][next[k]]
        next[k] += 1
        if next[k] == batches[k].count {
            batches[k] = []
            next[k] = 0
            heads[k] = try peek(k)
        } else {
            heads[k] = EventOrder(batches[k][next[k]])
        }
        return event
    }

    /// The order of journal `k`'s next event, reading its next batch back; nil at its start.
    private mutating func peek(_ k: Int) throws(StoreError) -> EventOrder? {
        while next[k] == batches[k].count {
            guard let batch = try readings[k]!.olderBatch() else {
                readings[k] = nil
                return nil
            }
            batches[k] = batch
            next[k] = 0
        }
        return EventOrder(batches[k][next[k]])
    }

}

import CairnCore
import Foundation

/// One line of a journal: one change to one record, with who made it, where, and when.
///
/// `at` and `clock` are a hybrid logical clock: the wall time in milliseconds, and a counter
/// that orders events of the same millisecond. A session never stamps a change earlier than
/// anything it has read, so a change made after another was seen is ordered after it even
/// when the two machines' clocks disagree; ties fall to the file, then the line, which every
/// machine that has the same files sees alike.
public struct Event: Sendable, Equatable {
    public static func == (a: Event, b: Event) -> Bool {
        a.id == b.id && a.at == b.at && a.clock == b.clock && a.by == b.by && a.host == b.host && a.base == b.base
            && a.source == b.source && a.change == b.change && a.commit == b.commit && a.seen == b.seen
    }

    public var id: String
    /// UTC time with milliseconds, `2026-11-22T12:30:00.123Z`; sorts as text.
    public var at: String {
        didSet { order = Event.orderKey(at) }
    }
    /// The hybrid clock's counter within `at`'s millisecond: 0 unless another event already
    /// held that millisecond when this one was made.
    public var clock: Int
    /// `at` as one integer (its digits), so that ordering 160,000 events compares integers.
    private(set) var order: Int64
    public var by: String
    public var host: String
    /// Written by versions before field-level edits: the event that last changed the record.
    /// A put with a base replaced a stored record whole; without one it created it.
    public var base: String?
    /// Where the change came from when not typed by a person: "import of nz-schools.csv".
    public var source: String?
    public var change: Change
    /// Set on each line of a commit of several changes, so that a commit cut short is seen and
    /// never folded in part.
    public var commit: CommitMark?
    /// On a delete: the record's fields as the person deleting it last saw them. An edit that
    /// reached the record first but was not among them (made on another machine before a sync)
    /// is listed as a conflict, so a delete never silently swallows someone's work.
    public var seen: [String: JSONValue]?

    public init(
        id: String, at: String, clock: Int = 0, by: String, host: String, base: String? = nil, source: String? = nil,
        change: Change, commit: CommitMark? = nil, seen: [String: JSONValue]? = nil
    ) {
        self.seen = seen
        self.source = source
        self.id = id
        self.at = at
        self.clock = clock
        self.order = Event.orderKey(at)
        self.by = by
        self.host = host
        self.base = base
        self.change = change
        self.commit = commit
    }

    /// Whether this event's time can be read: one that cannot is damage, never ordered first.
    var hasReadableTime: Bool { order != 0 }

    /// True when `a` happened strictly before `b` by the hybrid clock.
    static func precedes(_ a: Event, _ b: Event) -> Bool { a.order < b.order || (a.order == b.order && a.clock < b.clock) }

    /// The digits of a time in the fixed `YYYY-MM-DDTHH:MM:SS.mmmZ` form read as one number,
    /// which orders as the times do; 0 for anything else (an unreadable time: damage).
    private static let timeShape = Array("0000-00-00T00:00:00.000Z".utf8)

    static func orderKey(_ at: String) -> Int64 {
        let shape = timeShape
        var key: Int64 = 0
        var k = 0
        for b in at.utf8 {
            guard k < shape.count else { return 0 }
            if shape[k] == 0x30 {
                guard b >= 48 && b <= 57 else { return 0 }
                key = key &* 10 &+ Int64(b - 48)
            } else if b != shape[k] {
                return 0
            }
            k += 1
        }
        guard k == shape.count else { return 0 }
        // YYYYMMDDHHMMSSmmm: a month, day, hour, minute or second no clock shows is damage.
        let month = key / 100_000_000_000 % 100
        let day = key / 1_000_000_000 % 100
        let hour = key / 10_000_000 % 100
        let minute = key / 100_000 % 100
        let second = key / 1_000 % 100
        let year = key / 10_000_000_000_000
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days: Int64 = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
        guard (1...12).contains(month), (1...days).contains(day), hour < 24, minute < 60, second < 61 else { return 0 }
        return key
    }

    /// Events in the order they are folded: by time, and where times are equal, as they stand in
    /// `events` (file by file, line by line), so a commit's changes keep their own order.
    ///
    /// - Complexity: O(n) when already in order (one host's file), else O(n log n).
    static func ordered(_ events: [Event]) -> [Event] {
        var sorted = true
        var i = 1
        while i < events.count {
            if precedes(events[i], events[i - 1]) {
                sorted = false
                break
            }
            i += 1
        }
        if sorted { return events }
        let indices = events.indices.sorted { i, j in
            let a = events[i]
            let b = events[j]
            if a.order != b.order { return a.order < b.order }
            return a.clock == b.clock ? i < j : a.clock < b.clock
        }
        return indices.map { events[$0] }
    }

    /// Now, as an event time.
    static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        let millis = Int((date.timeIntervalSince1970 - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    /// The moment a stamp names, or nil for one that cannot be read.
    static func date(_ at: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: at)
    }

    static func makeID() -> String {
        "ev-" + String(UInt64.random(in: 0..<(1 << 60)), radix: 36)
    }

    /// The millisecond `at` names (for the hybrid clock).
    var milliseconds: Int64 { order }
}

/// An event's place in the hybrid clock's order, kept without the event.
struct EventOrder: Comparable, Sendable {
    var key: Int64
    var clock: Int

    init(key: Int64, clock: Int) {
        self.key = key
        self.clock = clock
    }

    init(_ event: Event) { self.init(key: event.order, clock: event.clock) }

    static func < (a: EventOrder, b: EventOrder) -> Bool { (a.key, a.clock) < (b.key, b.clock) }
}

/// Which part of a commit of several changes a line is: `part` of `of`, all lines of one
/// commit written together. `line` and `offset` say where the line was read, for messages.
public struct CommitMark: Sendable, Equatable {
    public var id: String
    public var part: Int
    public var of: Int
    var line = 0
    var offset = 0

    public init(id: String, part: Int, of: Int) {
        self.id = id
        self.part = part
        self.of = of
    }

    public static func == (a: CommitMark, b: CommitMark) -> Bool { a.id == b.id && a.part == b.part && a.of == b.of }
}

extension Event: Codable {
    enum Key: String, CodingKey {
        case id, at, clock, by, host, base, source, op, type, recordId, record, fields, commit, part, of, seen
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        id = try c.decode(String.self, forKey: .id)
        let at = try c.decode(String.self, forKey: .at)
        self.at = at
        order = Event.orderKey(at)
        clock = try c.decodeIfPresent(Int.self, forKey: .clock) ?? 0
        by = try c.decode(String.self, forKey: .by)
        host = try c.decode(String.self, forKey: .host)
        base = try c.decodeIfPresent(String.self, forKey: .base)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        if let commitID = try c.decodeIfPresent(String.self, forKey: .commit) {
            commit = CommitMark(id: commitID, part: try c.decode(Int.self, forKey: .part), of: try c.decode(Int.self, forKey: .of))
        } else {
            commit = nil
        }
        let type = try c.decode(RecordKind.self, forKey: .type)
        switch try c.decode(String.self, forKey: .op) {
        case "put":
            change = .put(try Record(kind: type, from: try c.superDecoder(forKey: .record)))
            if let named = try c.decodeIfPresent(String.self, forKey: .recordId), named != change.recordID {
                throw DecodingError.dataCorruptedError(forKey: .recordId, in: c, debugDescription: "names another record than it holds")
            }
        case "edit":
            let fields = try c.decode([String: FieldChange].self, forKey: .fields)
            change = .edit(
                Edit(
                    kind: type, id: try c.decode(String.self, forKey: .recordId),
                    fields: fields.keys.sorted().map { fields[$0]!.edit($0) }))
        case "delete":
            change = .delete(type, id: try c.decode(String.self, forKey: .recordId))
            seen = try c.decodeIfPresent([String: JSONValue].self, forKey: .seen)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .op, in: c, debugDescription: "unknown op \(other)")
        }
    }

    /// One field of an edit as the journal writes it: `{"new": …, "old": …}`.
    struct FieldChange: Codable {
        var old: JSONValue?
        var new: JSONValue?
        var resolves: Bool?

        func edit(_ name: String) -> FieldEdit {
            FieldEdit(name, old: old ?? .null, new: new ?? .null, resolves: resolves ?? false)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        if clock != 0 { try c.encode(clock, forKey: .clock) }
        try c.encode(by, forKey: .by)
        try c.encode(host, forKey: .host)
        try c.encodeIfPresent(base, forKey: .base)
        try c.encodeIfPresent(source, forKey: .source)
        if let commit {
            try c.encode(commit.id, forKey: .commit)
            try c.encode(commit.part, forKey: .part)
            try c.encode(commit.of, forKey: .of)
        }
        try c.encode(change.kind, forKey: .type)
        try c.encode(change.recordID, forKey: .recordId)
        switch change {
        case .delete:
            try c.encode("delete", forKey: .op)
            try c.encodeIfPresent(seen, forKey: .seen)
        case .edit(let edit):
            try c.encode("edit", forKey: .op)
            var fields: [String: FieldChange] = [:]
            for f in edit.fields { fields[f.name] = FieldChange(old: f.old, new: f.new, resolves: f.resolves ? true : nil) }
            try c.encode(fields, forKey: .fields)
        case .put(let record):
            try c.encode("put", forKey: .op)
            try record.encodeFields(to: c.superEncoder(forKey: .record))
        }
    }
}

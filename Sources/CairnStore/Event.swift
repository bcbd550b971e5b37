import CairnCore
import Foundation

/// One line of a journal: one change to one record, with who made it, where, when, and
/// the event that last changed the record before (`base`), so the journal is an audit trail.
public struct Event: Sendable, Equatable {
    public static func == (a: Event, b: Event) -> Bool {
        a.id == b.id && a.at == b.at && a.by == b.by && a.host == b.host && a.base == b.base && a.source == b.source && a.change == b.change
    }

    public var id: String
    /// UTC time with milliseconds, `2026-11-22T12:30:00.123Z`; sorts as text.
    public var at: String {
        didSet { order = Event.orderKey(at) }
    }
    /// `at` as one integer (its digits), so that ordering 160,000 events compares integers.
    private(set) var order: Int64
    public var by: String
    public var host: String
    public var base: String?
    /// Where the change came from when not typed by a person: "import of nz-schools.csv".
    public var source: String?
    public var change: Change

    public init(id: String, at: String, by: String, host: String, base: String?, source: String? = nil, change: Change) {
        self.source = source
        self.id = id
        self.at = at
        self.order = Event.orderKey(at)
        self.by = by
        self.host = host
        self.base = base
        self.change = change
    }

    /// True when `a` happened strictly before `b`.
    static func precedes(_ a: Event, _ b: Event) -> Bool { a.order < b.order }

    /// The digits of a time in the fixed `YYYY-MM-DDTHH:MM:SS.mmmZ` form read as one number,
    /// which orders as the times do. Anything else orders first, by nothing but its place.
    static func orderKey(_ at: String) -> Int64 {
        var key: Int64 = 0
        var digits = 0
        for b in at.utf8 where b >= 48 && b <= 57 {
            key = key &* 10 &+ Int64(b - 48)
            digits += 1
        }
        return digits == 17 ? key : 0
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
            let a = events[i].order
            let b = events[j].order
            return a == b ? i < j : a < b
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

    static func makeID() -> String {
        "ev-" + String(UInt64.random(in: 0..<(1 << 60)), radix: 36)
    }
}

extension Event: Codable {
    enum Key: String, CodingKey { case id, at, by, host, base, source, op, type, recordId, record }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        id = try c.decode(String.self, forKey: .id)
        let at = try c.decode(String.self, forKey: .at)
        self.at = at
        order = Event.orderKey(at)
        by = try c.decode(String.self, forKey: .by)
        host = try c.decode(String.self, forKey: .host)
        base = try c.decodeIfPresent(String.self, forKey: .base)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        let type = try c.decode(RecordKind.self, forKey: .type)
        switch try c.decode(String.self, forKey: .op) {
        case "put":
            switch type {
            case .school: change = .put(.school(try c.decode(School.self, forKey: .record)))
            case .agency: change = .put(.agency(try c.decode(Agency.self, forKey: .record)))
            case .cluster: change = .put(.cluster(try c.decode(Cluster.self, forKey: .record)))
            case .membership: change = .put(.membership(try c.decode(Membership.self, forKey: .record)))
            case .checkpoint: change = .put(.checkpoint(try c.decode(Checkpoint.self, forKey: .record)))
            case .goal: change = .put(.goal(try c.decode(Goal.self, forKey: .record)))
            case .measurement: change = .put(.measurement(try c.decode(Measurement.self, forKey: .record)))
            case .action: change = .put(.action(try c.decode(Action.self, forKey: .record)))
            case .agreement: change = .put(.agreement(try c.decode(Agreement.self, forKey: .record)))
            case .assessment: change = .put(.assessment(try c.decode(Assessment.self, forKey: .record)))
            }
        case "delete":
            change = .delete(type, id: try c.decode(String.self, forKey: .recordId))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .op, in: c, debugDescription: "unknown op \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encode(host, forKey: .host)
        try c.encodeIfPresent(base, forKey: .base)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encode(change.kind, forKey: .type)
        try c.encode(change.recordID, forKey: .recordId)
        switch change {
        case .delete:
            try c.encode("delete", forKey: .op)
        case .put(let record):
            try c.encode("put", forKey: .op)
            switch record {
            case .school(let r): try c.encode(r, forKey: .record)
            case .agency(let r): try c.encode(r, forKey: .record)
            case .cluster(let r): try c.encode(r, forKey: .record)
            case .membership(let r): try c.encode(r, forKey: .record)
            case .checkpoint(let r): try c.encode(r, forKey: .record)
            case .goal(let r): try c.encode(r, forKey: .record)
            case .measurement(let r): try c.encode(r, forKey: .record)
            case .action(let r): try c.encode(r, forKey: .record)
            case .agreement(let r): try c.encode(r, forKey: .record)
            case .assessment(let r): try c.encode(r, forKey: .record)
            }
        }
    }
}

import CairnCore

/// Reads one journal line into an `Event` with `JSONScanner`, much faster than `JSONDecoder`
/// (see README, figures). Returns nil for a line it cannot read; the caller then asks
/// `JSONDecoder`, which also phrases the error for a damaged line.
enum EventParser {
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        var s = JSONScanner(line)
        var id: String?
        var at: String?
        var by: String?
        var host: String?
        var base: String?
        var source: String?
        var op: String?
        var type: RecordKind?
        var recordID: String?
        var fields = JournalRecord()
        var sawRecord = false
        var clock = 0
        var commitID: String?
        var part: Int?
        var of: Int?
        var edited: [FieldEdit]?
        var seen: [String: JSONValue]?
        do {
            try s.object { s, key throws(JSONScanner.Failure) in
                if key.equals("id") {
                    id = try s.string()
                } else if key.equals("at") {
                    at = try s.string()
                } else if key.equals("by") {
                    by = try s.string()
                } else if key.equals("host") {
                    host = try s.string()
                } else if key.equals("base") {
                    base = try s.optionalString()
                } else if key.equals("source") {
                    source = try s.optionalString()
                } else if key.equals("op") {
                    op = try s.string()
                } else if key.equals("type") {
                    type = VocabularyBytes.match(try s.rawString(), in: VocabularyBytes.recordKinds)
                } else if key.equals("recordId") {
                    recordID = try s.string()
                } else if key.equals("record") {
                    sawRecord = true
                    try fields.read(&s)
                } else if key.equals("clock") {
                    clock = try s.count()
                } else if key.equals("commit") {
                    commitID = try s.string()
                } else if key.equals("part") {
                    part = try s.count()
                } else if key.equals("of") {
                    of = try s.count()
                } else if key.equals("fields") {
                    edited = try readFields(&s)
                } else if key.equals("seen") {
                    var values: [String: JSONValue] = [:]
                    try s.object { s, name throws(JSONScanner.Failure) in values[String(decoding: name, as: UTF8.self)] = try s.value() }
                    seen = values
                } else {
                    try s.skipValue()
                }
            }
            guard s.atEnd else { return nil }
        } catch {
            return nil
        }
        guard let id, let at, let by, let host, let op, let type else { return nil }
        let change: Change
        switch op {
        case "delete":
            guard let recordID else { return nil }
            change = .delete(type, id: recordID)
        case "edit":
            guard let recordID, let edited else { return nil }
            change = .edit(Edit(kind: type, id: recordID, fields: edited.sorted { $0.name < $1.name }))
        case "put":
            guard sawRecord else { return nil }
            guard let record = fields.record(of: type) else { return nil }
            change = .put(record)
        default:
            return nil
        }
        // A line that names one record and carries another is not a change anyone made.
        if case .put(let record) = change, let recordID, recordID != record.id { return nil }
        var mark: CommitMark?
        if let commitID {
            guard let part, let of, part >= 1, part <= of else { return nil }
            mark = CommitMark(id: commitID, part: part, of: of)
        } else if part != nil || of != nil {
            return nil
        }
        return Event(
            id: id, at: at, clock: clock, by: by, host: host, base: base, source: source, change: change, commit: mark,
            seen: op == "delete" ? seen : nil)
    }

    /// An edit's `{"municipality": {"new": …, "old": …}, …}`.
    private static func readFields(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> [FieldEdit] {
        var out: [FieldEdit] = []
        try s.object { s, key throws(JSONScanner.Failure) in
            let name = String(decoding: key, as: UTF8.self)
            var old: JSONValue = .null
            var new: JSONValue = .null
            var resolves = false
            try s.object { s, part throws(JSONScanner.Failure) in
                if part.equals("old") {
                    old = try s.value()
                } else if part.equals("new") {
                    new = try s.value()
                } else if part.equals("resolves") {
                    resolves = try s.bool()
                } else {
                    try s.skipValue()
                }
            }
            out.append(FieldEdit(name, old: old, new: new, resolves: resolves))
        }
        return out
    }
}

/// Vocabulary words matched on their bytes: `init(rawValue:)` goes through a string switch
/// that costs more than the rest of reading a field.
enum VocabularyBytes {
    static let recordKinds = table(RecordKind.self)

    static func table<T: RawRepresentable & CaseIterable>(_: T.Type) -> [([UInt8], T)] where T.RawValue == String {
        T.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    static func match<T>(_ bytes: UnsafeBufferPointer<UInt8>, in table: [([UInt8], T)]) -> T? {
        for (word, value) in table where word.count == bytes.count && bytes.elementsEqual(word) { return value }
        return nil
    }
}

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
        var fields = RecordFields()
        var sawRecord = false
        var recordBytes: Range<Int>?
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
                    type = Words.match(try s.rawString(), in: Words.recordKinds)
                } else if key.equals("recordId") {
                    recordID = try s.string()
                } else if key.equals("record") {
                    sawRecord = true
                    s.skipSpace()
                    let start = s.i
                    try fields.read(&s)
                    recordBytes = start..<s.i
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
            if let record = fields.record(of: type) {
                change = .put(record)
            } else if RecordFields.fewKinds.contains(type), let range = recordBytes,
                let record = fewRecord(type, UnsafeBufferPointer(rebasing: line[range]))
            {
                change = .put(record)
            } else {
                return nil
            }
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

    /// A goal, measurement, action, agreement or health check: its fields read again as values
    /// and made a record as the snapshot makes them (`Record(kind:fieldValues:)`). They are few,
    /// but `JSONDecoder` costs so much more a line that sending every one of them to it weighed
    /// on the start of a store of the examples.
    private static func fewRecord(_ kind: RecordKind, _ bytes: UnsafeBufferPointer<UInt8>) -> Record? {
        var s = JSONScanner(bytes)
        guard case .object(let values)? = try? s.value(), s.atEnd else { return nil }
        return try? Record(kind: kind, fieldValues: values)
    }

    /// An edit's `{"phone": {"new": …, "old": …}, …}`.
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

/// Every field any kind of record has, read in one pass; `record(of:)` then builds the kind
/// the event names (its `type` comes after `record` in sorted keys, so it is not known yet).
struct RecordFields {
    var strings: [String?] = Array(repeating: nil, count: Key.allCases.count)
    var phases: [Phase]?
    var lead: Bool?
    /// A field known by name held something other than text (a health check's `notes` are an
    /// object): not one of the kinds read here.
    var odd = false

    /// The kinds whose records are read as values (`EventParser.fewRecord`).
    static let fewKinds: Set<RecordKind> = [.goal, .measurement, .action, .agreement, .assessment]

    enum Key: Int, CaseIterable {
        case id, name, officialId, municipality, contactPerson, email, phone, notes, sector, level, kind, formality
        case region, purpose, leadershipModel, startedOn, fundingSource, fundingEndsOn, cluster, memberType, memberId
        case role, responsibilities, title, due, concerns, doneOn, doneBy, evidence, goal, agreement
    }

    static let names: [(StaticString, Key)] = [
        ("id", .id), ("name", .name), ("officialId", .officialId), ("municipality", .municipality),
        ("contactPerson", .contactPerson), ("email", .email), ("phone", .phone), ("notes", .notes), ("sector", .sector),
        ("level", .level), ("kind", .kind), ("formality", .formality), ("region", .region), ("purpose", .purpose),
        ("leadershipModel", .leadershipModel), ("startedOn", .startedOn), ("fundingSource", .fundingSource),
        ("fundingEndsOn", .fundingEndsOn), ("cluster", .cluster), ("memberType", .memberType), ("memberId", .memberId),
        ("role", .role), ("responsibilities", .responsibilities), ("title", .title), ("due", .due), ("concerns", .concerns),
        ("doneOn", .doneOn), ("doneBy", .doneBy), ("evidence", .evidence), ("goal", .goal), ("agreement", .agreement),
    ]

    /// The field a key names: the few names of each length are compared byte by byte.
    static func field(named key: UnsafeBufferPointer<UInt8>) -> Key? {
        guard key.count < byLength.count else { return nil }
        for (name, field) in byLength[key.count] where key.elementsEqual(name) { return field }
        return nil
    }

    private static let byLength: [[([UInt8], Key)]] = {
        var table = [[([UInt8], Key)]](repeating: [], count: 20)
        for (name, key) in names {
            let bytes = Array(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            table[bytes.count].append((bytes, key))
        }
        return table
    }()

    mutating func read(_ s: inout JSONScanner) throws(JSONScanner.Failure) {
        try s.object { s, key throws(JSONScanner.Failure) in
            if key.equals("phases") {
                var list: [Phase] = []
                try s.expect(UInt8(ascii: "["))
                if !s.take(UInt8(ascii: "]")) {
                    repeat {
                        guard let p = Words.match(try s.rawString(), in: Words.phases) else { throw JSONScanner.Failure() }
                        list.append(p)
                    } while s.take(UInt8(ascii: ","))
                    try s.expect(UInt8(ascii: "]"))
                }
                phases = list
            } else if key.equals("lead") {
                lead = try s.bool()
            } else if let field = RecordFields.field(named: key) {
                s.skipSpace()
                if s.i < s.bytes.count, s.bytes[s.i] == UInt8(ascii: "\"") || s.bytes[s.i] == UInt8(ascii: "n") {
                    strings[field.rawValue] = try s.optionalString()
                } else {
                    try s.skipValue()
                    odd = true
                }
            } else {
                try s.skipValue()
            }
        }
    }

    subscript(_ key: Key) -> String? { strings[key.rawValue] }
    func text(_ key: Key) -> String? { strings[key.rawValue] }
    func day(_ key: Key) -> Day?? {
        guard let text = self[key] else { return .some(nil) }
        return Day(iso: text).map { .some($0) } ?? nil
    }

    /// The record, or nil when a required field is missing or a word is not known.
    func record(of type: RecordKind) -> Record? {
        guard let id = self[.id], !odd else { return nil }
        switch type {
        case .school:
            guard let name = self[.name], let phases, let m = self[.municipality], let cp = self[.contactPerson],
                let email = self[.email], let phone = self[.phone], let notes = self[.notes]
            else { return nil }
            return .school(
                School(
                    id: id, officialId: self[.officialId], name: name, phases: phases, municipality: m, contactPerson: cp, email: email,
                    phone: phone, notes: notes))
        case .agency:
            guard let name = self[.name], let sector = self[.sector].flatMap({ Words.match($0, in: Words.sectors) }),
                let level = self[.level].flatMap({ Words.match($0, in: Words.levels) }), let cp = self[.contactPerson],
                let email = self[.email],
                let phone = self[.phone], let notes = self[.notes]
            else { return nil }
            return .agency(
                Agency(id: id, name: name, sector: sector, level: level, contactPerson: cp, email: email, phone: phone, notes: notes))
        case .cluster:
            guard let name = self[.name], let kind = self[.kind].flatMap({ Words.match($0, in: Words.clusterKinds) }),
                let region = self[.region],
                let purpose = self[.purpose], let leadership = self[.leadershipModel], let funding = self[.fundingSource],
                let notes = self[.notes], let started = day(.startedOn), let ends = day(.fundingEndsOn)
            else { return nil }
            var formality: Formality?
            if let word = self[.formality] {
                guard let f = Formality(rawValue: word) else { return nil }
                formality = f
            }
            return .cluster(
                Cluster(
                    id: id, officialId: self[.officialId], name: name, kind: kind, formality: formality, region: region, purpose: purpose,
                    leadershipModel: leadership, startedOn: started, fundingSource: funding, fundingEndsOn: ends, notes: notes))
        case .membership:
            guard let cluster = self[.cluster], let type = self[.memberType].flatMap({ Words.match($0, in: Words.memberTypes) }),
                let memberID = self[.memberId], let role = self[.role], let resp = self[.responsibilities], let lead
            else { return nil }
            return .membership(
                Membership(id: id, cluster: cluster, memberType: type, memberId: memberID, role: role, responsibilities: resp, lead: lead))
        case .checkpoint:
            guard let cluster = self[.cluster], let title = self[.title], let due = self[.due].flatMap(Day.init(iso:)),
                let doneOn = day(.doneOn)
            else { return nil }
            return .checkpoint(
                Checkpoint(
                    id: id, cluster: cluster, title: title, due: due, concerns: self[.concerns], doneOn: doneOn, doneBy: self[.doneBy],
                    evidence: self[.evidence], goal: self[.goal], agreement: self[.agreement]))
        case .goal, .measurement, .action, .agreement, .assessment:
            return nil  // read as values: EventParser.fewRecord
        }
    }
}

/// Vocabulary words matched on their bytes: `init(rawValue:)` goes through a string switch
/// that costs more than the rest of reading a field.
enum Words {
    static let recordKinds = table(RecordKind.self)
    static let phases = table(Phase.self)
    static let sectors = table(Sector.self)
    static let levels = table(Level.self)
    static let clusterKinds = table(ClusterKind.self)
    static let memberTypes = table(MemberType.self)

    static func table<T: RawRepresentable & CaseIterable>(_: T.Type) -> [([UInt8], T)] where T.RawValue == String {
        T.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    static func match<T>(_ bytes: UnsafeBufferPointer<UInt8>, in table: [([UInt8], T)]) -> T? {
        for (word, value) in table where word.count == bytes.count && bytes.elementsEqual(word) { return value }
        return nil
    }

    static func match<T>(_ text: String, in table: [([UInt8], T)]) -> T? {
        var text = text
        return text.withUTF8 { match($0, in: table) }
    }
}

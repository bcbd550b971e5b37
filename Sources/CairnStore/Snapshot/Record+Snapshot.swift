import CairnCore

/// Records as a snapshot holds them: each kind's fields in the order its description goes
/// through them, every type of value written one way (text as its length and bytes, a day as
/// its ordinal, a word as its place in its vocabulary).
enum RecordSnapshot {
    static let kinds = RecordKind.allCases
    /// The kinds the per-cluster index groups, written group by group.
    static let grouped: Set<RecordKind> = [.membership, .checkpoint, .goal, .measurement, .action, .agreement, .assessment]

    static func write(_ record: Record, to w: inout SnapshotWriter) {
        w.word(record.kind, in: kinds)
        var fields = FieldsWritten()
        swap(&fields.out, &w)
        record.readFields(&fields)
        swap(&fields.out, &w)
    }

    static func read(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Record {
        let kind = try r.word(in: kinds)
        return try byFields(kind, &r)
    }

    /// A record of one kind, read straight into its own type, so that a table of 100,000 is
    /// filled without wrapping each record in a `Record` and taking it out again.
    static func one<R: DescribedRecord>(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> R {
        var fields = FieldsRead(r: r)
        var record = R.blank
        record.visitFields(&fields)
        if let damage = fields.damage { throw damage }
        r = fields.r
        return record
    }

    static func school(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> School { try one(&r) }
    static func agency(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Agency { try one(&r) }
    static func cluster(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Cluster { try one(&r) }
    static func membership(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Membership { try one(&r) }
    static func checkpoint(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Checkpoint { try one(&r) }

    /// A record of `kind`, as a `Record`.
    static func byFields(_ kind: RecordKind, _ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> Record {
        var fields = FieldsRead(r: r)
        var record = Record.blank(kind)
        record.visitFields(&fields)
        if let damage = fields.damage { throw damage }
        r = fields.r
        return record
    }

    private struct FieldsWritten: FieldVisitor {
        var out = SnapshotWriter()
        mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits) { out.text(value) }
        mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits) { out.optionalText(value) }
        mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits) { out.optionalDay(value) }
        mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits) { out.day(value) }
        mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits) {
            out.bool(value != nil)
            if let value { out.unsigned(value.bitPattern) }
        }
        mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits) { out.unsigned(value.bitPattern) }
        mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits) { out.number(value) }
        mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits) { out.bool(value) }
        mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits) { out.word(value, in: W.allCases) }
        mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits) {
            out.bool(value != nil)
            if let value { out.word(value, in: W.allCases) }
        }
        mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) {
            let all = W.allCases
            out.number(value.count)
            for w in value { out.word(w, in: all) }
        }
        mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) {
            out.number(value.count)
            for (item, rating) in value.sorted(by: { $0.key < $1.key }) {
                out.text(item)
                out.number(rating)
            }
        }
        mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits) {
            out.number(value.count)
            for (item, note) in value.sorted(by: { $0.key < $1.key }) {
                out.text(item)
                out.text(note)
            }
        }
    }

    /// Reads each field in turn; the first damage stops it and is kept.
    private struct FieldsRead: FieldVisitor {
        var r: SnapshotReader
        var damage: SnapshotReader.Damaged?

        private mutating func read<V>(_ value: inout V, _ body: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> V) {
            guard damage == nil else { return }
            do { value = try body(&r) } catch { damage = error }
        }

        mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.text() }
        }
        mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.optionalText() }
        }
        mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.optionalDay() }
        }
        mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.day() }
        }
        mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.bool() ? Double(bitPattern: try r.unsigned()) : nil }
        }
        mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in Double(bitPattern: try r.unsigned()) }
        }
        mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.number() }
        }
        mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.bool() }
        }
        mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.word(in: W.allCases) }
        }
        mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in try r.bool() ? try r.word(in: W.allCases) : nil }
        }
        mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in
                let all = W.allCases
                var list: [W] = []
                for _ in 0..<(try r.count()) { list.append(try r.word(in: all)) }
                return list
            }
        }
        mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in
                var map: [String: Int] = [:]
                for _ in 0..<(try r.count()) { map[try r.text()] = try r.number() }
                return map
            }
        }
        mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits) {
            read(&value) { r throws(SnapshotReader.Damaged) in
                var map: [String: String] = [:]
                for _ in 0..<(try r.count()) { map[try r.text()] = try r.text() }
                return map
            }
        }
    }
}

/// A field's value in a snapshot: a tag byte, then what the tag needs.
enum JSONValueSnapshot {
    /// Deeper than any record's fields go; a damaged snapshot cannot recurse past it.
    static let depthLimit = 32

    static func write(_ value: JSONValue, to w: inout SnapshotWriter) {
        switch value {
        case .null: w.byte(0)
        case .bool(let b): w.byte(b ? 2 : 1)
        case .number(let n):
            w.byte(3)
            w.unsigned(n.bitPattern)
        case .string(let s):
            w.byte(4)
            w.text(s)
        case .array(let items):
            w.byte(5)
            w.number(items.count)
            for item in items { write(item, to: &w) }
        case .object(let fields):
            w.byte(6)
            w.number(fields.count)
            for (key, item) in fields {
                w.text(key)
                write(item, to: &w)
            }
        }
    }

    static func read(_ r: inout SnapshotReader, depth: Int = 0) throws(SnapshotReader.Damaged) -> JSONValue {
        guard depth < depthLimit else { throw SnapshotReader.Damaged(at: r.offset) }
        switch try r.byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .number(Double(bitPattern: try r.unsigned()))
        case 4: return .string(try r.text())
        case 5:
            var items: [JSONValue] = []
            for _ in 0..<(try r.count()) { items.append(try read(&r, depth: depth + 1)) }
            return .array(items)
        case 6:
            var fields: [String: JSONValue] = [:]
            for _ in 0..<(try r.count()) {
                let key = try r.text()
                fields[key] = try read(&r, depth: depth + 1)
            }
            return .object(fields)
        default:
            throw SnapshotReader.Damaged(at: r.offset - 1)
        }
    }
}

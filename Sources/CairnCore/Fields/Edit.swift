import CairnWords

/// A change to some fields of a stored record, each with the value it was based on: what a form
/// save, a tick or `cairn edit` writes. Folded onto the record as it stands then, it changes only
/// these fields, so a stale form cannot put back what it did not touch; a field whose value is
/// no longer `old` was changed meanwhile by someone this edit did not see (a conflict).
public struct Edit: Hashable, Sendable {
    public var kind: RecordKind
    public var id: String
    public var fields: [FieldEdit]

    public init(kind: RecordKind, id: String, fields: [FieldEdit]) {
        self.kind = kind
        self.id = id
        self.fields = fields
    }

    /// The edit that puts these fields back.
    public var reversed: Edit {
        Edit(kind: kind, id: id, fields: fields.map { FieldEdit($0.name, old: $0.new, new: $0.old) })
    }

    /// The field edits of `before` becoming `after`, by the record's JSON keys, in key order.
    public static func between(_ before: Record, _ after: Record) -> Edit {
        let old = before.fieldValues
        let new = after.fieldValues
        let names = Set(old.keys).union(new.keys).sorted()
        var fields: [FieldEdit] = []
        for name in names where name != "id" {
            let o = old[name] ?? .null
            let n = new[name] ?? .null
            if o != n { fields.append(FieldEdit(name, old: o, new: n)) }
        }
        return Edit(kind: after.kind, id: after.id, fields: fields)
    }
}

/// One field of an edit: its JSON key, what it was, and what it becomes. `resolves`: the person
/// chose this value knowing of a conflict on the field, which it ends.
public struct FieldEdit: Hashable, Sendable {
    public var name: String
    public var old: JSONValue
    public var new: JSONValue
    public var resolves: Bool

    public init(_ name: String, old: JSONValue, new: JSONValue, resolves: Bool = false) {
        self.name = name
        self.old = old
        self.new = new
        self.resolves = resolves
    }
}

extension Record {
    /// The record's JSON object as `Codable` encodes it: what the description is held to.
    var encodedFieldValues: [String: JSONValue] {
        let value: JSONValue
        do {
            switch self {
            case .school(let r): value = try ValueCoder.encode(r)
            case .agency(let r): value = try ValueCoder.encode(r)
            case .cluster(let r): value = try ValueCoder.encode(r)
            case .membership(let r): value = try ValueCoder.encode(r)
            case .checkpoint(let r): value = try ValueCoder.encode(r)
            case .goal(let r): value = try ValueCoder.encode(r)
            case .measurement(let r): value = try ValueCoder.encode(r)
            case .action(let r): value = try ValueCoder.encode(r)
            case .agreement(let r): value = try ValueCoder.encode(r)
            case .assessment(let r): value = try ValueCoder.encode(r)
            case .link(let r): value = try ValueCoder.encode(r)
            }
        } catch {
            preconditionFailure("a record always encodes: \(error)")
        }
        guard case .object(let fields) = value else { preconditionFailure("a record encodes as an object") }
        return fields
    }

    /// A record of `kind` from its JSON object as `Codable` decodes it: what the description is
    /// held to.
    static func decoded(kind: RecordKind, fieldValues: [String: JSONValue]) throws(InputError) -> Record {
        let value = JSONValue.object(fieldValues.filter { !$0.value.isNull })
        do {
            switch kind {
            case .school: return .school(try ValueCoder.decode(School.self, from: value))
            case .agency: return .agency(try ValueCoder.decode(Agency.self, from: value))
            case .cluster: return .cluster(try ValueCoder.decode(Cluster.self, from: value))
            case .membership: return .membership(try ValueCoder.decode(Membership.self, from: value))
            case .checkpoint: return .checkpoint(try ValueCoder.decode(Checkpoint.self, from: value))
            case .goal: return .goal(try ValueCoder.decode(Goal.self, from: value))
            case .measurement: return .measurement(try ValueCoder.decode(Measurement.self, from: value))
            case .action: return .action(try ValueCoder.decode(Action.self, from: value))
            case .agreement: return .agreement(try ValueCoder.decode(Agreement.self, from: value))
            case .assessment: return .assessment(try ValueCoder.decode(Assessment.self, from: value))
            case .link: return .link(try ValueCoder.decode(Link.self, from: value))
            }
        } catch let error as DecodingError {
            throw InputError(Record.describe(error))
        } catch {
            throw InputError("\(error)")
        }
    }

    /// The record with `edit`'s fields set to their new values, or why they do not fit it.
    public func applying(_ fields: [FieldEdit]) throws(InputError) -> Record {
        try Record.applying(fields, to: fieldValues, kind: kind)
    }

    /// A record of `kind` from `values` (a record's fields) with `fields` set to their new values.
    public static func applying(_ fields: [FieldEdit], to values: [String: JSONValue], kind: RecordKind) throws(InputError) -> Record {
        var values = values
        for f in fields {
            guard f.name != "id" else { throw InputError(Words.say("an edit cannot change a record's id")) }
            values[f.name] = f.new.isNull ? nil : f.new
        }
        return try Record(kind: kind, fieldValues: values)
    }

    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "field `\(key.stringValue)` is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "field `\(path)`: \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

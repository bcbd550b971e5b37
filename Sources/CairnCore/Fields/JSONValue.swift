/// One value of a record's field as the journal holds it: what an edit says a field was and
/// became. Records turn into objects of these by their `Codable` keys (see `RecordValues`), so a
/// field is named in an edit exactly as in the record's JSON.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value as a person reads it in a list of conflicts or a history: text bare, lists
    /// joined by commas, nothing as “(nothing)”.
    public var display: String {
        switch self {
        case .null: return "(nothing)"
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return World.number(n)
        case .string(let s): return s.isEmpty ? "(nothing)" : s
        case .array(let items): return items.isEmpty ? "(nothing)" : items.map(\.display).joined(separator: ", ")
        case .object(let fields):
            return fields.isEmpty ? "(nothing)" : fields.keys.sorted().map { "\($0): \(fields[$0]!.display)" }.joined(separator: "; ")
        }
    }

    /// An absent field and a null one are the same to a record: an optional left out.
    public var isNull: Bool { self == .null }
}

extension JSONValue: Codable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var fields: [String: JSONValue] = [:]
            for key in keyed.allKeys { fields[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(fields)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? single.decode(Double.self) {
            self = .number(n)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer()
            try c.encode(n)
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let fields):
            var c = encoder.container(keyedBy: Key.self)
            for (name, value) in fields { try c.encode(value, forKey: Key(stringValue: name)) }
        }
    }
}

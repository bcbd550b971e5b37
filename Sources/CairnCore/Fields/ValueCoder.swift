/// Turns a `Codable` value into a `JSONValue` tree and back without going through bytes: how a
/// record is split into fields for an edit and put together again when the edit is folded.
/// It follows `JSONEncoder`'s shapes (an optional left out when nil, a key per property), so the
/// field names of an edit are the keys of the record's JSON.
enum ValueCoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: []))
        return slot.resolved
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: TreeDecoder(value: value, codingPath: []))
    }
}

/// A node being written: a plain value, or an object or array whose children are still open.
private final class Slot {
    var value: JSONValue = .null
    var object: [String: Slot]?
    var array: [Slot]?

    var resolved: JSONValue {
        if let object { return .object(object.mapValues(\.resolved)) }
        if let array { return .array(array.map(\.resolved)) }
        return value
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.object == nil { slot.object = [:] }
        return KeyedEncodingContainer(KeyedSlot<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if slot.array == nil { slot.array = [] }
        return ListSlot(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleSlot(slot: slot, codingPath: codingPath) }
}

/// A primitive as a value, or nil when it needs an encoder of its own.
private func primitive(_ value: Any) -> JSONValue? {
    switch value {
    case let v as String: return .string(v)
    case let v as Bool: return .bool(v)
    case let v as Double: return .number(v)
    case let v as Int: return .number(Double(v))
    case let v as Float: return .number(Double(v))
    default: return nil
    }
}

private func encodeChild<T: Encodable>(_ value: T, path: [CodingKey]) throws -> Slot {
    let child = Slot()
    if let p = primitive(value) {
        child.value = p
    } else {
        try value.encode(to: TreeEncoder(slot: child, codingPath: path))
    }
    return child
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [CodingKey]

    private func set(_ key: Key, _ child: Slot) { slot.object![key.stringValue] = child }

    mutating func encodeNil(forKey key: Key) throws {
        let child = Slot()
        set(key, child)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try encodeChild(value, path: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = Slot()
        child.object = [:]
        set(key, child)
        return KeyedEncodingContainer(KeyedSlot<NestedKey>(slot: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = Slot()
        child.array = []
        set(key, child)
        return ListSlot(slot: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { TreeEncoder(slot: slot, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        let child = Slot()
        set(key, child)
        return TreeEncoder(slot: child, codingPath: codingPath + [key])
    }
}

private struct ListSlot: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [CodingKey]
    var count: Int { slot.array!.count }

    mutating func encodeNil() throws { slot.array!.append(Slot()) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.array!.append(try encodeChild(value, path: codingPath + [AnyKey(intValue: count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Slot()
        child.object = [:]
        slot.array!.append(child)
        return KeyedEncodingContainer(KeyedSlot<NestedKey>(slot: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = Slot()
        child.array = []
        slot.array!.append(child)
        return ListSlot(slot: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder {
        let child = Slot()
        slot.array!.append(child)
        return TreeEncoder(slot: child, codingPath: codingPath)
    }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { slot.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let p = primitive(value) {
            slot.value = p
        } else {
            try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
        }
    }
}

private struct TreeDecoder: Decoder {
    let value: JSONValue
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch("an object", value, codingPath) }
        return KeyedDecodingContainer(KeyedReader<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch("a list", value, codingPath) }
        return ListReader(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleReader(value: value, codingPath: codingPath) }
}

private func mismatch(_ expected: String, _ value: JSONValue, _ path: [CodingKey]) -> DecodingError {
    .typeMismatch(
        Any.self,
        DecodingError.Context(
            codingPath: path, debugDescription: "expected \(expected), found \(value.display)"))
}

/// A primitive read from a value, or nil when `T` is not a primitive.
private func readPrimitive<T>(_ type: T.Type, _ value: JSONValue, _ path: [CodingKey]) throws -> T? {
    switch type {
    case is String.Type:
        guard case .string(let s) = value else { throw mismatch("text", value, path) }
        return (s as! T)
    case is Bool.Type:
        guard case .bool(let b) = value else { throw mismatch("true or false", value, path) }
        return (b as! T)
    case is Double.Type:
        guard case .number(let n) = value else { throw mismatch("a number", value, path) }
        return (n as! T)
    case is Float.Type:
        guard case .number(let n) = value else { throw mismatch("a number", value, path) }
        return (Float(n) as! T)
    case is Int.Type:
        guard case .number(let n) = value, let i = Int(exactly: n) else { throw mismatch("a whole number", value, path) }
        return (i as! T)
    default:
        return nil
    }
}

private func decodeChild<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [CodingKey]) throws -> T {
    if let p = try readPrimitive(type, value, path) { return p }
    return try T(from: TreeDecoder(value: value, codingPath: path))
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: JSONValue]
    var codingPath: [CodingKey]
    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONValue {
        guard let v = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "missing"))
        }
        return v
    }

    func decodeNil(forKey key: Key) throws -> Bool { (fields[key.stringValue] ?? .null) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeChild(type, try value(key), codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { TreeDecoder(value: .object(fields), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { TreeDecoder(value: try value(key), codingPath: codingPath + [key]) }
}

private struct ListReader: UnkeyedDecodingContainer {
    let items: [JSONValue]
    var codingPath: [CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONValue], codingPath: [CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    private mutating func next() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the list ended"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = codingPath + [AnyKey(intValue: currentIndex)]
        return try decodeChild(type, try next(), path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: try next(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try TreeDecoder(value: try next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { TreeDecoder(value: try next(), codingPath: codingPath) }
}

private struct SingleReader: SingleValueDecodingContainer {
    let value: JSONValue
    var codingPath: [CodingKey]

    func decodeNil() -> Bool { value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeChild(type, value, codingPath) }
}

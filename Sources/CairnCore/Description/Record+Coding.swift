/// A record written and read as its JSON object through its kind's description, each field
/// with its own type's `Codable` form and an optional left out when empty: a journal line's
/// `record`.
extension Record {
    public func encodeFields(to encoder: Encoder) throws {
        var fields = EncodingFields(container: encoder.container(keyedBy: FieldKey.self))
        readFields(&fields)
        if let error = fields.error { throw error }
    }

    /// A record of `kind` from its JSON object; a field missing or of the wrong type is a
    /// `DecodingError` that names it.
    public init(kind: RecordKind, from decoder: Decoder) throws {
        var fields = DecodingFields(container: try decoder.container(keyedBy: FieldKey.self))
        var record = Record.blank(kind)
        record.visitFields(&fields)
        if let error = fields.error { throw error }
        self = record
    }
}

struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct EncodingFields: UniformFieldVisitor {
    var container: KeyedEncodingContainer<FieldKey>
    var error: Error?
    mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
        guard error == nil, !value.isAbsent else { return }
        do { try container.encode(value, forKey: FieldKey(stringValue: key)) } catch { self.error = error }
    }
}

private struct DecodingFields: UniformFieldVisitor {
    let container: KeyedDecodingContainer<FieldKey>
    var error: Error?
    mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
        guard error == nil else { return }
        let k = FieldKey(stringValue: key)
        do {
            if !container.contains(k), let absent = V(fieldJSON: .null) {
                value = absent
            } else {
                value = try container.decode(V.self, forKey: k)
            }
        } catch {
            self.error = error
        }
    }
}

import CairnWords

/// A record as its JSON object, field name to value, and back: what an edit, a conflict and
/// history compare, read and made through the kind's description.
extension Record {
    /// The record's fields by key, an optional left empty left out.
    public var fieldValues: [String: JSONValue] {
        var collect = FieldValues()
        readFields(&collect)
        return collect.values
    }

    /// A record of `kind` from its JSON object, or why it cannot be one: a required field
    /// missing, or a value its field does not take. Keys no field has are passed over.
    public init(kind: RecordKind, fieldValues: [String: JSONValue]) throws(InputError) {
        var record = Record.blank(kind)
        var read = FromFieldValues(values: fieldValues)
        record.visitFields(&read)
        if let error = read.error { throw error }
        self = record
    }
}

private struct FieldValues: UniformFieldVisitor {
    var values: [String: JSONValue] = [:]
    mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
        let json = value.fieldJSON
        if !json.isNull { values[key] = json }
    }
}

private struct FromFieldValues: UniformFieldVisitor {
    let values: [String: JSONValue]
    var error: InputError?
    mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
        guard error == nil else { return }
        let json = values[key] ?? .null
        if let v = V(fieldJSON: json) {
            value = v
        } else if json.isNull {
            error = InputError("field `\(key)` is missing")
        } else {
            error = InputError(
                Words.say("field `{field}`: {value} is not {accepts}", ["field": key, "value": json.display, "accepts": V.accepts]))
        }
    }
}

/// A visitor that treats every type of value alike, through `FieldType`: the doors that
/// go by JSON values or text (edits, history, restore, forms) rather than bytes.
public protocol UniformFieldVisitor: FieldVisitor {
    mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits)
}

extension UniformFieldVisitor {
    public mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits) {
        field(key, &value, traits)
    }
    public mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) { field(key, &value, traits) }
    public mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits) { field(key, &value, traits) }
}

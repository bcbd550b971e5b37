import CairnCore
import CairnWords

/// Reads one record of an export back through its kind's description, noting with its path
/// each field that is not what the export writes there. A field left out keeps what a record
/// left empty holds, but for an id, the record it belongs to, and a required day or number.
struct RestoredFields: FieldVisitor {
    let object: [String: JSONValue]
    let path: String
    var issues: [String] = []
    /// Fields the export writes under another key (a member's `membership` for its id).
    var renamed: [String: String] = [:]
    /// Fields not in the object, set by where it sits (an agreement's cluster).
    var given: [String: String] = [:]

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string: return Words.say("text", context: "a JSON value")
        case .bool: return Words.say("true or false", context: "a JSON value")
        case .number: return Words.say("a number", context: "a JSON value")
        case .array: return Words.say("a list", context: "a JSON value")
        case .object: return Words.say("an object", context: "a JSON value")
        case .null: return Words.say("nothing", context: "a JSON value")
        }
    }

    private mutating func read<V: FieldType>(
        _ key: String, _ value: inout V, required: Bool = false, _ why: (String, JSONValue) -> String
    ) {
        let p = "\(path).\(key)"
        let json = given[key].map(JSONValue.string) ?? object[renamed[key] ?? key] ?? .null
        if json.isNull || json == .string(""), required {
            return issues.append(Words.say("{path} is missing", context: "store", ["path": p]))
        }
        if json.isNull { return }
        if let v = V(fieldJSON: json) { value = v } else { issues.append(why(p, json)) }
    }

    private static func notText(_ p: String, _ json: JSONValue) -> String {
        Words.say("{path} must be text, not {found}", context: "store", ["path": p, "found": describe(json)])
    }

    mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits) {
        read(key, &value, required: !traits.isDisjoint(with: [.identity, .parent]), Self.notText)
    }
    mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits) { read(key, &value, Self.notText) }
    mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits) { read(key, &value, Self.notDay) }
    mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits) { read(key, &value, required: true, Self.notDay) }

    private static func notDay(_ p: String, _ json: JSONValue) -> String {
        guard case .string(let s) = json else { return notText(p, json) }
        return Words.say("{path}: “{value}” is not a date (YYYY-MM-DD)", context: "store", ["path": p, "value": s])
    }

    private static func notNumber(_ p: String, _ json: JSONValue) -> String {
        if case .number(let n) = json {
            return Words.say("{path} must be a whole number, not {found}", context: "store", ["path": p, "found": World.number(n)])
        }
        return Words.say("{path} must be a number, not {found}", context: "store", ["path": p, "found": describe(json)])
    }
    mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits) { read(key, &value, Self.notNumber) }
    mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits) {
        read(key, &value, required: true, Self.notNumber)
    }
    mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits) { read(key, &value, Self.notNumber) }
    mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits) {
        read(key, &value) {
            Words.say("{path} must be true or false, not {found}", context: "store", ["path": $0, "found": Self.describe($1)])
        }
    }

    private static func notWord<W: Vocabulary>(_: W.Type) -> (String, JSONValue) -> String {
        { p, json in
            guard case .string(let s) = json else { return notText(p, json) }
            return Words.say("{path}: “{value}” is not one of {words}", context: "store", ["path": p, "value": s, "words": W.wordList])
        }
    }
    mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits) { read(key, &value, Self.notWord(W.self)) }
    mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits) {
        read(key, &value, Self.notWord(W.self))
    }
    mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) {
        read(key, &value) { p, json in
            guard case .array(let items) = json else {
                return Words.say(
                    "{path} must be a list of words, not {found}", context: "store", ["path": p, "found": Self.describe(json)])
            }
            let wrong = items.first { W(fieldJSON: $0) == nil } ?? json
            return Words.say(
                "{path}: {value} is not one of {words}", context: "store", ["path": p, "value": wrong.display, "words": W.wordList])
        }
    }
    mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) {
        read(key, &value) {
            Words.say("{path} must be an object of whole numbers, not {found}", context: "store", ["path": $0, "found": $1.display])
        }
    }
    mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits) {
        read(key, &value) {
            Words.say("{path} must be an object of texts, not {found}", context: "store", ["path": $0, "found": $1.display])
        }

    }
}

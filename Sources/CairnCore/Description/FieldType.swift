import CairnWords

/// A type a field's value has, with how it is written as JSON (the journal's edits, history,
/// restore) and as text (a form's field, `cairn edit FIELD=VALUE`).
public protocol FieldType: Sendable, Equatable, Codable {
    var fieldJSON: JSONValue { get }
    /// Nil when `json` is not a value of this type.
    init?(fieldJSON json: JSONValue)
    /// As a person types it: words as stored, days as YYYY-MM-DD, a list joined by commas,
    /// nothing as "".
    var fieldText: String { get }
    /// As a screen shows it: words as their labels, a list joined by ", ".
    var fieldShown: String { get }
    /// From text as a person types it (`today` for "+2w"), or why it cannot be; `field` names
    /// the field in that message.
    init(fieldText text: String, today: Day, field: String) throws(InputError)
    /// What a value may be, said when one is refused: "YYYY-MM-DD, today, +2w or -3m".
    static var accepts: String { get }
    static var input: RecordFields.Input { get }
    /// Said under a form's field.
    static var hint: String { get }
    /// What a choice or a set shows for each option, in the order of `input`'s words.
    static var optionLabels: [String] { get }
    /// Whether text says nothing: an optional field is then cleared.
    static func isNothing(_ text: String) -> Bool
    /// An optional left empty, which a record's JSON leaves out.
    var isAbsent: Bool { get }
}

extension FieldType {
    public static var input: RecordFields.Input { .line }
    public static var hint: String { "" }
    public static var optionLabels: [String] { [] }
    public static func isNothing(_ text: String) -> Bool { text.isEmpty }
    public var isAbsent: Bool { false }
    public var fieldShown: String { fieldText }
}

extension String: FieldType {
    public var fieldJSON: JSONValue { .string(self) }
    public init?(fieldJSON json: JSONValue) {
        guard case .string(let s) = json else { return nil }
        self = s
    }
    public var fieldText: String { self }
    public init(fieldText text: String, today: Day, field: String) { self = text }
    public static var accepts: String { Words.say("any text") }
}

extension Day: FieldType {
    public var fieldJSON: JSONValue { .string(description) }
    public init?(fieldJSON json: JSONValue) {
        guard case .string(let s) = json, let day = Day(iso: s) else { return nil }
        self = day
    }
    public var fieldText: String { description }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) { self = try DayInput.parse(text, today: today) }
    public static var accepts: String { Words.say("YYYY-MM-DD, today, +2w or -3m") }
    public static var hint: String { Words.say("YYYY-MM-DD, today, +2w") }
    public static func isNothing(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
}

extension Double: FieldType {
    public var fieldJSON: JSONValue { .number(self) }
    public init?(fieldJSON json: JSONValue) {
        guard case .number(let n) = json else { return nil }
        self = n
    }
    public var fieldText: String { World.number(self) }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) {
        guard let value = try NumberInput.parse(text) else { throw InputError(Words.say("a value is required")) }
        self = value
    }
    public static var accepts: String { Words.say("a number (12.5 or 12,5)") }
}

extension Int: FieldType {
    public var fieldJSON: JSONValue { .number(Double(self)) }
    public init?(fieldJSON json: JSONValue) {
        guard case .number(let x) = json, x == x.rounded(), abs(x) < 1e15 else { return nil }
        self = Int(x)
    }
    public var fieldText: String { "\(self)" }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) {
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw InputError(CairnWords.Words.say("“{text}” is not a whole number", ["text": text]))
        }
        self = n
    }
    public static var accepts: String { CairnWords.Words.say("a whole number") }
}

extension Bool: FieldType {
    public var fieldJSON: JSONValue { .bool(self) }
    public init?(fieldJSON json: JSONValue) {
        guard case .bool(let b) = json else { return nil }
        self = b
    }
    public var fieldText: String { self ? "yes" : "no" }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) {
        // Yes and no are read in the session's language as well as in English.
        let said = text.lowercased()
        let yes = CairnWords.Words.say("yes", context: "flag").lowercased()
        let no = CairnWords.Words.say("no", context: "flag").lowercased()
        switch said {
        case yes: self = true
        case no: self = false
        case "yes", "true", "y", "1": self = true
        case "no", "false", "n", "0", "": self = false
        default: throw InputError(Words.say("“{text}” is neither yes nor no", ["text": text]))
        }
    }
    public static var accepts: String { Words.say("yes or no (true, false)") }
    public static var input: RecordFields.Input { .flag }
}

extension Vocabulary {
    public var fieldJSON: JSONValue { .string(rawValue) }
    public init?(fieldJSON json: JSONValue) {
        guard case .string(let s) = json, let w = Self(rawValue: s) else { return nil }
        self = w
    }
    public var fieldText: String { rawValue }
    public var fieldShown: String { label }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) { self = try Self.parse(text, field: field) }
    public static var accepts: String { Words.say("one of {words}", ["words": wordList]) }
    public static var input: RecordFields.Input { .choice(allCases.map { $0.rawValue }) }
    public static var optionLabels: [String] { allCases.map(\.label) }
}

extension Optional: FieldType where Wrapped: FieldType {
    public var isAbsent: Bool { self == nil }
    public var fieldJSON: JSONValue { map { $0.fieldJSON } ?? .null }
    public init?(fieldJSON json: JSONValue) {
        if json == .null {
            self = .none
        } else if let value = Wrapped(fieldJSON: json) {
            self = .some(value)
        } else {
            return nil
        }
    }
    public var fieldText: String { map { $0.fieldText } ?? "" }
    public var fieldShown: String { map { $0.fieldShown } ?? "" }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) {
        self = Wrapped.isNothing(text) ? nil : try Wrapped(fieldText: text, today: today, field: field)
    }
    public static var accepts: String { Words.say("{accepts}, or nothing", ["accepts": Wrapped.accepts]) }
    public static var hint: String { Wrapped.hint }
    public static var optionLabels: [String] {
        Wrapped.optionLabels.isEmpty ? [] : [Words.say("(none)")] + Wrapped.optionLabels
    }
    public static var input: RecordFields.Input {
        if case .choice(let words) = Wrapped.input { return .choice([""] + words) }
        return Wrapped.input
    }
}

/// A list of a vocabulary's words (a school's phases).
extension Array: FieldType where Element: Vocabulary {
    public var fieldJSON: JSONValue { .array(map { $0.fieldJSON }) }
    public init?(fieldJSON json: JSONValue) {
        guard case .array(let items) = json else { return nil }
        var out: [Element] = []
        for item in items {
            guard let w = Element(fieldJSON: item) else { return nil }
            out.append(w)
        }
        self = out
    }
    public var fieldText: String { map { $0.rawValue }.joined(separator: ",") }
    public var fieldShown: String { map { $0.label }.joined(separator: ", ") }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) {
        var out: [Element] = []
        for word in text.split(separator: ",") { out.append(try Element.parse(String(word), field: String(field.dropLast()))) }
        self = out
    }
    public static var accepts: String { Words.say("words separated by commas, from {words}", ["words": Element.wordList]) }
    public static var input: RecordFields.Input { .multi(Element.allCases.map { $0.rawValue }) }
    public static var optionLabels: [String] { Element.allCases.map(\.label) }
}

/// A health check's ratings or notes, item by item: set whole from JSON only; `cairn edit`
/// reaches each item's rating as a field of its own.
extension Dictionary: FieldType where Key == String, Value: FieldType {
    public var fieldJSON: JSONValue { .object(mapValues { $0.fieldJSON }) }
    public init?(fieldJSON json: JSONValue) {
        guard case .object(let fields) = json else { return nil }
        var out: [String: Value] = [:]
        for (k, x) in fields {
            guard let value = Value(fieldJSON: x) else { return nil }
            out[k] = value
        }
        self = out
    }
    public var fieldText: String { "" }
    public init(fieldText text: String, today: Day, field: String) throws(InputError) {
        throw InputError(Words.say("it is set by its parts"))
    }
    public static var accepts: String { "" }
}

import CairnCore
import Foundation

/// A put's record as a journal line holds it, read before its kind is known (`type` comes after
/// `record` in sorted keys): each field's key and value, read once; `record(of:)` then makes
/// the kind through its description, as strictly as `JSONDecoder` would.
struct JournalRecord {
    enum Value {
        case text(String)
        case null
        case flag(Bool)
        case number(Double)
        case texts([String])
        /// What no field of these types holds but a health check's ratings and notes.
        case other(JSONValue)
    }

    /// Each key's bytes, within the line being read.
    private var keys: [UnsafeBufferPointer<UInt8>] = []
    private var values: [Value] = []

    mutating func read(_ s: inout JSONScanner) throws(JSONScanner.Failure) {
        try s.object { s, key throws(JSONScanner.Failure) in
            s.skipSpace()
            guard s.i < s.bytes.count else { throw JSONScanner.Failure() }
            let value: Value
            switch s.bytes[s.i] {
            case UInt8(ascii: "\""): value = .text(try s.string())
            case UInt8(ascii: "n"): value = s.literal("null") ? .null : .other(try s.value())
            case UInt8(ascii: "t"), UInt8(ascii: "f"): value = .flag(try s.bool())
            case UInt8(ascii: "["):
                let start = s.i
                if let words = try? s.strings() {
                    value = .texts(words)
                } else {
                    s.i = start
                    value = .other(try s.value())
                }
            default:
                let v = try s.value()
                if case .number(let n) = v { value = .number(n) } else { value = .other(v) }
            }
            keys.append(key)
            values.append(value)
        }
    }

    /// The record, or nil when a required field is missing or a value does not fit its field.
    func record(of kind: RecordKind) -> Record? {
        var record = Record.blank(kind)
        var fields = Fields(keys: keys, values: values)
        record.visitFields(&fields)
        return fields.failed ? nil : record
    }

    private struct Fields: FieldVisitor {
        let keys: [UnsafeBufferPointer<UInt8>]
        let values: [Value]
        var failed = false

        /// The value named `key`; when the line names it twice, the last one, as a decoder
        /// takes it.
        private func value(_ key: String) -> Value? {
            var key = key
            return key.withUTF8 { name in
                var i = keys.count - 1
                while i >= 0 {
                    let k = keys[i]
                    if k.count == name.count, memcmp(k.baseAddress!, name.baseAddress!, name.count) == 0 { return values[i] }
                    i -= 1
                }
                return nil
            }
        }

        /// Sets `value` from what the line holds, or fails; `optional` when it may be left out.
        private mutating func take<V>(_ key: String, _ value: inout V, optional: V? = nil, _ read: (Value) -> V?) {
            guard !failed else { return }
            guard let v = self.value(key), !(optional != nil && v.isNull) else {
                if let optional { value = optional } else { failed = true }
                return
            }
            if let x = read(v) { value = x } else { failed = true }
        }

        mutating func text(_ key: String, _ value: inout String, _ traits: FieldTraits) { take(key, &value) { $0.text } }
        mutating func optionalText(_ key: String, _ value: inout String?, _ traits: FieldTraits) {
            take(key, &value, optional: .some(nil)) { $0.text.map { .some($0) } }
        }
        mutating func day(_ key: String, _ value: inout Day?, _ traits: FieldTraits) {
            take(key, &value, optional: .some(nil)) { $0.text.flatMap(Day.init(iso:)).map { .some($0) } }
        }
        mutating func requiredDay(_ key: String, _ value: inout Day, _ traits: FieldTraits) {
            take(key, &value) { $0.text.flatMap(Day.init(iso:)) }
        }
        mutating func number(_ key: String, _ value: inout Double?, _ traits: FieldTraits) {
            take(key, &value, optional: .some(nil)) { $0.number.map { .some($0) } }
        }
        mutating func requiredNumber(_ key: String, _ value: inout Double, _ traits: FieldTraits) { take(key, &value) { $0.number } }
        mutating func wholeNumber(_ key: String, _ value: inout Int, _ traits: FieldTraits) {
            take(key, &value) { $0.number.flatMap { Int(fieldJSON: .number($0)) } }
        }
        mutating func flag(_ key: String, _ value: inout Bool, _ traits: FieldTraits) {
            take(key, &value) { if case .flag(let b) = $0 { b } else { nil } }
        }
        mutating func word<W: Vocabulary>(_ key: String, _ value: inout W, _ traits: FieldTraits) {
            take(key, &value) { $0.text.flatMap(W.init(rawValue:)) }
        }
        mutating func optionalWord<W: Vocabulary>(_ key: String, _ value: inout W?, _ traits: FieldTraits) {
            take(key, &value, optional: .some(nil)) { $0.text.flatMap(W.init(rawValue:)).map { .some($0) } }
        }
        mutating func words<W: Vocabulary>(_ key: String, _ value: inout [W], _ traits: FieldTraits) {
            take(key, &value) { v -> [W]? in
                guard case .texts(let words) = v else { return nil }
                var out: [W] = []
                for word in words {
                    guard let w = W(rawValue: word) else { return nil }
                    out.append(w)
                }
                return out
            }
        }
        mutating func ratings(_ key: String, _ value: inout [String: Int], _ traits: FieldTraits) {
            take(key, &value) { if case .other(let json) = $0 { [String: Int](fieldJSON: json) } else { nil } }
        }
        mutating func remarks(_ key: String, _ value: inout [String: String], _ traits: FieldTraits) {
            take(key, &value) { if case .other(let json) = $0 { [String: String](fieldJSON: json) } else { nil } }
        }
    }
}

extension JournalRecord.Value {
    var isNull: Bool { if case .null = self { true } else { false } }
    var text: String? { if case .text(let s) = self { s } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }
}

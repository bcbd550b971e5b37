import CairnCore

/// A forward-only JSON reader over UTF-8 bytes, for the journal's hot path: it reads the values
/// Cairn's events hold without building a dictionary per object or a `Character` per byte.
///
/// It accepts exactly what RFC 8259 accepts (valid UTF-8, no raw control characters in strings,
/// the number grammar, nothing after the value) and refuses nesting deeper than `depthLimit`,
/// so a hostile line is damage, never a stack overflow. Anything it does not expect makes it
/// fail; `validate` then tells a line that is not JSON from one it merely does not know.
struct JSONScanner {
    struct Failure: Error {}

    /// Deeper than any event Cairn writes (about 4) by far; far shallower than a stack's end.
    static let depthLimit = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var i: Int
    var depth = 0
    /// Set when an object named a field twice (RFC 8259 leaves that open; the last one stands).
    var sawDuplicateName = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        i = 0
    }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return i >= bytes.count
        }
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { throw Failure() }
        i += 1
    }

    /// True (and consumed) when the next byte is `byte`.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        if i < bytes.count, bytes[i] == byte {
            i += 1
            return true
        }
        return false
    }

    /// Calls `body` with each key of an object; `body` must read or skip the value.
    mutating func object(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try rawString()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// The bytes of a string with no escapes, as they stand (keys, ids, vocabulary words).
    mutating func rawString() throws(Failure) -> UnsafeBufferPointer<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = i
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                let text = UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
                if !ascii { try JSONScanner.checkUTF8(text) }
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { throw Failure() }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        throw Failure()
    }

    mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = i
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                let text = UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
                if !ascii { try JSONScanner.checkUTF8(text) }
                return String(decoding: text, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if b < 0x20 { throw Failure() }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        throw Failure()
    }

    /// Refuses bytes that are not UTF-8 (rather than folding them into U+FFFD).
    static func checkUTF8(_ text: UnsafeBufferPointer<UInt8>) throws(Failure) {
        var decoder = UTF8()
        var iterator = text.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw Failure()
            }
        }
    }

    private mutating func escapedString(from start: Int) throws(Failure) -> String {
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") {
                try out.withUnsafeBufferPointer { (o: UnsafeBufferPointer<UInt8>) throws(Failure) in try JSONScanner.checkUTF8(o) }
                return String(decoding: out, as: UTF8.self)
            }
            guard b == UInt8(ascii: "\\") else {
                guard b >= 0x20 else { throw Failure() }
                out.append(b)
                continue
            }
            guard i < bytes.count else { throw Failure() }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw Failure() }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Failure() }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw Failure() }
                out.append(contentsOf: Array(String(scalar).utf8))
            default: throw Failure()
            }
        }
        throw Failure()
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw Failure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            switch b {
            case 48...57: value = value * 16 + UInt32(b - 48)
            case 65...70: value = value * 16 + UInt32(b - 55)
            case 97...102: value = value * 16 + UInt32(b - 87)
            default: throw Failure()
            }
        }
        return value
    }

    /// A string or null.
    mutating func optionalString() throws(Failure) -> String? {
        if literal("null") { return nil }
        return try string()
    }

    mutating func bool() throws(Failure) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw Failure()
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let w = word.utf8Start
        for k in 0..<n where bytes[i + k] != w[k] { return false }
        i += n
        return true
    }

    /// An array of strings.
    mutating func strings() throws(Failure) -> [String] {
        try expect(UInt8(ascii: "["))
        var out: [String] = []
        if take(UInt8(ascii: "]")) { return out }
        repeat { out.append(try string()) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return out
    }

    /// Skips any value (a field a newer Cairn wrote that this one does not know).
    mutating func skipValue() throws(Failure) { _ = try value() }

    /// A non-negative whole number (a clock, a part of a commit).
    mutating func count() throws(Failure) -> Int {
        guard case .number(let n) = try value(), n >= 0, n < 1e15, let whole = Int(exactly: n) else { throw Failure() }
        return whole
    }

    /// Any value, checked against RFC 8259's grammar, at most `depthLimit` deep.
    mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw Failure() }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth <= JSONScanner.depthLimit else { throw Failure() }
            var fields: [String: JSONValue] = [:]
            i += 1
            if take(UInt8(ascii: "}")) { return .object(fields) }
            repeat {
                skipSpace()
                let name = try string()
                try expect(UInt8(ascii: ":"))
                if fields[name] != nil { sawDuplicateName = true }
                fields[name] = try value()
            } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
            return .object(fields)
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= JSONScanner.depthLimit else { throw Failure() }
            i += 1
            var items: [JSONValue] = []
            if take(UInt8(ascii: "]")) { return .array(items) }
            repeat { items.append(try value()) } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return .array(items)
        case UInt8(ascii: "t"):
            guard literal("true") else { throw Failure() }
            return .bool(true)
        case UInt8(ascii: "f"):
            guard literal("false") else { throw Failure() }
            return .bool(false)
        case UInt8(ascii: "n"):
            guard literal("null") else { throw Failure() }
            return .null
        default:
            return .number(try number())
        }
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, and finite.
    private mutating func number() throws(Failure) -> Double {
        let start = i
        func digit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 48 && bytes[k] <= 57 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { throw Failure() }
        if bytes[i] == 48 {
            i += 1
        } else {
            while digit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { throw Failure() }
            while digit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { throw Failure() }
            while digit(i) { i += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        // Too large or too small for a double (1e400, 2.5e-31400): refused, as Foundation does.
        guard let n = Double(text), n.isFinite else { throw Failure() }
        if n == 0, text.utf8.prefix(while: { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }).contains(where: { $0 >= 49 && $0 <= 57 })
        {
            throw Failure()
        }
        return n
    }

    /// True when `line` is one JSON value and nothing else: tells a damaged line from a valid
    /// one the fast reader does not know (which `JSONDecoder` then reads).
    static func validate(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = JSONScanner(line)
        do {
            _ = try s.value()
            return s.atEnd
        } catch {
            return false
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Compares with a key name without making a `String`.
    func equals(_ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<count where self[k] != w[k] { return false }
        return true
    }
}

import Glibc

/// One pass over a `.po` file's bytes that checks every line and notes where each entry
/// starts, by its key's hash; fuzzy entries are left out, so that English shows for them.
struct CatalogueScan {
    var starts: [UInt64: Int] = [:]
    var others: [UInt64: [Int]] = [:]
    var header: Int?

    private enum Field { case context, id, other }
    /// The entry being read: where its first keyword is, what it has so far.
    private var start: Int?
    private var hasContext = false
    private var hasID = false
    private var idIsEmpty = true
    private var fuzzy = false
    private var hash = KeyHash()
    private var field: Field?

    mutating func read(_ bytes: [UInt8]) throws(Catalogue.Problem) {
        starts.reserveCapacity(bytes.count / 120)
        try bytes.withUnsafeBufferPointer { (bytes) throws(Catalogue.Problem) in try read(bytes) }
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Catalogue.Problem) {
        let count = bytes.count
        var lineStart = 0
        var lineNumber = 0
        while lineStart <= count {
            let end = Self.find(0x0A, in: bytes, from: lineStart, to: count)
            lineNumber += 1
            var a = lineStart
            var b = end
            while a < b, Self.isBlank(bytes[a]) { a += 1 }
            while b > a, Self.isBlank(bytes[b - 1]) { b -= 1 }
            try line(bytes, a, b, number: lineNumber)
            lineStart = end + 1
        }
        finish()
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    private mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, number: Int) throws(Catalogue.Problem) {
        guard a < b else {
            finish()
            field = nil
            return
        }
        switch bytes[a] {
        case 0x23:  // "#"
            guard b - a >= 2, bytes[a + 1] == 0x2C else { return }  // "#,": the entry's flags
            if hasID { finish() }
            fuzzy = Self.holds(bytes, a, b, "fuzzy")
        case 0x22:  // a string going on from the line before
            guard let field else { throw Catalogue.Problem(line: number, reason: "a string continues no keyword") }
            try string(bytes, a, b, number: number, into: field)
        default:
            var space = a
            while space < b, bytes[space] != 0x20 { space += 1 }
            guard space < b else {
                throw Catalogue.Problem(line: number, reason: "“\(String(decoding: bytes[a..<b], as: UTF8.self))” is no keyword")
            }
            var value = space + 1
            while value < b, Self.isBlank(bytes[value]) { value += 1 }
            if Self.matches(bytes, a, space, "msgctxt") {
                if hasID { finish() }
                start = start ?? a
                hasContext = true
                field = .context
            } else if Self.matches(bytes, a, space, "msgid") {
                if hasID { finish() }
                start = start ?? a
                if hasContext { hash.add(0x04) }
                hasID = true
                field = .id
            } else if Self.matches(bytes, a, space, "msgid_plural") || Self.matches(bytes, a, space, "msgstr")
                || CatalogueEntry.formNumber(UnsafeBufferPointer(rebasing: bytes[a..<space])) != nil
            {
                field = .other
            } else {
                let keyword = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<space]), as: UTF8.self)
                throw Catalogue.Problem(line: number, reason: "“\(keyword)” is no keyword")
            }
            try string(bytes, value, b, number: number, into: field!)
        }
    }

    /// Checks a quoted string as `CatalogueEntry.unquote` reads it, adding a key's bytes to its hash.
    private mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, number: Int, into field: Field) throws(Catalogue
        .Problem)
    {
        guard b - a >= 2, bytes[a] == 0x22, bytes[b - 1] == 0x22 else {
            throw Catalogue.Problem(line: number, reason: "a string must be in double quotes")
        }
        let keyed = field != .other
        if field == .id, b - a > 2 { idIsEmpty = false }
        // Most strings hold no escape: they are checked by one search, and a key's hashed whole.
        guard Self.find(0x5C, in: bytes, from: a + 1, to: b - 1) < b - 1 else {
            if keyed { hash.add(UnsafeBufferPointer(rebasing: bytes[(a + 1)..<(b - 1)])) }
            return
        }
        var i = a + 1
        while i < b - 1 {
            var byte = bytes[i]
            if byte == 0x5C {
                i += 1
                guard i < b - 1 else { throw Catalogue.Problem(line: number, reason: "a string ends in a lone backslash") }
                guard let escaped = CatalogueEntry.escaped(bytes[i]) else {
                    let what = String(decoding: [bytes[i]], as: UTF8.self)
                    throw Catalogue.Problem(line: number, reason: "“\\\(what)” is no escape a catalogue may use")
                }
                byte = escaped
            }
            if keyed { hash.add(byte) }
            i += 1
        }
    }

    /// Where `byte` is first found from `a` up to `b`, or `b`.
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from a: Int, to b: Int) -> Int {
        guard a < b, let base = bytes.baseAddress, let hit = memchr(base + a, Int32(byte), b - a) else { return b }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// True when the bytes from `a` to `b` are `word`.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ word: StaticString) -> Bool {
        guard b - a == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<(b - a) where bytes[a + i] != w[i] { return false }
        return true
    }

    /// True when `word` stands somewhere between `a` and `b`.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        var i = a
        while i + n <= b {
            if matches(bytes, i, i + n, word) { return true }
            i += 1
        }
        return false
    }

    /// Notes the entry read so far, and starts the next.
    private mutating func finish() {
        defer {
            start = nil
            hasContext = false
            hasID = false
            idIsEmpty = true
            fuzzy = false
            hash = KeyHash()
        }
        guard hasID, let start else { return }
        if idIsEmpty, !hasContext {
            header = start
            return
        }
        guard !fuzzy else { return }
        if starts[hash.value] == nil {
            starts[hash.value] = start
        } else {
            others[hash.value, default: []].append(start)
        }
    }
}

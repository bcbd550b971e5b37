/// One language's messages, read from a gettext `.po` file (the form translators' tools
/// write): each English message (with its context, when it has one) and its translation, a
/// form per plural for those that count something, and the language's plural rule.
public struct Catalogue: Sendable {
    /// A message's key: its context (`msgctxt`, nil when none) and its English text.
    public struct Key: Hashable, Sendable {
        public var context: String?
        public var id: String
        public init(_ id: String, context: String? = nil) {
            self.id = id
            self.context = context
        }
    }

    public var language: String
    public var plural: PluralRule
    /// The translations: one form, or one per plural form.
    public var messages: [Key: [String]]

    public init(language: String, plural: PluralRule = .english, messages: [Key: [String]] = [:]) {
        self.language = language
        self.plural = plural
        self.messages = messages
    }

    /// A catalogue problem, with the line it is on.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Reads a `.po` file's text. Entries without a translation, or marked fuzzy, are left
    /// out (English shows instead); the header's `Plural-Forms` gives the plural rule.
    public init(po text: String, language: String) throws(Problem) {
        try self.init(po: Array(text.utf8), language: language)
    }

    /// Reads a `.po` file's bytes, as `init(po:language:)` reads its text.
    public init(po bytes: [UInt8], language: String) throws(Problem) {
        self.language = language
        plural = .english
        messages = [:]
        var entry = Entry()
        var field: Entry.Field?
        var lineNumber = 0
        var header: String?
        func finish() throws(Problem) {
            defer { entry = Entry() }
            guard let id = entry.id else { return }
            if id.isEmpty, entry.context == nil {
                header = entry.forms.first
                return
            }
            if entry.fuzzy { return }
            let forms = entry.plural == nil ? Array(entry.forms.prefix(1)) : entry.forms
            guard !forms.isEmpty, forms.allSatisfy({ !$0.isEmpty }) else { return }
            messages[Key(id, context: entry.context)] = forms
        }
        // Read as UTF-8 bytes, not characters: a start that speaks Polish reads its catalogue
        // before the first frame, and breaking it into graphemes took milliseconds.
        messages.reserveCapacity(bytes.count / 120)
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            lineNumber += 1
            let line = Self.trimmed(bytes[start..<end])
            if line.isEmpty {
                try finish()
                field = nil
                continue
            }
            if line.starts(with: [0x23, 0x2C]) {  // "#,"
                if entry.id != nil { try finish() }
                // Bytes, not `String.contains`, which goes through Foundation's search: every
                // entry a template flags (`python-brace-format`) has such a line.
                entry.fuzzy = Self.holds(line, Array("fuzzy".utf8))
                continue
            }
            if line.first == 0x23 { continue }  // "#"
            if line.first == 0x22 {  // a string going on from the line before
                guard let field else { throw Problem(line: lineNumber, reason: "a string continues no keyword") }
                entry.append(try Self.unquote(line, line: lineNumber), to: field)
                continue
            }
            guard let space = line.firstIndex(of: 0x20) else {
                throw Problem(line: lineNumber, reason: "“\(String(decoding: line, as: UTF8.self))” is no keyword")
            }
            let keyword = String(decoding: line[..<space], as: UTF8.self)
            let value = try Self.unquote(Self.trimmed(line[(space + 1)...]), line: lineNumber)
            switch keyword {
            case "msgctxt":
                if entry.id != nil { try finish() }
                field = .context
            case "msgid":
                if entry.id != nil { try finish() }
                field = .id
            case "msgid_plural": field = .plural
            case "msgstr": field = .form(0)
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let n = Int(keyword.dropFirst(7).dropLast()), n >= 0, n < 8
                else { throw Problem(line: lineNumber, reason: "“\(keyword)” is no keyword") }
                field = .form(n)
            }
            entry.start(field!, with: value)
        }
        try finish()
        if let header {
            for line in header.split(separator: "\n") where line.hasPrefix("Plural-Forms:") {
                guard let rule = PluralRule(header: String(line.dropFirst("Plural-Forms:".count))) else {
                    throw Problem(line: 1, reason: "the header's Plural-Forms cannot be read")
                }
                plural = rule
            }
        }
    }

    /// True when `word` stands in `line`, byte for byte.
    static func holds(_ line: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
        guard line.count >= word.count else { return false }
        var i = line.startIndex
        while i + word.count <= line.endIndex {
            if line[i] == word[0], line[i..<i + word.count].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    /// A line without spaces, tabs and carriage returns at either end.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else { return [] }
        return line[first...last]
    }

    /// A quoted `.po` string's text: `\n`, `\t`, `\"` and `\\` as C has them.
    static func unquote(_ quoted: ArraySlice<UInt8>, line: Int) throws(Problem) -> String {
        guard quoted.count >= 2, quoted.first == 0x22, quoted.last == 0x22 else {
            throw Problem(line: line, reason: "a string must be in double quotes")
        }
        var out: [UInt8] = []
        out.reserveCapacity(quoted.count)
        var escaped = false
        for byte in quoted.dropFirst().dropLast() {
            if escaped {
                switch byte {
                case 0x6E: out.append(0x0A)  // \n
                case 0x74: out.append(0x09)  // \t
                case 0x22, 0x5C: out.append(byte)  // \" and \\
                default:
                    let what = String(decoding: [byte], as: UTF8.self)
                    throw Problem(line: line, reason: "“\\\(what)” is no escape a catalogue may use")
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        guard !escaped else { throw Problem(line: line, reason: "a string ends in a lone backslash") }
        return String(decoding: out, as: UTF8.self)
    }

    /// One entry as it is read.
    struct Entry {
        enum Field: Equatable {
            case context, id, plural
            case form(Int)
        }
        var context: String?
        var id: String?
        var plural: String?
        /// `msgstr`, or `msgstr[0]`, `msgstr[1]`…: a form missing between two is empty.
        var forms: [String] = []
        var fuzzy = false

        mutating func start(_ field: Field, with text: String) {
            switch field {
            case .context: context = text
            case .id: id = text
            case .plural: plural = text
            case .form(let n):
                while forms.count <= n { forms.append("") }
                forms[n] = text
            }
        }

        mutating func append(_ text: String, to field: Field) {
            switch field {
            case .context: context = (context ?? "") + text
            case .id: id = (id ?? "") + text
            case .plural: plural = (plural ?? "") + text
            case .form(let n):
                while forms.count <= n { forms.append("") }
                forms[n] += text
            }
        }
    }
}

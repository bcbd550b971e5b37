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
                header = entry.forms[0]
                return
            }
            if entry.fuzzy { return }
            let count = entry.plural == nil ? 1 : entry.forms.keys.count
            let forms = (0..<count).map { entry.forms[$0] ?? "" }
            guard forms.allSatisfy({ !$0.isEmpty }) else { return }
            messages[Key(id, context: entry.context)] = forms
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmed
            if line.isEmpty {
                try finish()
                field = nil
                continue
            }
            if line.hasPrefix("#,") {
                if entry.id != nil { try finish() }
                entry.fuzzy = line.contains("fuzzy")
                continue
            }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("\"") {
                guard let field else { throw Problem(line: lineNumber, reason: "a string continues no keyword") }
                entry.append(try Self.unquote(line, line: lineNumber), to: field)
                continue
            }
            guard let space = line.firstIndex(of: " ") else { throw Problem(line: lineNumber, reason: "“\(line)” is no keyword") }
            let keyword = String(line[..<space])
            let value = try Self.unquote(line[line.index(after: space)...].trimmed, line: lineNumber)
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

    /// A quoted `.po` string's text: `\n`, `\t`, `\"` and `\\` as C has them.
    static func unquote<S: StringProtocol>(_ quoted: S, line: Int) throws(Problem) -> String {
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else {
            throw Problem(line: line, reason: "a string must be in double quotes")
        }
        var out = ""
        var escaped = false
        for ch in quoted.dropFirst().dropLast() {
            if escaped {
                switch ch {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                default: throw Problem(line: line, reason: "“\\\(ch)” is no escape a catalogue may use")
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        guard !escaped else { throw Problem(line: line, reason: "a string ends in a lone backslash") }
        return out
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
        var forms: [Int: String] = [:]
        var fuzzy = false

        mutating func start(_ field: Field, with text: String) {
            switch field {
            case .context: context = text
            case .id: id = text
            case .plural: plural = text
            case .form(let n): forms[n] = text
            }
        }

        mutating func append(_ text: String, to field: Field) {
            switch field {
            case .context: context = (context ?? "") + text
            case .id: id = (id ?? "") + text
            case .plural: plural = (plural ?? "") + text
            case .form(let n): forms[n] = (forms[n] ?? "") + text
            }
        }
    }
}

/// One language's messages, read from a gettext `.po` file (the form translators' tools
/// write): each English message (with its context, when it has one) and its translation, a
/// form per plural for those that count something, and the language's plural rule.
///
/// A `.po` file is checked and indexed whole when it is read, but a message's text is made
/// only when it is first asked for: a session speaking Polish reads its catalogue before the
/// first frame, and shows a few dozen of its two thousand messages there.
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
    /// Messages given in code rather than read from a file.
    private var given: [Key: [String]]
    private let index: CatalogueIndex?

    public init(language: String, plural: PluralRule = .english, messages: [Key: [String]] = [:]) {
        self.language = language
        self.plural = plural
        self.given = messages
        self.index = nil
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
        let index = try CatalogueIndex(bytes)
        self.language = language
        self.plural = try index.pluralRule() ?? .english
        self.given = [:]
        self.index = index
    }

    /// The translation of `id` (in `context`): one form, or one per plural form; nil when
    /// the catalogue has none, and English shows.
    public func forms(_ id: String, context: String? = nil) -> [String]? {
        if !given.isEmpty, let forms = given[Key(id, context: context)] { return forms }
        return index?.forms(id, context: context)
    }

    /// How many messages it holds, without making any into text (the header and fuzzy
    /// entries aside; an untranslated entry counts).
    public var count: Int { (index?.count ?? 0) + given.count }

    /// Every translation, made whole: for checks over the catalogue, not for showing a screen.
    public var messages: [Key: [String]] {
        var all = index?.all() ?? [:]
        all.merge(given) { _, set in set }
        return all
    }
}

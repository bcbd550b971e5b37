import Foundation
import Synchronization

/// The words on every screen, page and message: an English text looked up in the session's
/// catalogue. English is the catalogues' key (gettext's `msgid`), so a message missing from
/// a catalogue shows in English rather than as a code.
public enum Words {
    private static let current = Mutex<Catalogue>(Catalogue(language: Language.english.code))
    /// A language for one task and what it calls (a test, a report written in another
    /// language than the session's), over the session's.
    @TaskLocal static var override: Catalogue?

    /// The session's language.
    public static var language: Language { Language(active { $0.language }) }

    private static func active<T>(_ body: (Catalogue) -> T) -> T {
        if let override { return body(override) }
        return current.withLock { body($0) }
    }

    /// Runs `body` speaking `language`, whatever the session speaks.
    public static func speaking<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        try $override.withValue(try catalogue(for: language)) { try body() }
    }

    /// Speaks `language` from now on (at start, and when a workshop switches language).
    public static func use(_ language: Language) throws(Catalogue.Problem) {
        let catalogue = try catalogue(for: language)
        current.withLock { $0 = catalogue }
    }

    /// The catalogue shipped for `language` (an empty one for English).
    public static func catalogue(for language: Language) throws(Catalogue.Problem) -> Catalogue {
        guard language != .english else { return Catalogue(language: language.code) }
        guard let url = Bundle.module.url(forResource: language.code, withExtension: "po", subdirectory: "po"),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw Catalogue.Problem(line: 0, reason: "no catalogue for “\(language.code)” in this build") }
        return try Catalogue(po: [UInt8](data), language: language.code)
    }

    /// `english` in the session's language, its `{name}` placeholders filled from `values`.
    public static func say(_ english: String, context: String? = nil, _ values: [String: String] = [:]) -> String {
        let text = active { $0.messages[Catalogue.Key(english, context: context)]?.first } ?? english
        return values.isEmpty ? text : fill(text, values)
    }

    /// The form of `english`/`plural` that `count` takes in the session's language, with
    /// `{count}` and the other placeholders filled.
    public static func count(_ english: String, _ plural: String, _ count: Int, context: String? = nil, _ values: [String: String] = [:])
        -> String
    {
        let text = active { c -> String in
            if let forms = c.messages[Catalogue.Key(english, context: context)], forms.count == c.plural.count {
                return forms[c.plural.form(for: count)]
            }
            return count == 1 ? english : plural
        }
        return fill(text, values.merging(["count": String(count)]) { a, _ in a })
    }

    /// `{name}` replaced by its value; a placeholder with no value is left as it is.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                out += rest[open...]
                return out
            }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

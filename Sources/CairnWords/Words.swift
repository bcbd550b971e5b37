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
        awaitPrepared()
        return current.withLock { body($0) }
    }

    /// A catalogue being read on another thread (`prepare`), until the first word waits for it.
    private static let preparing = Mutex<DispatchGroup?>(nil)
    private static let isPreparing = Atomic<Bool>(false)
    private static let waited = Mutex<Double?>(nil)

    /// How long the first word waited for the catalogue `prepare` started, in milliseconds:
    /// what the catalogue cost the first frame. Nil before any word waited.
    public static var waitedForCatalogue: Double? { waited.withLock { $0 } }

    /// Starts reading `language`'s catalogue on another thread: a screen session opens its
    /// store meanwhile, and the first word said waits for the reading, so that the catalogue
    /// costs the first frame next to nothing. A catalogue that cannot be read leaves English.
    public static func prepare(_ language: Language) {
        awaitPrepared()
        guard language != .english else { return }
        let group = DispatchGroup()
        group.enter()
        preparing.withLock { $0 = group }
        isPreparing.store(true, ordering: .releasing)
        DispatchQueue.global(qos: .userInitiated).async {
            if let catalogue = try? catalogue(for: language) { current.withLock { $0 = catalogue } }
            group.leave()
        }
    }

    private static func awaitPrepared() {
        guard isPreparing.load(ordering: .acquiring) else { return }
        let group = preparing.withLock { $0 }
        let start = ContinuousClock.now
        group?.wait()
        let wait = ContinuousClock.now - start
        waited.withLock { $0 = Double(wait.components.attoseconds) / 1e15 + Double(wait.components.seconds) * 1000 }
        isPreparing.store(false, ordering: .releasing)
    }

    /// Runs `body` speaking `language`, whatever the session speaks.
    public static func speaking<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        try $override.withValue(try spoken(language)) { try body() }
    }

    /// The language this task speaks, to be spoken by work it sends to another thread: a task's
    /// language (`speaking`) does not follow work onto a queue.
    public struct Speech: Sendable {
        fileprivate let catalogue: Catalogue?
    }

    public static var speech: Speech { Speech(catalogue: override) }

    /// Runs `body` speaking what `speech` was taken speaking.
    public static func speaking<T>(_ speech: Speech, _ body: () -> T) -> T {
        guard let catalogue = speech.catalogue else { return body() }
        return $override.withValue(catalogue) { body() }
    }

    /// The catalogues `speaking` has read, kept: a report or a test speaks one language again
    /// and again, and reads it once.
    private static let spokenCatalogues = Mutex<[String: Catalogue]>([:])

    private static func spoken(_ language: Language) throws(Catalogue.Problem) -> Catalogue {
        if let kept = spokenCatalogues.withLock({ $0[language.code] }) { return kept }
        let read = try catalogue(for: language)
        spokenCatalogues.withLock { $0[language.code] = read }
        return read
    }

    /// Speaks `language` from now on (at start, and when a workshop switches language).
    public static func use(_ language: Language) throws(Catalogue.Problem) {
        awaitPrepared()
        let catalogue = try catalogue(for: language)
        current.withLock { $0 = catalogue }
    }

    /// The catalogue shipped for `language` (an empty one for English).
    public static func catalogue(for language: Language) throws(Catalogue.Problem) -> Catalogue {
        guard language != .english else { return Catalogue(language: language.code) }
        if let bytes = CatalogueFile.bytes(language.code) { return try Catalogue(po: bytes, language: language.code) }
        guard let url = Bundle.module.url(forResource: language.code, withExtension: "po", subdirectory: "po"),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw Catalogue.Problem(line: 0, reason: "no catalogue for “\(language.code)” in this build") }
        return try Catalogue(po: [UInt8](data), language: language.code)
    }

    /// `english` in the session's language, its `{name}` placeholders filled from `values`.
    public static func say(_ english: String, context: String? = nil, _ values: [String: String] = [:]) -> String {
        let text = active { $0.forms(english, context: context)?.first } ?? english
        return values.isEmpty ? text : fill(text, values)
    }

    /// The form of `english`/`plural` that `count` takes in the session's language, with
    /// `{count}` and the other placeholders filled.
    public static func count(_ english: String, _ plural: String, _ count: Int, context: String? = nil, _ values: [String: String] = [:])
        -> String
    {
        let text = active { c -> String in
            if let forms = c.forms(english, context: context), forms.count == c.plural.count {
                return forms[c.plural.form(for: count)]
            }
            return count == 1 ? english : plural
        }
        return fill(text, values.merging(["count": String(count)]) { a, _ in a })
    }

    /// `{name}` replaced by its value; a placeholder with no value is left as it is.
    ///
    /// Worked on UTF-8 bytes: the braces are ASCII, and a translation's letters (`ł`, `ð`)
    /// made a walk by characters cost a first frame milliseconds over thousands of rows.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        var bytes = text.utf8.makeIterator()
        guard text.utf8.contains(0x7B) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        var name: [UInt8] = []
        var inside = false
        while let byte = bytes.next() {
            if inside {
                if byte == 0x7D {  // }
                    let key = String(decoding: name, as: UTF8.self)
                    if let value = values[key] {
                        out.append(contentsOf: value.utf8)
                    } else {
                        out.append(0x7B)
                        out.append(contentsOf: name)
                        out.append(0x7D)
                    }
                    inside = false
                } else if byte == 0x7B {  // a brace that opened nothing: kept as it is
                    out.append(0x7B)
                    out.append(contentsOf: name)
                    name.removeAll(keepingCapacity: true)
                } else {
                    name.append(byte)
                }
            } else if byte == 0x7B {
                inside = true
                name.removeAll(keepingCapacity: true)
            } else {
                out.append(byte)
            }
        }
        if inside {
            out.append(0x7B)
            out.append(contentsOf: name)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

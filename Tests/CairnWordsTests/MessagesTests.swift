import Foundation
import Testing

@testable import CairnWords

/// Every message the code says is in the template (`Resources/po/cairn.pot`) and translated in
/// every catalogue; a message added in code without its entries fails here. With
/// `CAIRN_RECORD_MESSAGES=1` the template is written from the code (then each catalogue needs
/// the new entries: `msgmerge --update xx.po cairn.pot`, and a translation).
@Suite struct MessagesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let po = root.appendingPathComponent("Resources/po")

    /// A message as the code says it: its context, its English text and, for a count, its plural.
    struct Said: Hashable, Comparable {
        var context: String?
        var id: String
        var plural: String?
        static func < (a: Said, b: Said) -> Bool { (a.id, a.context ?? "") < (b.id, b.context ?? "") }
    }

    /// Every `Words.say("…")` and `Words.count("…", "…", …)` in Sources, with the places that
    /// name a message otherwise than by a literal (which no catalogue could hold). Read once:
    /// each catalogue's test asks for it.
    static func saidInCode() throws -> (messages: Set<Said>, problems: [String]) { try scanned.get() }

    static let scanned = Result { try scanSources() }

    static func scanSources() throws -> (messages: Set<Said>, problems: [String]) {
        var messages: Set<Said> = []
        var problems: [String] = []
        let files = FileManager.default.enumerator(atPath: root.appendingPathComponent("Sources").path)!
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = Array(try String(contentsOf: root.appendingPathComponent("Sources/\(path)"), encoding: .utf8).utf8)
            var reader = CallReader(text)
            let said = reader.messages()
            messages.formUnion(said)
            if let data = saidOfData[path] {
                messages.formUnion(try data())
            } else if reader.calls != said.count {
                problems.append("\(path): \(reader.calls - said.count) message(s) not given as a plain string literal")
            }
            for m in said where m.id.contains("\\(") { problems.append("\(path): “\(m.id)” interpolates: use {name} placeholders") }
        }
        return (messages, problems)
    }

    /// Reads the calls of `Words.say` and `Words.count` in a source file's bytes: each one's
    /// literal text, its literal plural (a count) and its literal context, when it has them.
    struct CallReader {
        let text: [UInt8]
        var at = 0
        /// Every call, literal or not.
        private(set) var calls = 0

        init(_ text: [UInt8]) { self.text = text }

        static let say = Array("Words.say(".utf8)
        static let count = Array("Words.count(".utf8)
        static let context = Array("context:".utf8)

        mutating func messages() -> [Said] {
            var out: [Said] = []
            while at < text.count {
                if starts(with: Self.say) {
                    calls += 1
                    at += Self.say.count
                    let from = at
                    if let id = literal() {
                        out.append(Said(context: contextArgument(), id: id, plural: nil))
                    } else {
                        at = from
                    }
                } else if starts(with: Self.count) {
                    calls += 1
                    at += Self.count.count
                    let from = at
                    if let id = literal(), comma(), let plural = literal(), comma(), countArgument() {
                        out.append(Said(context: contextArgument(), id: id, plural: plural))
                    } else {
                        at = from
                    }
                } else {
                    at += 1
                }
            }
            return out
        }

        func starts(with word: [UInt8]) -> Bool {
            at + word.count <= text.count && text[at..<(at + word.count)].elementsEqual(word)
        }

        mutating func skipSpace() {
            while at < text.count, [0x20, 0x0A, 0x09, 0x0D].contains(text[at]) { at += 1 }
        }

        /// A string literal after optional blanks, unescaped: `\n`, `\t`, `\"` and `\\`.
        mutating func literal() -> String? {
            skipSpace()
            guard at < text.count, text[at] == 0x22 else { return nil }
            var i = at + 1
            while i < text.count, text[i] != 0x22 {
                i += text[i] == 0x5C ? 2 : 1
            }
            guard i < text.count else { return nil }
            let raw = String(decoding: text[(at + 1)..<i], as: UTF8.self)
            at = i + 1
            return MessagesTests.unescape(raw)
        }

        mutating func comma() -> Bool {
            skipSpace()
            guard at < text.count, text[at] == 0x2C else { return false }
            at += 1
            return true
        }

        /// A count argument: anything up to the next comma or closing parenthesis.
        mutating func countArgument() -> Bool {
            let from = at
            while at < text.count, text[at] != 0x2C, text[at] != 0x29 { at += 1 }
            return at > from
        }

        /// `, context: "…"` when it follows; else nothing is taken.
        mutating func contextArgument() -> String? {
            let from = at
            if comma() {
                skipSpace()
                if starts(with: Self.context) {
                    at += Self.context.count
                    if let context = literal() { return context }
                }
            }
            at = from
            return nil
        }
    }

    /// The files that say the texts of a shipped data file rather than literals, and those texts.
    static let saidOfData: [String: @Sendable () throws -> [Said]] = ["CairnCore/Inspiration+Spoken.swift": libraryTexts]

    /// Every text of the shipped library of examples (`Resources/inspiration/library.json`),
    /// which `Inspiration.spoken` looks up in the context "example library".
    static func libraryTexts() throws -> [Said] {
        let data = try Data(contentsOf: root.appendingPathComponent("Resources/inspiration/library.json"))
        let library = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
        let fields = [
            ("goals", ["statement", "indicator", "unit", "theme"]), ("actions", ["description"]),
            ("agreements", ["title", "reporting", "evaluation"]),
        ]
        var out: [Said] = []
        for (part, keys) in fields {
            for item in library[part] ?? [] {
                for key in keys {
                    if let text = item[key] as? String, !text.isEmpty {
                        out.append(Said(context: "example library", id: text, plural: nil))
                    }
                }
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
            .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }

    static func quoted(_ s: String) -> String {
        "\""
            + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    static func template(_ messages: Set<Said>) -> String {
        var out = [
            "# Cairn's messages: the template each language's catalogue follows.", "msgid \"\"", "msgstr \"\"",
            "\"Project-Id-Version: Cairn 0.1.0\\n\"", "\"MIME-Version: 1.0\\n\"", "\"Content-Type: text/plain; charset=UTF-8\\n\"",
            "\"Content-Transfer-Encoding: 8bit\\n\"", "",
        ]
        for m in messages.sorted() {
            if m.id.contains("{") { out.append("#, python-brace-format") }
            if let c = m.context { out.append("msgctxt \(quoted(c))") }
            out.append("msgid \(quoted(m.id))")
            if let p = m.plural {
                out += ["msgid_plural \(quoted(p))", "msgstr[0] \"\"", "msgstr[1] \"\""]
            } else {
                out.append("msgstr \"\"")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    @Test func every_message_in_the_code_is_in_the_template() throws {
        let (messages, problems) = try Self.saidInCode()
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(!messages.isEmpty)
        let expected = Self.template(messages)
        let file = Self.po.appendingPathComponent("cairn.pot")
        if ProcessInfo.processInfo.environment["CAIRN_RECORD_MESSAGES"] == "1" {
            try expected.write(to: file, atomically: true, encoding: .utf8)
        }
        let held = try String(contentsOf: file, encoding: .utf8)
        #expect(
            held == expected, "Resources/po/cairn.pot is not what the code says: CAIRN_RECORD_MESSAGES=1 swift test --filter MessagesTests")
    }

    @Test(arguments: Language.supported.filter { $0 != .english })
    func every_catalogue_translates_every_message_with_its_placeholders(language: Language) throws {
        let (messages, _) = try Self.saidInCode()
        let catalogue = try Words.catalogue(for: language)
        let translated = catalogue.messages
        for m in messages {
            let forms = translated[Catalogue.Key(m.id, context: m.context)]
            #expect(forms != nil, "\(language): “\(m.id)” is not translated")
            #expect(
                forms?.count ?? 0 == (m.plural == nil ? 1 : catalogue.plural.count), "\(language): “\(m.id)” has the wrong number of forms")
            for form in forms ?? [] {
                #expect(
                    Self.placeholders(form) == Self.placeholders(m.id), "\(language): “\(form)” does not keep the placeholders of “\(m.id)”"
                )
            }
        }
        let said = Set(messages.map { Catalogue.Key($0.id, context: $0.context) })
        let stale = translated.keys.filter { !said.contains($0) }
        #expect(stale.isEmpty, "\(language) holds messages the code no longer says: \(stale.map(\.id))")
    }

    static func placeholders(_ s: String) -> Set<String> {
        var out: Set<String> = []
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    @Test func msgfmt_checks_every_catalogue() throws {
        let msgfmt = ["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
        try #require(msgfmt != nil || !inCI, "msgfmt (gettext) is not installed, and CI must check the catalogues with it")
        guard let msgfmt else { return }
        for language in Language.supported where language != .english {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: msgfmt)
            p.arguments = ["--check", "-o", "/dev/null", Self.po.appendingPathComponent("\(language.code).po").path]
            let err = Pipe()
            p.standardError = err
            try p.run()
            p.waitUntilExit()
            let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(p.terminationStatus == 0 && said.isEmpty, "msgfmt --check \(language.code).po: \(said)")
        }
    }

    /// translate-toolkit's checks that matter to a program: placeholders (`{name}`), printf
    /// conversions and variables the same in each translation as in its English.
    @Test func pofilter_finds_no_placeholder_mismatch_in_any_catalogue() throws {
        let pofilter = ["/usr/bin/pofilter", "/usr/local/bin/pofilter"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
        try #require(pofilter != nil || !inCI, "pofilter (translate-toolkit) is not installed, and CI must check the catalogues with it")
        guard let pofilter else { return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-pofilter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        for language in Language.supported where language != .english {
            let flagged = out.appendingPathComponent("\(language.code).po")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: pofilter)
            p.arguments = [
                "--progress=none", "-t", "printf", "-t", "pythonbraceformat", "-t", "variables",
                Self.po.appendingPathComponent("\(language.code).po").path, flagged.path,
            ]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "pofilter \(language.code).po failed")
            // pofilter writes a file only of the entries it flags.
            let said = (try? String(contentsOf: flagged, encoding: .utf8)) ?? ""
            let flags = said.split(separator: "\n").filter { $0.hasPrefix("# (pofilter)") }
            #expect(flags.isEmpty, "pofilter \(language.code).po: \(flags.joined(separator: "; "))")
        }
    }
}

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
    /// name a message otherwise than by a literal (which no catalogue could hold).
    static func saidInCode() throws -> (messages: Set<Said>, problems: [String]) {
        var messages: Set<Said> = []
        var problems: [String] = []
        let files = FileManager.default.enumerator(atPath: root.appendingPathComponent("Sources").path)!
        let literal = #""((?:[^"\\]|\\.)*)""#
        let say = try NSRegularExpression(pattern: #"Words\.say\(\s*"# + literal + #"(?:\s*,\s*context:\s*"# + literal + ")?")
        let count = try NSRegularExpression(
            pattern: #"Words\.count\(\s*"# + literal + #"\s*,\s*"# + literal + #"\s*,[^,)]+(?:,\s*context:\s*"# + literal + ")?")
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent("Sources/\(path)"), encoding: .utf8)
            let ns = text as NSString
            let all = NSRange(location: 0, length: ns.length)
            func group(_ m: NSTextCheckingResult, _ i: Int) -> String? {
                m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i))
            }
            var found = 0
            for m in say.matches(in: text, range: all) {
                found += 1
                messages.insert(Said(context: group(m, 2).map(unescape), id: unescape(group(m, 1)!), plural: nil))
            }
            for m in count.matches(in: text, range: all) {
                found += 1
                messages.insert(Said(context: group(m, 3).map(unescape), id: unescape(group(m, 1)!), plural: unescape(group(m, 2)!)))
            }
            let calls = text.components(separatedBy: "Words.say(").count - 1 + text.components(separatedBy: "Words.count(").count - 1
            if let data = saidOfData[path] {
                messages.formUnion(try data())
            } else if calls != found {
                problems.append("\(path): \(calls - found) message(s) not given as a plain string literal")
            }
            for m in messages where m.id.contains("\\(") { problems.append("\(path): “\(m.id)” interpolates: use {name} placeholders") }
        }
        return (messages, problems)
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
        for m in messages {
            let forms = catalogue.messages[Catalogue.Key(m.id, context: m.context)]
            #expect(forms != nil, "\(language): “\(m.id)” is not translated")
            #expect(
                forms?.count ?? 0 == (m.plural == nil ? 1 : catalogue.plural.count), "\(language): “\(m.id)” has the wrong number of forms")
            for form in forms ?? [] {
                #expect(
                    Self.placeholders(form) == Self.placeholders(m.id), "\(language): “\(form)” does not keep the placeholders of “\(m.id)”"
                )
            }
        }
        let stale = catalogue.messages.keys.filter { k in !messages.contains { $0.id == k.id && $0.context == k.context } }
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

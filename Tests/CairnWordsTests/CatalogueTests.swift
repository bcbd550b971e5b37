import Foundation
import Testing

@testable import CairnWords

@Suite struct CatalogueTests {
    static let polish = #"""
        # Polish, for a test.
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\n"
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

        #: Sources/CairnApp/Features/Home/HomeScreen.swift
        msgid "Schools"
        msgstr "Szkoły"

        msgctxt "tab"
        msgid "Checkpoints"
        msgstr "Punkty kontrolne"

        #, python-brace-format
        msgid "{count} school"
        msgid_plural "{count} schools"
        msgstr[0] "{count} szkoła"
        msgstr[1] "{count} szkoły"
        msgstr[2] "{count} szkół"

        #, fuzzy
        msgid "Agencies"
        msgstr "Instytucje"

        msgid "Untranslated"
        msgstr ""

        msgid ""
        "A message over "
        "two lines with \"quotes\"\n"
        msgstr "Wiadomość w \"cudzysłowie\"\n"
        """#

    @Test func a_po_file_gives_its_messages_contexts_and_plural_forms() throws {
        let c = try Catalogue(po: Self.polish, language: "pl")
        #expect(c.messages[.init("Schools")] == ["Szkoły"])
        #expect(c.messages[.init("Checkpoints", context: "tab")] == ["Punkty kontrolne"])
        #expect(c.messages[.init("Checkpoints")] == nil)
        #expect(c.messages[.init("{count} school")] == ["{count} szkoła", "{count} szkoły", "{count} szkół"])
        #expect(c.messages[.init("A message over two lines with \"quotes\"\n")] == ["Wiadomość w \"cudzysłowie\"\n"])
        // Fuzzy and untranslated entries show in English.
        #expect(c.messages[.init("Agencies")] == nil)
        #expect(c.messages[.init("Untranslated")] == nil)
        #expect(c.plural.count == 3)
        #expect([1, 2, 4, 5, 12, 22, 25, 101, 112, 122].map(c.plural.form) == [0, 1, 1, 2, 2, 1, 2, 2, 2, 1])
    }

    @Test func each_message_is_found_as_a_screen_asks_for_it_in_every_shipped_catalogue() throws {
        for language in Language.supported where language != .english {
            let c = try Words.catalogue(for: language)
            let all = c.messages
            #expect(all.count > 2000, "\(language)")
            #expect(c.count == all.count, "\(language): every message is translated")
            let unfound = all.filter { c.forms($0.key.id, context: $0.key.context) != $0.value }
            #expect(unfound.isEmpty, "\(language): \(unfound.keys.prefix(3))")
            #expect(c.forms("No such message in any catalogue") == nil)
            #expect(c.forms("Schools", context: "no such context") == nil)
        }
    }

    @Test func the_catalogues_are_read_beside_the_executable_as_the_bundle_has_them() throws {
        for language in Language.supported where language != .english {
            let beside = try #require(CatalogueFile.bytes(language.code), "\(language)")
            let url = try #require(Bundle.module.url(forResource: language.code, withExtension: "po", subdirectory: "po"))
            #expect(beside == [UInt8](try Data(contentsOf: url)), "\(language)")
        }
        #expect(CatalogueFile.bytes("xx") == nil)
        #expect(CatalogueFile.read("/proc/self") == nil)
    }

    @Test func a_key_hashes_the_same_however_its_bytes_come() {
        let key = Array("tab\u{4}Łódź: a key longer than a few words of eight bytes, \"quoted\"\n".utf8)
        var whole = KeyHash()
        key.withUnsafeBufferPointer { whole.add($0) }
        for i in 0...key.count {
            for j in i...key.count {
                // A run, then byte by byte, then a run: as a key split over lines with escapes is read.
                var split = KeyHash()
                key[..<i].withUnsafeBufferPointer { split.add($0) }
                for byte in key[i..<j] { split.add(byte) }
                key[j...].withUnsafeBufferPointer { split.add($0) }
                #expect(split.value == whole.value, "split at \(i) and \(j)")
            }
        }
        var shorter = KeyHash()
        key.dropLast().withUnsafeBufferPointer { shorter.add($0) }
        #expect(shorter.value != whole.value)
    }

    @Test func a_broken_catalogue_names_its_line() {
        #expect(throws: Catalogue.Problem.self) { try Catalogue(po: "msgid \"a\"\nmsgstr \"b\\q\"\n", language: "x") }
        do {
            _ = try Catalogue(po: "msgid \"a\"\nmsgstr \"b\"\nnonsense here\n", language: "x")
            Issue.record("a line that is no keyword was read")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test(arguments: [
        // Welsh's six forms, Icelandic's two (11 takes the plural), Slovenian-like four, Irish's five.
        (
            "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;", [0, 1, 2, 3, 6, 7, 11],
            [0, 1, 2, 3, 4, 5, 5]
        ),
        ("nplurals=2; plural=(n%10!=1 || n%100==11);", [1, 2, 11, 21, 111], [0, 1, 1, 0, 1]),
        ("nplurals=2; plural=(n != 1);", [0, 1, 2], [1, 0, 1]),
        ("nplurals=2; plural=(n > 1);", [0, 1, 2], [0, 0, 1]),
        ("nplurals=1; plural=0;", [0, 1, 5], [0, 0, 0]),
    ])
    func plural_rules_are_evaluated_as_gettext_does(rule: String, counts: [Int], forms: [Int]) throws {
        let r = try #require(PluralRule(header: rule))
        #expect(counts.map(r.form) == forms)
    }

    @Test func a_rule_that_is_no_expression_is_refused() {
        #expect(PluralRule(header: "nplurals=2; plural=(n != ;") == nil)
        #expect(PluralRule(header: "nplurals=2; plural=system(\"x\");") == nil)
        #expect(PluralRule(header: "plural=n;") == nil)
    }
}

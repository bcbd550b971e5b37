import Foundation
import Testing

@testable import CairnCore

@Suite struct TextTests {
    @Test func search_keys_fold_case_accents_and_stroked_letters() {
        #expect(Text.searchKey("Łódź") == "lodz")
        #expect(Text.searchKey("Þingeyjarskóli") == "thingeyjarskoli")
        #expect(Text.searchKey("Escola Básica de São João") == "escola basica de sao joao")
        #expect(Text.searchKey("Kāhui Ako") == "kahui ako")
        #expect(Text.searchKey("ØRESTAD") == "orestad")
    }

    @Test func stored_text_is_nfc_and_trimmed() {
        let decomposed = "Sa\u{0303}o Joa\u{0303}o"
        let cleaned = Text.clean("  \(decomposed)\t ")
        #expect(cleaned == "São João")
        #expect(cleaned.unicodeScalars.count == 8)
        #expect(Text.clean("a \n  b") == "a b")
        #expect(Text.cleanMultiline(" line 1\nline 2 ") == "line 1\nline 2")
    }

    @Test func plausible_email_addresses() {
        #expect(Text.isPlausibleEmail("office@tekao.school.nz"))
        #expect(Text.isPlausibleEmail("direção@escola.pt"))
        #expect(!Text.isPlausibleEmail("office"))
        #expect(!Text.isPlausibleEmail("office@school"))
        #expect(!Text.isPlausibleEmail("a b@school.nz"))
        #expect(!Text.isPlausibleEmail("@school.nz"))
        #expect(!Text.isPlausibleEmail("a@@school.nz"))
    }

    @Test func vocabulary_words_parse_loosely_and_refuse_with_the_list() throws {
        #expect(try Sector.parse("Local Authority", field: "sector") == .localAuthority)
        #expect(try Phase.parse("lower_secondary", field: "phase") == .lowerSecondary)
        #expect(throws: InputError.self) { try Level.parse("galactic", field: "level") }
    }
}

@Suite struct FoldTests {
    @Test func the_fast_fold_agrees_with_the_search_key() {
        for name in [
            "Łódź", "Þingeyjarskóli", "São João", "Kāhui Ako", "ØRESTAD", "Ærø", "Straße", "東京", "Αθήνα", "e\u{0301}cole", "Đakovo",
        ] {
            #expect(Text.folded(name) == Array(Text.searchKey(name).utf8), "\(name)")
        }
    }
}

/// An export shown on a terminal: what `Text.visible` escapes in a line, escaped alike in the
/// bytes, with the file's line ends kept.
@Suite struct VisibleBytesTests {
    @Test func controls_in_an_export_are_escaped_as_in_a_line_and_line_ends_stay() {
        let csv = "id,name\r\nsch-1,\"Evil\u{1B}]0;pwned\u{07} \u{9B}2J \u{202E}txt\u{2066}\"\r\nsch-2,\"two\nlines\ta\rb\u{7F}\"\r\n"
        let shown = String(decoding: Text.visible(utf8: Array(csv.utf8)), as: UTF8.self)
        #expect(
            shown
                == "id,name\r\nsch-1,\"Evil\\e]0;pwned\\u{7} \\u{9B}2J \\u{202E}txt\\u{2066}\"\r\nsch-2,\"two\nlines\\ta\\rb\\u{7F}\"\r\n")
        let plain = "Łódź, Þingeyjarskóli, 漢字 🙂 e\u{301} – “quoted” § ° \u{A0}\u{2028}\r\n"
        #expect(Text.visible(utf8: Array(plain.utf8)) == Array(plain.utf8))
    }

    /// Random text of the characters that matter and their neighbours in UTF-8; replay a
    /// failure with its seed.
    @Test(arguments: [UInt64(1), 2, 3, 0xC0FFEE])
    func any_text_without_a_return_is_escaped_as_visible_escapes_it(seed: UInt64) {
        print("seed \(seed)")
        var rng = SplitMix64(state: seed)
        let pool: [Unicode.Scalar] = [
            "a", "\n", "\t", "\u{0}", "\u{1B}", "\u{7}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}", "\u{A0}", "é", "\u{2029}", "\u{202A}",
            "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "–", "漢", "🙂",
        ]
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<Int.random(in: 0..<30, using: &rng) { s.unicodeScalars.append(pool.randomElement(using: &rng)!) }
            #expect(
                Text.visible(utf8: Array(s.utf8)) == Array(Text.visible(s, keepLineBreaks: true).utf8),
                "seed \(seed): \(s.debugDescription)")
        }
    }
}

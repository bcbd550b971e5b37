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

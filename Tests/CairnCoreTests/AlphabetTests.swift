import CairnWords
import Testing

@testable import CairnCore

/// Names on screen sort in the reader's alphabet; exports keep one order whatever the language.
@Suite struct AlphabetTests {
    static func shown(_ names: [String], _ code: String) -> [String] {
        NameOrder.shown(names, by: { $0 }, in: .of(Language(code)))
    }

    @Test func icelandic_puts_thorn_ash_and_o_umlaut_after_z_and_a_acute_after_a() {
        let names = ["Öxarfjarðarskóli", "Þingeyjarskóli", "Æfingaskóli", "Zontaskóli", "Álftanesskóli", "Borgarskóli", "Austurbæjarskóli"]
        #expect(
            Self.shown(names, "is") == [
                "Austurbæjarskóli", "Álftanesskóli", "Borgarskóli", "Zontaskóli", "Þingeyjarskóli", "Æfingaskóli", "Öxarfjarðarskóli",
            ])
        // The one order, which exports keep, folds Æ to `ae` and Þ to `th`.
        #expect(
            NameOrder.sorted(names, by: { $0 }) == [
                "Æfingaskóli", "Álftanesskóli", "Austurbæjarskóli", "Borgarskóli", "Öxarfjarðarskóli", "Þingeyjarskóli", "Zontaskóli",
            ])
    }

    @Test func polish_puts_l_stroke_after_l_and_z_dot_after_z_acute() {
        let names = ["Łódź", "Lublin", "Lwówek", "Żary", "Zamość", "Źródła", "Mława", "Ostrów", "Ósemka"]
        #expect(Self.shown(names, "pl") == ["Lublin", "Lwówek", "Łódź", "Mława", "Ostrów", "Ósemka", "Zamość", "Źródła", "Żary"])
        // The one order folds accents: Łódź sits among the Ls, Żary among the Zs.
        #expect(
            NameOrder.sorted(names, by: { $0 }) == ["Łódź", "Lublin", "Lwówek", "Mława", "Ósemka", "Ostrów", "Zamość", "Żary", "Źródła"])
    }

    @Test func welsh_reads_digraphs_as_letters() {
        let names = ["Llanelli", "Lydstep", "Caerdydd", "Chwilog", "Cwm", "Ffestiniog", "Fishguard", "Rhyl", "Rudry", "Tywyn", "Tharsis"]
        #expect(
            Self.shown(names, "cy") == [
                "Caerdydd", "Cwm", "Chwilog", "Fishguard", "Ffestiniog", "Lydstep", "Llanelli", "Rudry", "Rhyl", "Tywyn", "Tharsis",
            ])
    }

    @Test func finnish_and_norwegian_put_their_vowels_after_z_in_their_own_orders() {
        let names = ["Åbo", "Ähtäri", "Öja", "Zeta", "Aura"]
        #expect(Self.shown(names, "fi") == ["Aura", "Zeta", "Åbo", "Ähtäri", "Öja"])
        let norsk = ["Ål", "Ørsta", "Ætne", "Zeta", "Arendal"]
        #expect(Self.shown(norsk, "nb") == ["Arendal", "Zeta", "Ætne", "Ørsta", "Ål"])
    }

    @Test func a_letter_typed_with_a_combining_mark_sorts_as_the_letter() {
        let decomposed = "Z\u{0307}ary"  // Ż as Z plus a combining dot
        #expect(Self.shown([decomposed, "Źródła", "Zamość"], "pl") == ["Zamość", "Źródła", decomposed])
    }

    @Test func languages_without_letters_of_their_own_keep_the_one_order() {
        let names = ["Óbidos", "Oeiras", "Évora", "Elvas", "Þingeyjarskóli", "漢字学校", "Lisboa 2", "Lisboa 10"]
        for code in ["en", "pt", "fr", "de", "nl"] {
            #expect(Self.shown(names, code) == NameOrder.sorted(names, by: { $0 }), "\(code)")
        }
    }

    @Test func names_of_plain_letters_keep_the_one_order_in_every_alphabet() {
        // Welsh's digraphs aside, a name of ASCII letters, digits and signs weighs as it folds.
        let names = ["lisboa 10", "Lisboa 2", "LISBOA-NORTE", "Oeiras", "o'Neill", "Braga (EB1)", "braga", "Zeta", "42 School", "ak"]
        for code in ["is", "pl", "fi", "nb"] {
            #expect(Self.shown(names, code) == NameOrder.sorted(names, by: { $0 }), "\(code)")
        }
    }

    @Test func the_session_alphabet_follows_the_language_spoken() throws {
        let names = ["Łódź", "Lublin", "Mława"]
        let polish = try Words.speaking(Language("pl")) { NameOrder.shown(names, by: { $0 }) }
        let english = try Words.speaking(.english) { NameOrder.shown(names, by: { $0 }) }
        #expect(polish == ["Lublin", "Łódź", "Mława"])
        #expect(english == ["Łódź", "Lublin", "Mława"])
    }
}

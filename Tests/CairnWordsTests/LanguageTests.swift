import Testing

@testable import CairnWords

@Suite struct LanguageTests {
    @Test func the_flag_then_cairn_lang_then_language_then_the_locale_variables_choose() {
        let env = ["CAIRN_LANG": "nl", "LANGUAGE": "pl:de", "LC_ALL": "fi_FI.UTF-8", "LANG": "fr_BE.UTF-8"]
        #expect(Language.chosen(flag: "pt", environment: env).code == "pt")
        #expect(Language.chosen(flag: nil, environment: env).code == "nl")
        #expect(Language.chosen(flag: nil, environment: env.filter { $0.key != "CAIRN_LANG" }).code == "pl")
        #expect(Language.chosen(flag: nil, environment: ["LANGUAGE": "xx:is_IS", "LANG": "C.UTF-8"]).code == "is")
        #expect(Language.chosen(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "cy_GB.UTF-8", "LANG": "de_DE"]).code == "cy")
        #expect(Language.chosen(flag: nil, environment: ["LANG": "nb_NO.UTF-8"]).code == "nb")
        #expect(Language.chosen(flag: nil, environment: ["LANG": "no_NO"]).code == "nb")
        #expect(Language.chosen(flag: nil, environment: ["LANG": "C.UTF-8"]).code == "en")
        #expect(Language.chosen(flag: nil, environment: ["LANG": "ja_JP.UTF-8"]).code == "en")
        #expect(Language.chosen(flag: nil, environment: [:]).code == "en")
        // A flag Cairn does not speak falls to the environment rather than to nothing.
        #expect(Language.chosen(flag: "tlh", environment: ["LANG": "pt_PT.UTF-8"]).code == "pt")
    }

    @Test func words_speak_the_chosen_language_fill_placeholders_and_count_by_its_rule() throws {
        try Words.speaking(Language("pt")) {
            #expect(Words.language.code == "pt")
            #expect(Words.say("Map the stakeholders") == "Mapear os parceiros")
            #expect(Words.say("Step {step} of 4", ["step": "2"]) == "Passo 2 de 4")
        }
        // Not in the catalogue: English, placeholders filled.
        #expect(Words.fill("Nothing here {x}", ["x": "Łódź"]) == "Nothing here Łódź")
        #expect(Words.fill("a {brace", ["brace": "x"]) == "a {brace")
        #expect(Words.say("Map the stakeholders") == "Map the stakeholders")
        #expect(Words.fill("{count} schools", ["count": "5"]) == "5 schools")
    }

    @Test func every_language_cairn_speaks_has_its_catalogue_in_the_build() throws {
        for language in Language.supported where language != .english {
            let c = try Words.catalogue(for: language)
            #expect(!c.messages.isEmpty, "\(language)")
        }
    }
}

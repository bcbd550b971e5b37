import CairnWords
import Testing

@testable import CairnCore

/// Date words are typed in the session's language as well as in English.
@Suite struct DayWordsTests {
    static let today = Day(iso: "2026-03-10")!

    static func parse(_ text: String, _ code: String) throws -> String {
        try Words.speaking(Language(code)) { try DayInput.parse(text, today: today).description }
    }

    @Test(arguments: [
        ("pt", "hoje", "2026-03-10"), ("pt", "amanhã", "2026-03-11"), ("pt", "amanha", "2026-03-11"), ("pt", "+2s", "2026-03-24"),
        ("nl", "morgen", "2026-03-11"), ("nl", "gisteren", "2026-03-09"), ("pl", "dziś", "2026-03-10"), ("pl", "dzisiaj", "2026-03-10"),
        ("pl", "jutro", "2026-03-11"), ("pl", "+1t", "2026-03-17"), ("fi", "huomenna", "2026-03-11"), ("fi", "+3p", "2026-03-13"),
        ("fi", "+1k", "2026-04-10"), ("is", "á morgun", "2026-03-11"), ("is", "Í DAG", "2026-03-10"), ("cy", "yfory", "2026-03-11"),
        ("nb", "i går", "2026-03-09"), ("nb", "+1u", "2026-03-17"), ("fr", "demain", "2026-03-11"), ("fr", "+3j", "2026-03-13"),
        ("fr", "aujourd'hui", "2026-03-10"), ("de", "übermorgen", ""), ("de", "heute", "2026-03-10"), ("de", "+3t", "2026-03-13"),
    ])
    func a_date_word_in_the_session_language_names_its_day(code: String, typed: String, day: String) throws {
        if day.isEmpty {
            #expect(throws: InputError.self) { try Self.parse(typed, code) }
        } else {
            #expect(try Self.parse(typed, code) == day)
        }
    }

    @Test(arguments: ["pt", "pl", "fi", "cy", "de"])
    func english_words_still_work_in_every_language(code: String) throws {
        #expect(try Self.parse("tomorrow", code) == "2026-03-11")
        #expect(try Self.parse("+2w", code) == "2026-03-24")
        #expect(try Self.parse("-3d", code) == "2026-03-07")
    }

    @Test func another_language_s_words_are_not_dates_here() {
        #expect(throws: InputError.self) { try Self.parse("amanhã", "pl") }
        #expect(throws: InputError.self) { try Self.parse("+2s", "en") }
    }

    @Test func the_hint_shows_the_session_s_words() throws {
        let hint = try Words.speaking(Language("pt")) { DayInput.hint }
        #expect(hint.contains("hoje") && hint.contains("amanhã") && hint.contains("+2s"), "\(hint)")
        #expect(try Words.speaking(.english) { DayInput.hint } == "use YYYY-MM-DD, today, tomorrow, +3d, +2w or +1m")
    }
}

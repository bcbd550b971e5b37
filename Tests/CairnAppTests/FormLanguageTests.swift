import CairnCore
import CairnWords
import TermUI
import Testing

@testable import CairnApp

/// Forms, their errors, the questions over them and the pickers speak the session's language:
/// labels, hints, choices, footers and messages, laid out at 64x20 and 80x24 without a word cut.
@Suite struct FormLanguageTests {
    static let sizes = ProjectorTests.sizes
    static let rooms = [Language("pt"), Language("pl"), Language("cy")]

    /// Every form, question and picker of this slice, reached by keys from Home.
    static let screens: [(String, [Key])] = [
        ("new cluster", [.char("a")]),
        ("new cluster refused", [.char("a"), .enter]),
        ("new school", [.char("2"), .char("a")]),
        ("new agency", [.char("3"), .char("a")]),
        ("new checkpoint from Home", [.char("4"), .char("a")]),
        ("new checkpoint", [.enter, .tab, .char("a")]),
        ("new goal refused", [.enter, .tab, .tab, .char("a"), .enter]),
        ("new action", [.enter, .tab, .tab, .tab, .char("a")]),
        ("new health check", [.enter, .tab, .tab, .tab, .tab, .char("a")]),
        ("a form's keys", [.char("a"), .char("?")]),
        ("discard what was typed", [.char("a"), .char("x"), .escape]),
        ("member picker", [.enter, .char("a")]),
        ("member picker, a school picked", [.enter, .char("a"), .char("S"), .char("z"), .char("k"), .enter]),
        ("join picker", [.char("2"), .char("J")]),
        ("link picker", [.char("2"), .enter, .char("l")]),
        ("new link", [.char("2"), .enter, .char("l"), .enter]),
    ]

    /// The keys' names, which stay as the keyboard prints them.
    static let keyNames: Set<String> = ["enter", "esc", "tab", "space", "ctrl", "pgdn", "pgup", "shift"]

    @Test(arguments: rooms, sizes)
    func every_form_question_and_picker_leaves_no_english_word(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            let forbidden = try ChromeLanguageTests.englishOnly(in: language).subtracting(Self.keyNames)
            #expect(forbidden.contains("required") && forbidden.contains("save"), "\(forbidden.sorted())")
            for (name, keys) in Self.screens {
                var app = Fixture.app(width: size.0, height: size.1)
                for key in keys { app.settle(app.press(key)) }
                var text = app.render().text
                // A question drawn over a form is read alone: the labels it covers show cut.
                if let overlay = app.overlay {
                    var alone = Canvas(width: size.0, height: size.1)
                    overlay.render(into: &alone, area: Rect(x: 0, y: 1, width: size.0, height: size.1 - 2), app.env)
                    text = alone.text + "\n" + app.render().row(size.1 - 1)
                }
                // Every field in turn: each one's hint and choice show when it has the focus.
                for _ in 0..<(app.topForm?.fields.count ?? 0) {
                    app.press(.tab)
                    text += "\n" + app.render().text
                }
                let left = Set(ChromeLanguageTests.words(text)).intersection(forbidden)
                #expect(left.isEmpty, "\(language) \(name) at \(size): \(left.sorted())\n\(text)")
            }
        }
    }

    @Test(arguments: rooms, sizes)
    func a_forms_labels_hints_and_choices_are_whole_and_its_footer_is_bindings(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            for (name, keys) in Self.screens {
                var app = Fixture.app(width: size.0, height: size.1)
                for key in keys { app.settle(app.press(key)) }
                guard app.top.screen is FormScreen else { continue }
                let count = try #require(app.topForm).fields.count
                for _ in 0..<count {
                    let form = try #require(app.topForm)
                    let field = form.fields[form.focus]
                    let canvas = app.render()
                    let shown = Set(canvas.text.split(whereSeparator: \.isWhitespace).map(String.init))
                    var said = field.label + " " + (form.errors[field.key] ?? field.hint)
                    if case .choice = field.kind { said += " " + field.shownValue }
                    for word in said.split(whereSeparator: \.isWhitespace).map(String.init) {
                        #expect(shown.contains(word), "\(language) \(name) at \(size), \(field.key): “\(word)” is cut\n\(canvas.text)")
                    }
                    let screen = try app.topScreen(FormScreen.self)
                    ChromeLanguageTests.expectWholeFooter(canvas.row(size.1 - 1), screen.allBindings(app.env), "\(language) \(name)")
                    app.press(.tab)
                }
            }
        }
    }

    @Test func a_choice_shows_the_polish_label_stores_the_key_and_a_letter_finds_it_by_either() throws {
        try Words.speaking(Language("pl")) {
            var app = Fixture.app()
            app.press(.enter, .tab, .tab, .tab, .char("a"))
            let at = try #require(app.topForm?.fields.firstIndex { $0.key == "class" })
            for _ in 0..<at { app.press(.tab) }
            #expect(app.render().text.contains("‹ profilaktyka ›"), "\(app.render().text)")
            app.press(.char("k"))  // kompensacja: the label's letter, not the key's
            #expect(app.topForm?.value("class") == "compensation")
            #expect(app.render().text.contains("‹ kompensacja ›"))
            app.press(.char("i"))  // interwencja and intervention alike
            #expect(app.topForm?.value("class") == "intervention")
            app.press(.char("m"))  // monitoring, the label and the key
            #expect(app.topForm?.value("class") == "monitoring")
        }
    }

    @Test func a_described_choice_and_a_set_show_portuguese_words_and_store_the_keys() throws {
        try Words.speaking(Language("pt")) {
            var app = Fixture.app()
            app.press(.char("3"), .char("a"))
            let sector = try #require(app.topForm?.fields.first { $0.key == "sector" })
            #expect(sector.shownValue == "saúde" && sector.value == "health")
            var school = Fixture.app()
            school.press(.char("2"), .char("a"), .tab, .tab)
            #expect(school.topForm?.focus == 2 && school.topForm?.fields[2].key == "phases")
            school.press(.char("p"))
            let phases = try #require(school.topForm?.fields[2])
            let options: [String] = {
                if case .multi(let o) = phases.kind { return o }
                return []
            }()
            let chosen = try #require(options.indices.contains(phases.index) ? options[phases.index] : nil)
            let label = try #require(Phase(rawValue: chosen)?.label)
            #expect(label.lowercased().hasPrefix("p") || chosen.hasPrefix("p"), "\(chosen): \(label)")
            #expect(school.render().text.contains(label), "\(school.render().text)")
            school.press(.char(" "))
            #expect(school.topForm?.value("phases") == chosen)
        }
    }

    @Test func a_date_typed_as_the_languages_today_is_read() throws {
        try Words.speaking(Language("pl")) {
            let today = try DayInput.parse("dziś", today: Fixture.today)
            let tomorrow = try DayInput.parse("Jutro", today: Fixture.today)
            let yesterday = try DayInput.parse("yesterday", today: Fixture.today)
            #expect(today == Fixture.today && tomorrow == Fixture.today.adding(days: 1))
            #expect(yesterday == Fixture.today.adding(days: -1))
            #expect(throws: InputError.self) { try DayInput.parse("wczorajszy", today: Fixture.today) }
            let refused = #expect(throws: InputError.self) { try DayInput.parse("kiedyś", today: Fixture.today) }
            #expect(refused?.message == "„kiedyś” to nie data: użyj RRRR-MM-DD, dziś, jutro, +3d, +2t lub +1m")
        }
    }

    @Test func a_refused_form_says_why_in_welsh_beside_the_field_and_on_the_status_line() throws {
        try Words.speaking(Language("cy")) {
            var app = Fixture.app(width: 80, height: 24)
            app.press(.char("a"), .enter)
            let text = app.render().text
            #expect(text.contains("✗ mae angen enw"), "\(text)")
            #expect(app.status?.text == "Heb ei gadw: mae angen enw")
            #expect(app.topForm?.title == "Clwstwr newydd")
        }
    }

    @Test func a_run_of_saves_counts_its_schools_in_polish_plural_forms() throws {
        try Words.speaking(Language("pl")) {
            var app = Fixture.app()
            app.press(.char("2"), .char("a"))
            var said: [String] = []
            for n in 1...5 {
                app.type("Szkoła nr \(n)")
                app.settle(app.press(.ctrl("n")))
                said.append(app.status?.text ?? "")
            }
            #expect(said[0] == "Zapisano „Szkoła nr 1”. Następny: (1 szkoła w tej serii)")
            #expect(said[1] == "Zapisano „Szkoła nr 2”. Następny: (2 szkoły w tej serii)")
            #expect(said[3] == "Zapisano „Szkoła nr 4”. Następny: (4 szkoły w tej serii)")
            #expect(said[4] == "Zapisano „Szkoła nr 5”. Następny: (5 szkół w tej serii)")
        }
    }

    @Test func a_save_says_what_it_did_in_polish_and_the_store_keeps_english_keys() throws {
        try Words.speaking(Language("pl")) {
            var app = Fixture.app()
            app.press(.char("3"), .char("a"))
            app.type("Poradnia Psychologiczno-Pedagogiczna")
            app.settle(app.press(.enter))
            #expect(app.status?.text == "Dodano: instytucja „Poradnia Psychologiczno-Pedagogiczna”")
            let agency = try #require(app.world.agencies.values.first { $0.name.hasPrefix("Poradnia") })
            #expect(agency.sector == .health)
        }
    }
}

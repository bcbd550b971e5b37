import CairnCore
import CairnWords
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// Home and a cluster's screen speak the session's language: tab bars, column titles, footers,
/// help, the title bar and the status line, laid out at 64x20 and 80x24 without a word cut.
@Suite struct ChromeLanguageTests {
    static let sizes = ProjectorTests.sizes
    static let rooms = [Language("pt"), Language("pl")]

    /// Every screen of this slice, reached by keys from Home: Home's four tabs, a cluster's eight.
    static func screens() -> [(String, [Key])] {
        var out: [(String, [Key])] = (1...4).map { ("home tab \($0)", [Key.char(Character("\($0)"))]) }
        out += [("home's tree", [.char("t")]), ("home filtered to nothing", [.char("/"), .char("z"), .char("q"), .enter])]
        out += ClusterTab.allCases.map { ("cluster tab \($0.rawValue + 1)", [Key.enter] + Array(repeating: Key.tab, count: $0.rawValue)) }
        return out
    }

    /// The words of the catalogue's English messages that none of its translations uses: one of
    /// them on a screen is a message left in English.
    static func englishOnly(in language: Language) throws -> Set<String> {
        let catalogue = try Words.catalogue(for: language)
        let english = Set(catalogue.messages.keys.flatMap { words($0.id) })
        let translated = Set(catalogue.messages.values.flatMap { $0.flatMap(words) })
        return english.subtracting(translated).subtracting(dataAndDomain)
    }

    /// Words of at least three letters, lowercased; a `{placeholder}`'s name is no word.
    static func words(_ text: String) -> [String] {
        let said = text.replacingOccurrences(of: #"\{[a-zA-Z]+\}"#, with: " ", options: .regularExpression)
        return said.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 }
    }

    /// What the fixture's records say (names, roles, titles); the domain's own words (kinds,
    /// sectors, phases, statuses, gaps and the coverage's sentences), which the vocabulary's
    /// catalogue translates, not the chrome's; the marks in a list's cells (`LEAD`, `! none`),
    /// which a list writes to CSV the same in every language; and the keys' names (Home, Tab, Space, End).
    static let dataAndDomain: Set<String> = Set(
        words(
            """
            Agrupamento Escolas Óbidos Portree Learning Community Transition visits Planning day notes feeder primary convenes the
            network Highland Oeste Câmara Municipal São João Básica Szkoła Podstawowa Łodzi Þingeyjarskóli macleod school agency
            cluster formal local authority overdue upcoming done soon due assessed not
            health are absent locally no agreement monitoring how often all meet they report checkpoint was
            lead none home tab space end
            """))

    @Test(arguments: rooms, sizes)
    func home_and_a_cluster_leave_no_english_chrome_word(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            let forbidden = try Self.englishOnly(in: language)
            #expect(forbidden.contains("filter") && forbidden.count > 50, "\(forbidden.sorted())")
            for (name, keys) in Self.screens() {
                var app = Fixture.app(width: size.0, height: size.1)
                for key in keys { app.press(key) }
                var text = app.render().text
                app.press(.char("?"))
                text += app.render().text
                let left = Set(Self.words(text)).intersection(forbidden)
                #expect(left.isEmpty, "\(language) \(name) at \(size): \(left.sorted())\n\(text)")
            }
        }
    }

    @Test(arguments: rooms, sizes)
    func the_title_bar_and_status_line_say_their_words_and_counts_in_the_language(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            var app = Fixture.app(width: size.0, height: size.1)
            app.env.sinceLastOpen = SinceLastOpen(at: "2026-11-20T14:02:00Z", changes: 5)
            app.env.readOnly = "a read-only mount"
            app.press(.char("2"), .char("/"), .char("o"))
            let canvas = app.render()
            let when = ["when": app.env.sinceLastOpen!.when]
            let news = [
                Words.count("{count} change by others since {when} · L lists", "{count} changes by others since {when} · L lists", 5, when),
                Words.count("{count} new since {when} · L", "{count} new since {when} · L", 5, when),
                Words.count("{count} new · L", "{count} new · L", 5),
            ]
            let title = canvas.row(0)
            #expect(title.contains(Words.say("READ-ONLY: nothing can be saved")), "\(title)")
            #expect(size.0 < 80 || news.contains { title.contains($0) }, "\(title)")
            let status = canvas.row(size.1 - 2)
            #expect(status.hasPrefix(Words.say("Filter:") + " "), "\(status)")
            let list = app.home.list
            #expect(
                status.contains(Words.say("{shown}/{total} · Esc clears", ["shown": String(list.visible.count), "total": "3"])), "\(status)"
            )
        }
    }

    @Test(arguments: Language.supported, sizes)
    func every_language_keeps_homes_tab_titles_and_footer_whole(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            for tab in 1...4 {
                var app = Fixture.app(width: size.0, height: size.1)
                app.press(.char(Character("\(tab)")))
                let canvas = app.render()
                let w = app.world
                let titles = HomeScreen.tabTitles(
                    counts: [w.clusters.count, w.schools.count, w.agencies.count, w.checkpoints.count], width: size.0)
                for title in titles { #expect(canvas.row(1).contains(title), "\(language) tab \(tab): \(canvas.row(1))") }
                Self.expectWholeFooter(canvas.row(size.1 - 1), app.home.allBindings(app.env), "\(language) home tab \(tab)")
            }
        }
    }

    @Test(arguments: Language.supported)
    func every_language_keeps_national_counts_in_homes_tabs_at_64_columns(language: Language) throws {
        try Words.speaking(language) {
            let counts = [3000, 25000, 5000, 100_000]
            let titles = HomeScreen.tabTitles(counts: counts, width: 64)
            #expect(titles.reduce(0) { $0 + DisplayWidth.of($1) + 5 } - 1 <= 64, "\(language): \(titles)")
            for (title, count) in zip(titles, counts) { #expect(title.hasSuffix("(\(count))"), "\(language): \(titles)") }
        }
    }

    @Test(arguments: Language.supported, sizes)
    func every_language_keeps_a_clusters_tab_titles_and_footer_whole(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            for tab in ClusterTab.allCases {
                var app = Fixture.app(width: size.0, height: size.1)
                app.press(.enter)
                for _ in 0..<tab.rawValue { app.press(.tab) }
                let screen = try app.topScreen(ClusterScreen.self)
                let canvas = app.render()
                let summary = try #require(screen.summary)
                let bar = canvas.row(5)
                for title in screen.tabTitles(summary, width: size.0) {
                    #expect(bar.contains(title), "\(language) \(tab) at \(size): \(bar)")
                }
                #expect(DisplayWidth.of(bar.trimmingCharacters(in: .whitespaces)) <= size.0)
                // The header's counts keep their words at the line's end, the last its gaps.
                let gaps = summary.gaps == 0 ? Words.say("no gaps") : Words.count("{count} gap", "{count} gaps", summary.gaps)
                #expect(canvas.row(3).trimmingCharacters(in: .whitespaces).hasSuffix(gaps), "\(language): \(canvas.row(3))")
                Self.expectWholeFooter(canvas.row(size.1 - 1), screen.allBindings(app.env), "\(language) cluster \(tab)")
            }
        }
    }

    /// The footer is `key label` pairs two spaces apart: each one drawn is a binding's whole.
    static func expectWholeFooter<A>(_ footer: String, _ bindings: [KeyBinding<A>], _ name: String) {
        let whole = Set(bindings.map { "\($0.label) \($0.help)" })
        let pairs = footer.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(!pairs.isEmpty, "\(name): an empty footer")
        for pair in pairs { #expect(whole.contains(pair), "\(name): “\(pair)” is cut or no binding's: \(footer)") }
    }

    @Test func t_on_home_opens_the_languages_each_named_in_itself_and_enter_asks_to_speak_one() throws {
        try Words.speaking(.english) {
            var app = Fixture.app(width: 64, height: 20)
            app.press(.char("T"))
            let text = app.render().text
            for name in [
                "English", "Português", "Nederlands", "Polski", "Suomi", "Íslenska", "Cymraeg", "Norsk bokmål", "Français", "Deutsch",
            ] {
                #expect(text.contains(name), "\(text)")
            }
            #expect(text.contains("> ✓ English"), "\(text)")
            app.press(.char("j"), .char("j"), .char("j"))
            let effects = app.press(.enter)
            #expect(effects == [.speak(Language("pl"))])
            #expect(app.top.screen is HomeScreen)
        }
    }

    @Test func the_language_changed_rebuilds_every_list_and_draws_every_screen_in_it() throws {
        var app = Fixture.app()
        app.press(.enter)
        let before = try app.topScreen(ClusterScreen.self).lists[0].builtFrom
        try Words.speaking(Language("pl")) {
            _ = app.send(.languageChanged(Language("pl")))
            #expect(app.env.language == Language("pl"))
            let after = try app.topScreen(ClusterScreen.self).lists[0].builtFrom
            #expect(after != before)
            let cluster = app.render().text
            #expect(cluster.contains("Członkowie (2)") && cluster.contains("Lider:") && cluster.contains("? pomoc"), "\(cluster)")
            app.press(.char("q"))
            let home = app.render().text
            #expect(home.contains("Sieci (2)") && home.contains("Enter otwórz"), "\(home)")
        }
    }

    @Test func a_list_written_to_csv_keeps_its_english_name_and_header_in_every_language() throws {
        try Words.speaking(Language("pl")) {
            var app = Fixture.app()
            app.press(.char("2"))
            let written = app.press(.char("W")).compactMap { effect -> ListCSV? in
                if case .writeListCSV(let csv) = effect { return csv }
                return nil
            }
            let csv = try #require(written.first)
            #expect(csv.name == "schools")
            #expect(csv.header == ["School", "Official id", "Phases", "Municipality"])
        }
    }
}

import CairnCore
import CairnWords
import TermUI
import Testing

@testable import CairnApp

/// Every screen beyond Home and a cluster's tabs speaks the session's language: a checkpoint, a
/// school, an agency, a goal, a history and a change whole, the conflicts, the import, the
/// examples, the workshop's steps, the pagers, the language picker and the too-small screen,
/// each with its help page, laid out at 64x20 and 80x24 with footers whole.
@Suite struct ScreensLanguageTests {
    static let rooms = [Language("pt"), Language("pl"), Language("cy"), Language("fi")]

    /// The fixture with what the goal, health and history screens show: a goal measured twice,
    /// a health check, and what a register's preview and the examples hold. Their texts are a
    /// room's data (Portuguese here), not Cairn's words.
    static func world() -> World {
        var w = Fixture.world()
        w.apply([
            .put(
                .goal(
                    Goal(
                        id: "gol-1", cluster: "clu-pt", statement: "Reduzir o abandono escolar precoce", indicator: "taxa de abandono",
                        unit: "%", baseline: 14, baselineDate: Day(iso: "2025-09-01")!, target: 8, deadline: Day(iso: "2027-07-31")!))),
            .put(.measurement(Measurement(id: "mea-1", goal: "gol-1", value: 12.5, date: Day(iso: "2026-01-15")!, by: "ana"))),
            .put(.measurement(Measurement(id: "mea-2", goal: "gol-1", value: 11, date: Day(iso: "2026-06-15")!, by: "rui"))),
            .put(
                .assessment(
                    Assessment(
                        id: "ass-1", cluster: "clu-pt", date: Day(iso: "2026-10-01")!, by: "ana",
                        ratings: [HealthItem.allCases[0]: 3, HealthItem.allCases[1]: 2],
                        notes: [HealthItem.allCases[0]: "reuniões regulares"]))),
        ])
        return w
    }

    static let preview: ImportPreview = {
        var p = ImportPreview(
            format: "UTF-8", header: ["Código", "Nome", "Tipo", "Concelho", "Pré-escolar"],
            sample: [["171", "Escola Básica de Óbidos", "EB1", "Óbidos", "sim"]], fields: ["officialId", "name", "phases", "municipality"],
            mapping: ["officialId": 0, "name": 1, "phases": 2], counts: "", changes: 3)
        p.phaseWords = [.init(word: "EB1", phases: ["primary"], rows: 2), .init(word: "Artística", phases: nil, rows: 1)]
        p.yesNoColumns = [.init(column: 4, phases: [], yes: 2)]
        p.skipped = ["171"]
        p.duplicates = ["Escola Básica de Óbidos"]
        return p
    }()

    static let history = [
        HistoryEntry(
            at: "2026-11-21T09:14:03.120Z", by: "rui", host: "escola-pc", source: "rede.csv", record: "chk-1", kind: .checkpoint, op: .edit,
            fields: [.init(name: "due", old: .string("2026-11-03"), new: .string("2026-11-10"))], event: "ev-2"),
        HistoryEntry(
            at: "2026-11-02T16:40:00.000Z", by: "ana", host: "portátil", source: "rede.csv", record: "chk-1", kind: .checkpoint,
            op: .create, fields: [.init(name: "title", old: .null, new: .string("Reunião trimestral"))], event: "ev-1"),
    ]

    /// Each screen of this slice, reached by keys from Home (and, where the run loop answers,
    /// by its answer delivered as it would be).
    static func screens() -> [(String, (inout AppState) -> Void)] {
        [
            ("an open checkpoint", { $0.press(.char("4"), .enter) }),
            ("a checkpoint ticked off", { $0.press(.char("4"), .char("G"), .enter) }),
            ("a school", { $0.press(.char("2"), .enter) }),
            ("an agency", { $0.press(.char("3"), .enter) }),
            ("the conflicts", { $0.press(.char("C")) }),
            ("the language picker", { $0.press(.char("T")) }),
            ("a goal", { $0.press(.enter, .tab, .tab, .enter) }),
            ("about the cluster", { $0.press(.enter, .char("i")) }),
            ("a health check whole", { $0.press(.enter, .tab, .tab, .tab, .tab, .enter) }),
            ("the import's prompt", { $0.press(.char("i")) }),
            (
                "the import's preview",
                {
                    $0.press(.char("i"))
                    $0.reply(.importPreviewed(preview))
                }
            ),
            (
                "a record's history",
                {
                    $0.press(.char("4"))
                    _ = $0.send(
                        .open(ScreenBox(HistoryScreen(title: "Reunião trimestral", entries: history, oneRecord: true)), from: .home))
                }
            ),
            (
                "a change whole",
                {
                    _ = $0.send(
                        .open(ScreenBox(HistoryScreen(title: "Reunião trimestral", entries: history, oneRecord: false)), from: .home))
                    $0.press(.enter)
                }
            ),
            (
                "the examples of actions",
                {
                    $0.press(.enter, .char("w"), .char("3"), .char("I"))
                    $0.reply(
                        .inspirationRead(
                            Inspiration(actions: [.init(description: "Tutoria entre pares", actionClass: .prevention, sectors: [])])))
                }
            ),
        ] + (1...4).map { step in ("workshop step \(step)", { $0.press(.enter, .char("w"), .char(Character("\(step)"))) }) }
    }

    /// The fixture's words of data and the domain's, as for Home (the End key's name among them);
    /// a record's id (`chk-1`), which a change whole names; and the words of the rule book's gap
    /// sentences that the workshop lists as still missing (`World.gaps`), which CairnCore says
    /// through its own catalogue entries; and the register's field keys the import screen maps
    /// (`phases`, `municipality`), which `cairn import --map FIELD=N` takes as they are.
    static let exempt: Set<String> = ChromeLanguageTests.dataAndDomain.union(
        ChromeLanguageTests.words("chk goal action plan evaluated phases municipality"))

    @Test(arguments: rooms, ChromeLanguageTests.sizes)
    func every_screen_and_its_help_leave_no_english_word_and_cut_no_footer(language: Language, size: (Int, Int)) throws {
        try Words.speaking(language) {
            let forbidden = try ChromeLanguageTests.englishOnly(in: language).subtracting(Self.exempt)
            #expect(forbidden.contains("measurements") && forbidden.count > 50, "\(forbidden.sorted())")
            for (name, reach) in Self.screens() {
                var app = Fixture.app(Self.world(), width: size.0, height: size.1)
                app.env.syncLine = SyncLine(unsent: 3, lastSynced: "2026-11-20T14:02:33.120Z")
                reach(&app)
                let canvas = app.render()
                Self.expectWholeFooter(canvas.row(size.1 - 1), app.top.screen, app.env, "\(language) \(name) at \(size)")
                var text = canvas.text
                app.press(.char("?"))
                text += app.render().text
                let left = Set(ChromeLanguageTests.words(text)).intersection(forbidden)
                #expect(left.isEmpty, "\(language) \(name) at \(size): \(left.sorted())\n\(text)")
            }
        }
    }

    /// The footer drawn is pairs of a key and its whole label, none of them cut.
    static func expectWholeFooter<S: Screen>(_ footer: String, _ screen: S, _ env: AppEnvironment, _ name: String) {
        ChromeLanguageTests.expectWholeFooter(footer, screen.allBindings(env), name)
    }

    @Test(arguments: rooms)
    func the_title_bars_sync_line_and_the_too_small_screen_speak_the_language(language: Language) throws {
        try Words.speaking(language) {
            let forbidden = try ChromeLanguageTests.englishOnly(in: language).subtracting(Self.exempt)
            var app = Fixture.app(Self.world())
            app.env.syncLine = SyncLine(unsent: 3, lastSynced: "2026-11-20T14:02:33.120Z")
            let title = app.render().row(0)
            #expect(title.contains(Words.count("{count} unsent", "{count} unsent", 3)), "\(title)")
            #expect(Set(ChromeLanguageTests.words(title)).isDisjoint(with: forbidden), "\(title)")
            let small = Fixture.app(Self.world(), width: 50, height: 12).render().text
            #expect(Set(ChromeLanguageTests.words(small)).isDisjoint(with: forbidden), "\(small)")
        }
    }

    @Test func english_stays_the_words_the_screens_said_before() throws {
        try Words.speaking(.english) {
            var app = Fixture.app(Self.world())
            app.press(.char("4"), .char("G"), .enter)
            let checkpoint = app.render().text
            #expect(checkpoint.contains("Done on") && checkpoint.contains("e corrects the day it was done"), "\(checkpoint)")
            #expect(SyncLine(unsent: 3, lastSynced: "2026-11-20T14:02:33.120Z").text(compact: false) == "3 unsent · synced 11-20 14:02")
            #expect(CalendarWords.saved(path: "/r/c.ics", items: 1) == "Calendar saved (1 date): /r/c.ics")
            let whole = HistoryText.whole(Self.history[0], in: app.world)
            #expect(whole.prefix(2) == ["When     2026-11-21 09:14:03 UTC", "Who      rui"])
        }
    }
}

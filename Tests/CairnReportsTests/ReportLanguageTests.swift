import CairnCore
import CairnStore
import CairnWords
import Foundation
import Testing

@testable import CairnReports

/// Every report, the plan and every published page, written in each room's language, leave no
/// English word of their own behind: what is left in English is the data (names, titles,
/// notes) and the domain's sentences that other catalogues translate.
@Suite struct ReportLanguageTests {
    static let rooms = Language.supported.filter { $0 != .english }
    let today = Day(iso: "2026-11-22")!
    let made = Date(timeIntervalSince1970: 1_795_357_320)

    func examples() throws -> World {
        var w = World()
        w.apply(try Examples.changes(for: w, today: today, user: "t"))
        return w
    }

    /// The English words of the messages reports, the plan, the site and the charts say.
    static func forbidden(in language: Language) throws -> Set<String> {
        let catalogue = try Words.catalogue(for: language)
        let ours: Set<String?> = ["report", "plan", "site", "chart", "month in a date", "period name"]
        let english = Set(catalogue.messages.keys.filter { ours.contains($0.context) }.flatMap { words($0.id) })
        let translated = Set(catalogue.messages.values.flatMap { $0.flatMap(words) })
        return english.subtracting(translated)
    }

    /// Words of at least three letters, lower case; a `{placeholder}`'s name is no word, nor
    /// is markup (`<h2 class="gap">`) or an attribute's value.
    static func words(_ text: String) -> [String] {
        let said = text.replacingOccurrences(
            of: #"<style>[^<]*</style>|\{[a-zA-Z]+\}|<[^>]*>|&[a-z]+;"#, with: " ", options: .regularExpression)
        return said.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 }
    }

    /// What the world's records say, and the sentences the domain's catalogue says for it
    /// (gaps, coverage, the weakest point), which reports quote.
    func data(_ w: World) throws -> Set<String> {
        // The export's values, not its keys (`checkpoints`, `overdue`), which no page shows.
        var text = String(decoding: try JSONExport.data(w), as: UTF8.self)
            .replacingOccurrences(of: #""[a-zA-Z]+":"#, with: " ", options: .regularExpression)
        for id in w.clusters.keys {
            text += " " + w.gaps(in: id, on: today).map(\.message).joined(separator: " ")
            text += " " + w.coverage(of: id).gapSentences.joined(separator: " ")
            text += " " + w.health(of: id, on: today).weakestPoint
        }
        text += " " + w.rollUp(.store, on: today, period: .quarter).current.coverage.gapSentences.joined(separator: " ")
        return Set(Self.words(text))
    }

    /// Everything Cairn writes for people about `w`: each cluster's report and plan, the whole
    /// store's and each region's roll-up, and every page of the site.
    func everything(_ w: World) -> [(String, String)] {
        var out: [(String, String)] = []
        for id in w.clusters.keys.sorted() {
            out.append(("report \(id)", MarkdownReport.cluster(id, world: w, today: today)))
            out.append(("plan \(id)", HTMLReport.plan(id, world: w, today: today, made: made)))
            out.append(("as of \(id)", MarkdownReport.render(Report.cluster(id, world: w, today: today)!.asRecorded(by: today))))
        }
        out.append(("store", MarkdownReport.render(Report.store(world: w, today: today))))
        out.append(("store by year", MarkdownReport.render(Report.store(world: w, today: today, period: .year))))
        for region in Set(w.clusters.values.map(\.region)) where !region.isEmpty {
            out.append(("region \(region)", HTMLReport.region(region, world: w, today: today)))
        }
        for page in Site.make(world: w, today: today, made: made).pages { out.append((page.file, page.html)) }
        return out
    }

    @Test(arguments: rooms)
    func every_report_plan_and_page_leaves_no_english_word_of_its_own(language: Language) throws {
        let w = try examples()
        let data = try data(w)
        try Words.speaking(language) {
            let forbidden = try Self.forbidden(in: language).subtracting(data)
            #expect(forbidden.contains("stakeholders") && forbidden.count > 50, "\(forbidden.sorted())")
            for (name, text) in everything(w) {
                let left = Set(Self.words(text)).intersection(forbidden)
                #expect(left.isEmpty, "\(language) \(name): \(left.sorted())")
            }
        }
    }

    @Test func english_reports_still_say_their_english_words() throws {
        let w = try examples()
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        let text = MarkdownReport.cluster(gent.id, world: w, today: today)
        #expect(text.contains("Monitoring report of 22 November 2026 · stakeholder network"), "\(text.prefix(300))")
        #expect(text.contains("## Members") && text.contains("| Member | Type | Role | Responsibilities | Lead |"))
        #expect(HTMLReport.plan(gent.id, world: w, today: today, made: made).contains("lang=\"en\""))
    }

    @Test(arguments: rooms)
    func a_page_says_the_language_it_is_written_in(language: Language) throws {
        let w = try examples()
        let gent = try w.findCluster("Lokaal netwerk Gent tegen vroegtijdig schoolverlaten")
        try Words.speaking(language) {
            #expect(HTMLReport.plan(gent.id, world: w, today: today, made: made).contains("lang=\"\(language.code)\""))
            for page in Site.make(world: w, today: today, made: made).pages {
                #expect(page.html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.code)\">"), "\(page.file)")
            }
        }
    }

    @Test func a_date_in_words_names_its_month_in_the_language() throws {
        let day = Day(iso: "2026-11-22")!
        #expect(Report.inWords(day) == "22 November 2026")
        let said = try Language.supported.filter { $0 != .english }.map { l in try Words.speaking(l) { (l.code, Report.inWords(day)) } }
        let expected = [
            "pt": "22 de novembro de 2026", "nl": "22 november 2026", "pl": "22 listopada 2026", "fi": "22. marraskuuta 2026",
            "is": "22. nóvember 2026", "cy": "22 Tachwedd 2026", "nb": "22. november 2026", "fr": "22 novembre 2026",
            "de": "22. November 2026",
        ]
        #expect(Dictionary(uniqueKeysWithValues: said) == expected)
    }

    @Test func polish_counts_take_their_three_forms() throws {
        var figures = World().rollUp(.store, on: today, period: .quarter).current
        (figures.clusters, figures.schools, figures.agencies) = (1, 2, 5)
        try Words.speaking(Language("pl")) { #expect(Report.counted(figures) == "1 sieć, 2 szkoły, 5 instytucji") }
        (figures.clusters, figures.schools, figures.agencies) = (22, 12, 21)
        try Words.speaking(Language("pl")) { #expect(Report.counted(figures) == "22 sieci, 12 szkół, 21 instytucji") }
        try Words.speaking(Language("is")) { #expect(Report.counted(figures) == "22 klasar, 12 skólar, 21 stofnun") }
    }
}

import CairnWords
import Testing

@testable import CairnCore

/// The rule book's and the framework's sentences are whole messages in the session's language:
/// what a save says, why it is refused, the gaps and the coverage, with each language's plurals.
@Suite struct DomainSentencesLanguageTests {
    static let today = Day(iso: "2026-11-22")!
    var author: Author { Author(user: "ana", today: Self.today) }

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-a", name: "Sieć Bałuty", region: "Łódź"))),
            .put(.agency(Agency(id: "agy-h", name: "Przychodnia", sector: .health, level: .regional))),
            .put(.membership(Membership(id: "mem-h", cluster: "clu-a", memberType: .agency, memberId: "agy-h"))),
            .put(.goal(Goal(id: "gol-1", cluster: "clu-a", statement: "Mniej wagarów"))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-a", title: "Zebranie", due: Self.today))),
        ])
        for n in 1...5 { w.apply(.put(.school(School(id: "sch-\(n)", name: "Szkoła nr \(n)")))) }
        return w
    }

    @Test func a_tick_and_a_save_say_what_they_did_in_polish_and_the_same_words_in_english() throws {
        let w = world()
        let tick = DomainOperation.tick(checkpoint: "chk-1", evidence: "protokół", on: Self.today.adding(days: -2))
        let polish = try Words.speaking(Language("pl")) { try w.perform(tick, by: author).summary }
        #expect(polish == "Odhaczono „Zebranie” jako wykonane dnia 2026-11-20")
        let english = try Words.speaking(.english) { try w.perform(tick, by: author).summary }
        #expect(english == "Ticked “Zebranie” as done on 2026-11-20")
        let added = try Words.speaking(Language("de")) {
            try w.perform(.add(.school(School(id: "sch-9", name: "Grundschule Esch"))), by: author).summary
        }
        #expect(added == "Hinzugefügt: Schule „Grundschule Esch“")
    }

    @Test func joining_five_schools_counts_them_in_polishs_third_form_and_welshs_other() throws {
        let w = world()
        let plan = w.joinPlan((1...5).map { "sch-\($0)" }, to: "clu-a")
        let polish = try Words.speaking(Language("pl")) { plan.summary(in: w, moving: false) }
        #expect(polish == "Dołączono do „Sieć Bałuty”: 5 szkół")
        let two = w.joinPlan(["sch-1", "sch-2"], to: "clu-a")
        #expect(try Words.speaking(Language("pl")) { two.summary(in: w, moving: false) } == "Dołączono do „Sieć Bałuty”: 2 szkoły")
        let welsh = try Words.speaking(Language("cy")) { plan.summary(in: w, moving: false) }
        #expect(welsh == "Ychwanegwyd at “Sieć Bałuty”: 5 ysgol")
    }

    @Test func a_goals_gap_names_what_it_lacks_in_one_sentence_and_coverage_says_whos_absent() throws {
        let w = world()
        let gaps = try Words.speaking(Language("pt")) { w.gaps(in: "clu-a", on: Self.today).map(\.message) }
        #expect(gaps.contains("ao objetivo “Mniej wagarów” faltam um indicador, uma meta e um prazo"), "\(gaps)")
        let english = try Words.speaking(.english) { w.gaps(in: "clu-a", on: Self.today).map(\.message) }
        #expect(english.contains("goal “Mniej wagarów” lacks an indicator, a target and a deadline"), "\(english)")
        let coverage = try Words.speaking(Language("pl")) { w.coverage(of: "clu-a").gapSentences }
        #expect(coverage.contains("ochrona zdrowia: brak na poziomie lokalnym (obecny na poziomie: regionalny)"), "\(coverage)")
    }

    @Test func a_refusal_and_a_fields_label_and_yes_speak_the_language_while_values_keep_their_keys() throws {
        let w = world()
        let refused = try Words.speaking(Language("fr")) {
            #expect(throws: Refusal.self) { try w.perform(.add(.school(School(id: "sch-8", name: ""))), by: author) }
        }
        #expect(refused?.message == "un nom est requis")
        let label = try Words.speaking(Language("de")) {
            RecordFields.fields(of: .school).first { $0.name == "officialId" }?.label
        }
        #expect(label == "Amtliche Kennung")
        let lead = try Words.speaking(Language("pl")) {
            try RecordFields.set("lead", to: "tak", in: .membership(w.memberships["mem-h"]!), today: Self.today)
        }
        #expect(RecordFields.value("lead", of: lead) == .bool(true))
        let sector = try Words.speaking(Language("pl")) {
            try RecordFields.set("sector", to: "social-care", in: .agency(w.agencies["agy-h"]!), today: Self.today)
        }
        #expect(RecordFields.value("sector", of: sector) == .string("social-care"))
    }
}

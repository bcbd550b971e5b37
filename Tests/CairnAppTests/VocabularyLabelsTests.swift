import CairnCore
import CairnWords
import TermUI
import Testing

@testable import CairnApp

/// A cluster's tabs show the domain's words in the session's language, each whole (a table
/// sizes its columns by what they hold).
@Suite struct VocabularyLabelsTests {
    struct Expected: Sendable, CustomStringConvertible {
        var language: String
        /// The cluster's kind and formality over the tabs, and the member types.
        var members: [String]
        /// Sectors in the coverage matrix (local authority is the fixture agency's).
        var coverage: [String]
        /// Phases of the learning journey.
        var journey: [String]
        var description: String { language }
    }

    static let expected = [
        Expected(
            language: "pt", members: ["agrupamento · formal", "escola", "entidade"],
            coverage: ["educação", "saúde", "ação social", "autarquia"], journey: ["pré-escolar", "1.º e 2.º ciclos", "3.º ciclo"]),
        Expected(
            language: "pl", members: ["zespół szkół · formalna", "szkoła", "partner"],
            coverage: ["oświata", "ochrona zdrowia", "pomoc społeczna", "samorząd"],
            journey: ["przedszkole", "szkoła podstawowa", "SP klasy VII–VIII"]),
    ]

    @Test(arguments: expected)
    func a_cluster_s_members_coverage_and_journey_tabs_speak_the_room_s_language(_ e: Expected) throws {
        try Words.speaking(Language(e.language)) {
            var w = Fixture.world()
            w.apply(.put(.membership(Membership(id: "mem-3", cluster: "clu-pt", memberType: .school, memberId: "sch-3"))))
            var app = Fixture.app(w)
            app.press(.enter)
            let members = app.render().text
            for word in e.members { #expect(members.contains(word), "\(e): “\(word)” on Members:\n\(members)") }
            let agencyRow = members.split(separator: "\n").first { $0.hasPrefix("> Câmara Municipal de Óbidos") }
            #expect(agencyRow?.contains(e.members[2]) == true && agencyRow?.contains("agency") == false, "\(e): \(members)")
            for _ in 0..<6 { app.press(.tab) }
            let onJourney = try app.topScreen(ClusterScreen.self).tab
            #expect(onJourney == .journey)
            let journey = app.render().text
            for word in e.journey { #expect(journey.contains(word), "\(e): “\(word)” on Journey:\n\(journey)") }
            app.press(.backTab)
            let onCoverage = try app.topScreen(ClusterScreen.self).tab
            #expect(onCoverage == .coverage)
            let coverage = app.render()
            for word in e.coverage {
                #expect(
                    coverage.text.split(separator: "\n").contains { $0.hasPrefix("  \(word) ") || $0.hasPrefix("> \(word) ") },
                    "\(e): “\(word)” whole on Coverage:\n\(coverage.text)")
            }
            #expect(!coverage.text.contains("social care"))
        }
    }
}

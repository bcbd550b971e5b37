import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// A school's screen lists what it feeds and what feeds it, its predecessors and successors,
/// after its groupings; Enter on one opens the school at the link's other end.
@Suite struct LinkScreenTests {
    @Test func a_schools_screen_lists_its_feeds_and_lineage_and_enter_opens_the_other_school() throws {
        var w = Fixture.world()
        w.apply([
            .put(.link(Link(id: "lnk-1", from: "sch-1", to: "sch-3", relation: .feeds, phases: [.primary, .lowerSecondary]))),
            .put(.link(Link(id: "lnk-2", from: "sch-2", to: "sch-1", relation: .feeds))),
            .put(.link(Link(id: "lnk-3", from: "sch-2", to: "sch-1", relation: .lineage, on: Day(iso: "2024-09-01"), how: .merged))),
        ])
        var app = Fixture.app(w)
        app.press(.char("2"), .enter)  // Schools → Escola Básica de São João
        #expect(try app.topScreen(RecordScreen.self).id == "sch-1")
        let screen = app.render().text
        #expect(screen.contains("Member of, and linked to"), "\(screen)")
        for line in [
            "Þingeyjarskóli", "feeds", "primary → lower secondary", "Szkoła Podstawowa nr 3", "fed by", "succeeded (merged)", "2024-09-01",
        ] {
            #expect(screen.contains(line), "\(line) in \(screen)")
        }
        let record = try app.topScreen(RecordScreen.self)
        #expect(record.clusters.rows.map(\.id) == ["clu-pt", "lnk-1", "lnk-2", "lnk-3"])
        app.press(.char("j"))
        #expect(app.render().text.contains("Enter open school"))
        app.press(.enter)
        #expect(try app.topScreen(RecordScreen.self).id == "sch-3")
        #expect(app.render().text.contains("fed by"), "the other school sees the link from its side")
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// The cluster's Path tab: its schools by phase, where each goes on to, and a phase no school
/// teaches; Enter opens a school, and a broken path among the gaps leads here.
@Suite struct JourneyTabTests {
    @Test func the_path_tab_lays_schools_out_by_phase_with_where_they_go_on_to() throws {
        var w = Fixture.world()
        w.apply([
            .put(.school(School(id: "sch-9", name: "Escola Secundária de Óbidos", phases: [.upperSecondary]))),
            .put(.membership(Membership(id: "mem-9", cluster: "clu-pt", memberType: .school, memberId: "sch-9"))),
            .put(.link(Link(id: "lnk-1", from: "sch-1", to: "sch-3", relation: .feeds))),
        ])
        var app = Fixture.app(w)
        app.press(.enter, .backTab, .backTab)  // Agrupamento de Escolas de Óbidos, Path
        #expect(try app.topScreen(ClusterScreen.self).tab == .journey)
        let screen = app.render().text
        for text in [
            "[Path]", "early childhood", "Escola Básica de São João", "Þingeyjarskóli (outside)", "lower secondary",
            "no school", "the path breaks here", "upper secondary", "Escola Secundária de Óbidos",
        ] {
            #expect(screen.contains(text), "\(text) in \(screen)")
        }
        // A feed that names no phase starts from the school's last: not its early-years row.
        let rows = try app.topScreen(ClusterScreen.self).list.rows
        #expect(rows.first { $0.id == "early-childhood|sch-1" }?.cells[2] == "")
        #expect(rows.first { $0.id == "primary|sch-1" }?.cells[2] == "Þingeyjarskóli (outside)")
        app.press(.enter)
        #expect(try app.topScreen(RecordScreen.self).id == "sch-1")

        // Among the gaps, the broken path leads to this tab.
        app.press(.char("q"), .tab)
        let gaps = try app.topScreen(ClusterScreen.self)
        #expect(gaps.tab == .gaps)
        let row = try #require(gaps.list.rows.firstIndex { $0.cells[0] == "path breaks" })
        for _ in 0..<row { app.press(.char("j")) }
        app.press(.enter)
        #expect(try app.topScreen(ClusterScreen.self).tab == .journey)
    }
}

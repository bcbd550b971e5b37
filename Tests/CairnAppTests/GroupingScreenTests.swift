import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// A cluster within a grouping, on screen: the member picker offers clusters too (never the
/// cluster itself, nor one it is within), and Enter on a member cluster opens its screen.
@Suite struct GroupingScreenTests {
    @Test func a_cluster_is_picked_as_a_member_of_another_and_opens_from_its_members() throws {
        var app = Fixture.app()
        app.press(.enter, .char("a"))  // Home → Agrupamento de Escolas de Óbidos → add a member
        let picker = try app.topScreen(PickerScreen.self)
        #expect(picker.list.rows.contains { $0.id == "clu-sc" && $0.cells[1] == "cluster" })
        #expect(!picker.list.rows.contains { $0.id == "clu-pt" }, "a cluster is never offered to itself")
        app.type("portree")
        #expect(app.render().text.contains("Portree Learning Community"))
        app.press(.enter)
        #expect(app.topForm?.title == "Portree Learning Community in Agrupamento de Escolas de Óbidos")
        app.settle(app.press(.enter))
        let m = try #require(app.world.members(of: "clu-pt").first { $0.memberId == "clu-sc" })
        #expect(m.memberType == .cluster)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-pt")
        #expect(app.render().text.contains("1 cluster · "))

        // Portree cannot now take the agrupamento in: it would be within itself.
        let offered = PickerScreen.rows(app.world, cluster: "clu-sc")
        #expect(!offered.contains { $0.id == "clu-pt" })

        // Down the members to the cluster, then Enter: its own screen.
        for _ in 0..<10 where try app.topScreen(ClusterScreen.self).lists[ClusterTab.members.rawValue].selectedRow?.id != m.id {
            app.press(.char("j"))
        }
        #expect(try app.topScreen(ClusterScreen.self).lists[ClusterTab.members.rawValue].selectedRow?.id == m.id)
        app.press(.enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-sc")
        #expect(app.render().text.contains("Portree Learning Community"))
    }
}

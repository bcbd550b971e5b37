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

    @Test func a_schools_screen_shows_every_grouping_it_belongs_to_with_its_period() throws {
        var w = Fixture.world()
        let day = Fixture.today
        w.apply([
            .put(.membership(Membership(id: "mem-g", cluster: "clu-sc", memberType: .cluster, memberId: "clu-pt"))),
            .put(
                .membership(Membership(id: "mem-old", cluster: "clu-sc", memberType: .school, memberId: "sch-1", role: "visitor", to: day))),
        ])
        var edited = try #require(w.memberships["mem-1"])
        edited.from = Day(iso: "2025-09-01")
        w.apply(.put(.membership(edited)))
        let rows = RecordScreen.memberOf("sch-1", in: w)
        #expect(rows.map(\.id) == ["clu-pt", "clu-sc"], "each grouping once: the one it left is reached through its cluster")
        #expect(rows[0].cells == ["Agrupamento de Escolas de Óbidos", "", "feeder primary", "since 2025-09-01"])
        #expect(rows[1].cells == ["Portree Learning Community", "", "through Agrupamento de Escolas de Óbidos", ""])

        // Left, and in no grouping above: said with the day it left.
        w.apply(.delete(.membership, id: "mem-g"))
        let after = RecordScreen.memberOf("sch-1", in: w)
        #expect(after.map { $0.cells.last } == ["since 2025-09-01", "left \(day)"])
        let app = Fixture.app(w)
        var record = RecordScreen(type: .school, id: "sch-1")
        record.refresh(app.env)
        var canvas = Canvas(width: 80, height: 24)
        record.render(into: &canvas, area: Rect(x: 0, y: 1, width: 80, height: 22), app.env)
        let screen = canvas.text
        #expect(screen.contains("left \(day)") && screen.contains("Period"), "\(screen)")
    }

    @Test func a_groupings_members_tab_shows_each_member_clusters_own_status_and_enter_opens_it() throws {
        var app = Fixture.app(GroupingTreeTests.world())
        app.press(.char("/"))
        app.type("northern")
        app.press(.enter, .enter)
        let screen = try app.topScreen(ClusterScreen.self)
        #expect(screen.clusterID == "clu-na" && screen.tab == .members)
        let rows = screen.lists[ClusterTab.members.rawValue].visibleRows
        let gaps = app.world.gaps(in: "clu-sc", on: Fixture.today).count
        #expect(gaps > 0)
        let portree = try #require(rows.first { $0.id == "mem-na2" })
        #expect(
            portree.cells == ["Portree Learning Community", "cluster", "", "", "2.8", "strong leadership (1)", "· 2027-01-20", "\(gaps)"])
        let agrupamento = try #require(rows.first { $0.id == "mem-na1" })
        #expect(agrupamento.cells[4...6] == ["—", "not assessed", "! 1 overdue"])
        let school = try #require(rows.first { $0.id == "mem-na3" })
        #expect(school.cells.count == 4, "a school has no status of its own here")

        let canvas = app.render()
        let header = canvas.row(6)
        #expect(
            header.contains("Hlth") && header.contains("Weakest point") && header.contains("Next due") && header.contains("Gaps"),
            "\(header)")
        let line = try #require((0..<canvas.height).map(canvas.row).first { $0.contains("Portree Learning") })
        #expect(line.contains("2.8 strong leadership") && line.contains("· 2027-01-20"), "\(line)")
        expectSnapshot(canvas, "grouping-members")

        // Enter on a member cluster opens it, as before.
        for _ in 0..<5 where try app.topScreen(ClusterScreen.self).lists[ClusterTab.members.rawValue].selectedRow?.id != "mem-na2" {
            app.press(.char("j"))
        }
        app.press(.enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-sc")
        // A cluster that groups none keeps its columns: the role, no status.
        #expect(app.render().row(6).contains("Role") && !app.render().row(6).contains("Hlth"))
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// Home's Clusters tab as a tree of groupings (`t`): groupings with their member clusters
/// beneath, folded with ← and unfolded with →, each grouping's row rolling up what is within it.
@Suite struct GroupingTreeTests {
    /// The fixture's two clusters in the Northern Alliance, the agrupamento in Rede Oeste too; a
    /// school in both clusters; Portree's leadership rated 1; an overdue checkpoint of the alliance.
    static func world() -> World {
        var w = Fixture.world()
        let day = Fixture.today
        var ratings: [HealthItem: Int] = [:]
        for item in HealthItem.allCases { ratings[item] = 3 }
        ratings[.leadership] = 1
        w.apply([
            .put(.cluster(Cluster(id: "clu-na", name: "Northern Alliance", kind: .regionalCollaborative, level: .regional))),
            .put(.cluster(Cluster(id: "clu-ro", name: "Rede Oeste", kind: .network))),
        ])
        w.apply([
            .put(.membership(Membership(id: "mem-na1", cluster: "clu-na", memberType: .cluster, memberId: "clu-pt"))),
            .put(.membership(Membership(id: "mem-na2", cluster: "clu-na", memberType: .cluster, memberId: "clu-sc"))),
            .put(.membership(Membership(id: "mem-na3", cluster: "clu-na", memberType: .school, memberId: "sch-3"))),
            .put(.membership(Membership(id: "mem-ro1", cluster: "clu-ro", memberType: .cluster, memberId: "clu-pt"))),
            .put(.membership(Membership(id: "mem-sc1", cluster: "clu-sc", memberType: .school, memberId: "sch-1"))),
            .put(.membership(Membership(id: "mem-sc2", cluster: "clu-sc", memberType: .school, memberId: "sch-2"))),
            .put(.assessment(Assessment(id: "ass-sc", cluster: "clu-sc", date: day.adding(days: -7), by: "m.macleod", ratings: ratings))),
            .put(.checkpoint(Checkpoint(id: "chk-na", cluster: "clu-na", title: "Attendance returns", due: day.adding(days: -21)))),
        ])
        return w
    }

    /// The text of the tree's rows as the list holds them, the name's cell first.
    static func names(_ app: AppState) -> [String] { app.home.lists[HomeScreen.treeList].visibleRows.map { $0.cells[0] } }

    @Test func t_shows_each_grouping_with_its_clusters_beneath_counted_once_and_the_weakest_within() throws {
        var app = Fixture.app(Self.world())
        app.press(.char("t"))
        #expect(app.home.showsTree)
        #expect(
            Self.names(app) == [
                "▾ Northern Alliance", "    Agrupamento de Escolas de Óbidos", "    Portree Learning Community", "▾ Rede Oeste",
                "    Agrupamento de Escolas de Óbidos",
            ], "a cluster in two groupings is listed under each")
        let canvas = app.render()
        let alliance = try #require((0..<canvas.height).map(canvas.row).first { $0.contains("▾ Northern Alliance") })
        // Two clusters; three schools, the one in both clusters once; the weakest is Portree's
        // leadership; the alliance's own overdue checkpoint and the agrupamento's: two.
        #expect(alliance.contains(" 2 "), "\(alliance)")
        #expect(alliance.contains(" 3 "), "\(alliance)")
        #expect(alliance.contains("strong leadership (1)"), "\(alliance)")
        #expect(alliance.contains("! 2 overdue"), "\(alliance)")
        let row = try #require(app.home.lists[HomeScreen.treeList].visibleRows.first)
        #expect(row.cells == ["▾ Northern Alliance", "2", "3", "2.8", "strong leadership (1) · Portree Learning Community", "! 2 overdue"])
        let portree = app.home.lists[HomeScreen.treeList].visibleRows[2]
        #expect(portree.cells == ["    Portree Learning Community", "", "2", "2.8", "strong leadership (1)", "· 2027-01-20"])
        #expect(canvas.row(2).contains("Clu") && canvas.row(2).contains("Sch"))
        #expect(canvas.row(23).contains("t flat") && canvas.row(23).contains("u undo"), "the footer names the key: \(canvas.row(23))")
        expectSnapshot(canvas, "home-tree")

        app.press(.char("?"))
        let help = try app.topScreen(HelpScreen.self)
        #expect(help.lines.contains { $0.keys == "t" })
        #expect(help.lines.contains { $0.keys.contains("←") && $0.help == "fold / unfold" })
        app.press(.escape)

        // And back: the flat list, which names the key too.
        app.press(.char("t"))
        #expect(!app.home.showsTree)
        #expect(app.render().row(3).contains("Agrupamento de Escolas") && app.render().row(23).contains("t tree"))
    }

    @Test func left_folds_and_goes_up_right_unfolds_and_goes_down_and_enter_opens_the_cluster() throws {
        var app = Fixture.app(Self.world())
        app.press(.char("t"))
        #expect(app.home.selected == "clu-na/clu-pt", "the cluster selected in the flat list stays selected, at its first place")
        app.press(.char("j"))
        #expect(app.home.selectedRecord == "clu-sc")
        #expect(app.home.selected == "clu-na/clu-sc")
        app.press(.left)
        #expect(app.home.selected == "clu-na", "← on a cluster goes up to its grouping")
        app.press(.left)
        #expect(Self.names(app) == ["▸ Northern Alliance", "▾ Rede Oeste", "    Agrupamento de Escolas de Óbidos"])
        #expect(app.render().text.contains("▸ Northern Alliance"))
        app.press(.right)
        #expect(Self.names(app).count == 5)
        app.press(.right)
        #expect(app.home.selected == "clu-na/clu-pt", "→ on an open grouping goes down to its first cluster")
        app.press(.enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-pt")
        app.press(.char("q"))
        // Enter on a grouping opens the grouping.
        app.press(.char("g"), .enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-na")
    }

    @Test func a_filter_finds_a_cluster_in_a_folded_grouping_shows_its_path_and_esc_unfolds_to_it() throws {
        var app = Fixture.app(Self.world())
        app.press(.char("t"), .char("g"), .left)  // the alliance folded
        #expect(Self.names(app).count == 3)
        app.press(.char("/"))
        app.type("PORTREE")
        // The alliance matches too: its weakest point names Portree.
        #expect(Self.names(app) == ["Northern Alliance", "Northern Alliance › Portree Learning Community"])
        #expect(app.render().text.contains("Northern Alliance › Port"))
        app.press(.down, .enter)  // the match, and the filter kept
        #expect(app.home.selectedRecord == "clu-sc")
        app.press(.escape)
        #expect(Self.names(app).count == 5, "the grouping of the match chosen is unfolded")
        #expect(app.home.selected == "clu-na/clu-sc")
        app.press(.char("/"))
        app.type("oeste")
        #expect(Self.names(app) == ["Rede Oeste", "Rede Oeste › Agrupamento de Escolas de Óbidos"])
        app.press(.enter, .enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-ro")
    }

    @Test func the_tree_stays_for_the_session_across_tabs_screens_and_changes() throws {
        var app = Fixture.app(Self.world())
        app.press(.char("t"), .char("g"), .left, .char("2"), .char("1"))
        #expect(app.home.showsTree && Self.names(app).first == "▸ Northern Alliance")
        app.press(.char("j"), .enter, .char("q"))
        #expect(app.home.showsTree && app.home.selected == "clu-ro")
        // A change of the world rebuilds the tree and keeps what was folded.
        var w = app.world
        w.apply(.put(.cluster(Cluster(id: "clu-new", name: "Łódź Bałuty", kind: .network))))
        _ = app.send(.worldChanged(w))
        #expect(Self.names(app) == ["  Łódź Bałuty", "▸ Northern Alliance", "▾ Rede Oeste", "    Agrupamento de Escolas de Óbidos"])
        #expect(app.home.selected == "clu-ro")
    }

    @Test func the_tree_waits_for_the_whole_store_and_says_so() throws {
        let w = Self.world()
        var app = AppState(
            world: World(), today: Fixture.today, user: "ana", width: 80, height: 24, ids: .seeded(42), firstLook: w.firstLook)
        #expect(app.render().text.contains("Northern Alliance"), "the first frame lists the clusters as before")
        app.press(.char("t"))
        #expect(app.render().text.contains("Reading the whole store: the tree of groupings shows once it is read."))
        app.takeWholeWorld(w)
        #expect(Self.names(app).first == "▾ Northern Alliance")
        #expect(app.render().text.contains("▾ Northern Alliance"))
    }

    @Test func s_sorts_each_level_of_the_tree_weakest_first() {
        var app = Fixture.app(Self.world())
        app.press(.char("t"), .char("s"))
        #expect(
            Self.names(app)[0...2] == ["▾ Northern Alliance", "    Portree Learning Community", "    Agrupamento de Escolas de Óbidos"])
    }

    /// 3,000 clusters under 20 collaboratives, each with two schools and an overdue checkpoint.
    static func nationalWorld() -> World {
        var w = World()
        let day = Fixture.today
        var changes: [Change] = []
        for g in 1...20 {
            let gid = "clu-g\(g)"
            changes.append(.put(.cluster(Cluster(id: gid, name: "Collaborative \(g < 10 ? "0" : "")\(g)", kind: .regionalCollaborative))))
            for c in 1...150 {
                let cid = "clu-\(g)-\(c)"
                changes.append(.put(.cluster(Cluster(id: cid, name: "Cluster \(g)-\(c)"))))
                changes.append(.put(.membership(Membership(id: "mem-\(cid)", cluster: gid, memberType: .cluster, memberId: cid))))
                for s in 1...2 {
                    let sid = "sch-\(g)-\(c)-\(s)"
                    changes.append(.put(.school(School(id: sid, name: "School \(g)-\(c)-\(s)"))))
                    changes.append(.put(.membership(Membership(id: "mem-\(sid)", cluster: cid, memberType: .school, memberId: sid))))
                }
                changes.append(.put(.checkpoint(Checkpoint(id: "chk-\(cid)", cluster: cid, title: "Meeting", due: day.adding(days: -1)))))
            }
        }
        w.apply(changes)
        return w
    }

    @Test func on_3000_clusters_under_20_collaboratives_keys_only_choose_among_rows_built_once() throws {
        var app = Fixture.app(Self.nationalWorld())
        app.press(.char("t"))
        let tree = try #require(app.home.groupingTree)
        #expect(tree.entries.count == 3_020)
        let first = try #require(app.home.lists[HomeScreen.treeList].visibleRows.first)
        #expect(first.cells == ["▾ Collaborative 01", "150", "300", "—", "not assessed", "! 150 overdue"])

        // A world that is not the one the rows were built from, at the same revision on the
        // same day: were the tree built again on a key, its rows would be gone.
        var other = World()
        other.revision = app.world.revision
        app.env.world = other
        app.press(.char("g"), .left, .char("j"), .right, .char("G"), .left, .char("g"))
        app.press(.char("/"))
        app.type("cluster 7-15")
        #expect(Self.names(app).contains("Collaborative 07 › Cluster 7-150"))
        app.press(.escape, .char("2"), .char("1"))
        #expect(app.home.groupingTree == tree)
        #expect(Self.names(app).count == 3_020 - 150, "the first collaborative folded")
    }
}

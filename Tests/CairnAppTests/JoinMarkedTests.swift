import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `J` joins the marked schools, agencies or clusters to a cluster chosen by typing: one
/// commit, one `u`; members already are skipped and said; a school in another agrupamento is
/// asked about before it moves.
@Suite struct JoinMarkedTests {
    @Test func j_with_three_schools_marked_joins_them_to_the_cluster_typed_in_one_commit_and_one_u_undoes_it() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("*"))
        #expect(app.render().row(23).contains("J join marked"), "the footer offers it: \(app.render().row(23))")
        app.press(.char("J"))
        let picker = app.render()
        #expect(picker.text.contains("Join 3 schools marked to a cluster"), "\(picker.text)")
        #expect(picker.text.contains("Portree Learning Community"))
        app.type("portree")
        let effects = app.press(.enter)
        #expect(effects.filter { if case .commit = $0 { true } else { false } }.count == 1, "one commit")
        app.settle(effects)
        #expect(Set(app.world.members(of: "clu-sc").map(\.memberId)) == ["sch-1", "sch-2", "sch-3"])
        #expect(app.opened.isEmpty, "back on the list")
        #expect(app.home.list.marked.isEmpty, "the marks have done their work")
        let screen = app.render().text
        #expect(screen.contains("Joined 3 schools to “Portree Learning Community”"), "\(screen)")
        #expect(!screen.contains(" * "), "no row drawn marked")
        app.settle(app.press(.char("u")))
        #expect(app.world.members(of: "clu-sc").isEmpty, "one u takes back all three")
        #expect(app.render().text.contains("Undone: Joined 3 schools to “Portree Learning Community”"))
    }

    @Test func members_already_are_skipped_and_named_and_the_others_join() throws {
        var app = Fixture.app()
        var w = app.world
        w.apply(.put(.cluster(Cluster(id: "clu-net", name: "Rede de Leitura", kind: .network, region: "Oeste"))))
        w.apply(.put(.membership(Membership(id: "mem-9", cluster: "clu-net", memberType: .school, memberId: "sch-1"))))
        _ = app.send(.worldChanged(w))
        app.press(.char("2"), .char("*"), .char("J"))
        app.type("rede")
        app.settle(app.press(.enter))
        #expect(Set(app.world.members(of: "clu-net").map(\.memberId)) == ["sch-1", "sch-2", "sch-3"])
        #expect(app.world.members(of: "clu-net").count == 3, "no second membership for the one already in")
        #expect(
            app.status?.text == "Joined 2 schools to “Rede de Leitura”; 1 already a member (Escola Básica de São João)",
            "\(app.status?.text ?? "none")")
    }

    @Test func all_marked_already_members_joins_nothing_and_says_so_keeping_the_marks() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("+"), .char("J"))  // São João, in the agrupamento already
        app.type("obidos")
        let effects = app.press(.enter)
        #expect(!effects.hasCommit)
        #expect(
            app.status?.text == "Nothing joined to “Agrupamento de Escolas de Óbidos”: 1 already a member (Escola Básica de São João)",
            "\(app.status?.text ?? "none")")
        #expect(try app.topScreen(JoinPickerScreen.self).members == ["sch-1"], "the picker stays, to choose another")
        let shown = app.render()
        #expect(shown.row(2).hasPrefix(" Nothing joined to “Agrupamento de Escolas de Óbidos”: 1 already a member"), "\(shown.text)")
        #expect(shown.row(3).contains("(Escola Básica de São João)"), "said whole in the picker, wrapped: \(shown.text)")
        app.press(.backspace)
        #expect(!app.render().text.contains("Nothing joined"), "gone once the filter changes")
        app.press(.escape)
        #expect(app.home.list.markedIDs == ["sch-1"])
    }

    /// The fixture with a second agrupamento: São João is in the first.
    func withSecondAgrupamento() -> AppState {
        var w = Fixture.world()
        w.apply(.put(.cluster(Cluster(id: "clu-ab", name: "Agrupamento de Escolas Abel Salazar", kind: .cluster, region: "Norte"))))
        return Fixture.app(w)
    }

    @Test func a_school_in_another_agrupamento_is_asked_about_by_name_and_no_changes_nothing() throws {
        var app = withSecondAgrupamento()
        app.press(.char("2"), .char("+"), .char("+"), .char("J"))  // São João and Szkoła
        app.type("abel")
        let asked = app.press(.enter)
        #expect(!asked.hasCommit, "nothing moves before the answer")
        let question = try app.topScreen(ConfirmScreen.self).question
        #expect(
            question
                == "Escola Básica de São João is already in cluster “Agrupamento de Escolas de Óbidos”: leave and join “Agrupamento de Escolas Abel Salazar” (with 1 school more) in one step? n changes nothing (y/n)"
        )
        let before = app.world.memberships
        app.settle(app.press(.char("n")))
        #expect(app.world.memberships == before)
        #expect(app.home.list.marked.count == 2, "the marks stay")
    }

    @Test func yes_moves_the_school_and_joins_the_others_in_one_commit_that_one_u_undoes() throws {
        var app = withSecondAgrupamento()
        app.press(.char("2"), .char("+"), .char("+"), .char("J"))
        app.type("abel")
        app.press(.enter)
        let answered = app.press(.char("y"))
        #expect(answered.filter { if case .commit = $0 { true } else { false } }.count == 1)
        app.settle(answered)
        #expect(app.world.memberships["mem-1"]?.to == Fixture.today, "left the first today, kept on record")
        #expect(Set(app.world.members(of: "clu-ab").map(\.memberId)) == ["sch-1", "sch-2"])
        #expect(app.opened.isEmpty)
        #expect(app.home.list.marked.isEmpty)
        #expect(app.status?.text == "Joined 2 schools to “Agrupamento de Escolas Abel Salazar” (1 moved from another cluster)")
        app.settle(app.press(.char("u")))
        #expect(app.world.members(of: "clu-ab").isEmpty)
        #expect(app.world.memberships["mem-1"]?.isCurrent == true, "back in the first")
    }

    @Test func without_marks_j_joins_the_selected_row_and_agencies_join_as_agencies() throws {
        var app = Fixture.app()
        app.press(.char("3"), .char("J"))
        #expect(app.render().text.contains("Join “Câmara Municipal de Óbidos” to a cluster"))
        app.type("portree")
        app.settle(app.press(.enter))
        #expect(app.world.members(of: "clu-sc").map(\.memberType) == [.agency])
        #expect(app.status?.text == "Joined 1 agency to “Portree Learning Community”")
    }

    @Test func on_a_clusters_members_tab_j_joins_the_marked_members_to_another_cluster_too() throws {
        var app = Fixture.app()
        app.press(.enter, .char("*"))  // the agrupamento's two members
        #expect(app.render().row(23).contains("J join marked"))
        app.press(.char("J"))
        app.type("portree")
        app.settle(app.press(.enter))
        #expect(Set(app.world.members(of: "clu-sc").map(\.memberId)) == ["sch-1", "agy-1"])
        #expect(app.world.members(of: "clu-pt").count == 2, "they stay members of the first")
        #expect(try app.topScreen(ClusterScreen.self).list.marked.isEmpty)
        #expect(app.status?.text == "Joined 1 school and 1 agency to “Portree Learning Community”")
    }

    @Test func a_cluster_marked_on_home_joins_a_grouping_and_one_within_it_is_refused_by_name() throws {
        var w = Fixture.world()
        w.apply(.put(.cluster(Cluster(id: "clu-rc", name: "Regional collaborative Oeste", kind: .regionalCollaborative))))
        w.apply(.put(.membership(Membership(id: "mem-rc", cluster: "clu-pt", memberType: .cluster, memberId: "clu-rc"))))
        var app = Fixture.app(w)
        app.press(.char("+"), .char("+"), .char("J"))  // the agrupamento and Portree
        app.type("collaborative")
        app.settle(app.press(.enter))
        #expect(Set(app.world.members(of: "clu-rc").map(\.memberId)) == ["clu-sc"])
        let said = app.status?.text ?? ""
        #expect(
            said.hasPrefix("Joined 1 cluster to “Regional collaborative Oeste”; Agrupamento de Escolas de Óbidos cannot join: "), "\(said)")
        #expect(said.contains("circle"), "\(said)")
    }

    @Test(arguments: [(64, 20), (80, 23), (120, 40)])
    func the_picker_shows_whom_it_joins_and_the_clusters_at(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("2"), .char("*"), .char("J"))
        #expect(!app.isTooSmall)
        let canvas = app.render()
        #expect(canvas.text.contains("Join 3 schools marked to a cluster"), "\(canvas.text)")
        #expect(canvas.text.contains("Portree Learning Community"))
        #expect(canvas.row(size.1 - 1).contains("Enter join"), "\(canvas.row(size.1 - 1))")
    }
}

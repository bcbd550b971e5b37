import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// A school already in an agrupamento, picked for a second one: a question names the first,
/// yes leaves it and joins in one commit, no changes nothing. And `l` on a member records that
/// it left, where `d` removes one added by mistake.
@Suite struct ExclusiveMoveScreenTests {
    /// The fixture with a second agrupamento, first by name on Home.
    func app() -> AppState {
        var w = Fixture.world()
        w.apply(.put(.cluster(Cluster(id: "clu-ab", name: "Agrupamento de Escolas Abel Salazar", kind: .cluster, region: "Norte"))))
        return Fixture.app(w)
    }

    @Test func picking_a_school_of_another_agrupamento_asks_naming_it_and_no_changes_nothing() throws {
        var app = app()
        app.press(.enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-ab")
        app.press(.char("a"))
        app.type("sao joao")
        let asked = app.press(.enter)
        #expect(!asked.hasCommit)
        let screen = app.render().text
        #expect(screen.contains("Escola Básica de São João is already in cluster"), "\(screen)")
        #expect(screen.contains("Escolas de Óbidos”: leave it and join “Agrupamento de Escolas"), "\(screen)")
        #expect(
            try app.topScreen(ConfirmScreen.self).question
                == "Escola Básica de São João is already in cluster “Agrupamento de Escolas de Óbidos”: leave it and join “Agrupamento de Escolas Abel Salazar”? (y/n)"
        )
        let before = app.world.memberships
        app.settle(app.press(.char("n")))
        #expect(app.world.memberships == before)
        #expect(try app.topScreen(PickerScreen.self).clusterID == "clu-ab", "the picker stays, to pick another")
    }

    @Test func yes_leaves_the_first_and_joins_in_one_commit_then_asks_the_role() throws {
        var app = app()
        app.press(.enter, .char("a"))
        app.type("sao joao")
        app.press(.enter)
        let answered = app.press(.char("y"))
        #expect(answered.filter { if case .commit = $0 { true } else { false } }.count == 1)
        app.settle(answered)
        #expect(app.world.memberships["mem-1"]?.to == Fixture.today, "left the first today, kept on record")
        #expect(app.world.clusters(withMember: "sch-1").map(\.id) == ["clu-ab"])
        #expect(app.topForm?.title == "Escola Básica de São João in Agrupamento de Escolas Abel Salazar")
        #expect(app.render().text.contains("Escola Básica de São João left “Agrupamento de Escolas de Óbidos” and joined"))
        app.type("escola sede")
        app.settle(app.press(.enter))
        #expect(app.world.members(of: "clu-ab").map(\.role) == ["escola sede"])
    }

    @Test func one_undo_takes_back_both_the_leave_and_the_join() throws {
        var app = app()
        app.press(.enter, .char("a"))
        app.type("sao joao")
        app.press(.enter)
        app.settle(app.press(.char("y")))
        app.press(.escape)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-ab")
        app.settle(app.press(.char("u")))
        #expect(app.world.memberships["mem-1"]?.to == nil)
        #expect(app.world.members(of: "clu-ab").isEmpty)
    }

    @Test func a_network_takes_a_school_of_an_agrupamento_without_asking() throws {
        let app = Fixture.app()
        var picker = PickerScreen(clusterID: "clu-sc")
        picker.refresh(app.env)
        var context = ScreenContext(env: app.env, id: app.top.id)
        picker.list.select(id: "sch-1")
        let effects = picker.update(.choose, &context)
        #expect(effects.count == 2, "the picker closes and the member form opens: \(effects)")
        #expect(!effects.contains { if case .stack(.push(let box)) = $0 { box.screen is ConfirmScreen } else { false } })
    }

    @Test func l_on_a_member_records_that_it_left_today_after_asking_and_d_still_removes() throws {
        var app = Fixture.app()
        app.press(.enter, .char("j"))  // the school, under the agency that leads
        #expect(try app.topScreen(ClusterScreen.self).selected == "mem-1")
        #expect(app.render().text.contains("l leave"), "named in the footer")
        app.press(.char("l"))
        let question = try app.topScreen(ConfirmScreen.self).question
        #expect(
            question
                == "“Escola Básica de São João” leaves Agrupamento de Escolas de Óbidos today (2026-11-22)? It stays on record as a former member; d instead removes one added by mistake. (y/n)"
        )
        app.settle(app.press(.char("n")))
        #expect(app.world.memberships["mem-1"]?.to == nil)
        app.press(.char("l"))
        app.settle(app.press(.char("y")))
        #expect(app.world.memberships["mem-1"]?.to == Fixture.today)
        #expect(app.world.formerMembers(of: "clu-pt").map(\.id) == ["mem-1"])
        #expect(try app.topScreen(ClusterScreen.self).list.rows.map(\.id) == ["mem-2"], "no longer among the members")
        #expect(app.render().text.contains("Escola Básica de São João left Agrupamento de Escolas de Óbidos on 2026-11-22"))
        app.press(.char("?"))
        let help = app.render().text.split(separator: "\n")
        #expect(help.contains { $0.contains(" l ") && $0.contains("leave") }, "help lists l: \(help)")
    }

    @Test func the_cluster_form_refuses_making_a_network_an_agrupamento_while_its_school_is_in_one_naming_both() throws {
        var w = Fixture.world()
        w.apply(.put(.membership(Membership(id: "mem-sc1", cluster: "clu-sc", memberType: .school, memberId: "sch-1"))))
        var app = Fixture.app(w)
        app.press(.down, .enter)
        #expect(try app.topScreen(ClusterScreen.self).clusterID == "clu-sc")
        app.press(.char("E"))
        #expect(app.topForm?.title == "Edit cluster")
        for _ in 0..<20 where app.topForm.map({ $0.fields[$0.focus].key != "kind" }) == true { app.press(.tab) }
        app.press(.char("c"))  // a letter jumps to the first kind starting with it
        #expect(app.topForm?.value("kind") == "cluster")
        let effects = app.press(.enter)
        #expect(!effects.hasCommit, "nothing is written")
        let error = try #require(app.topForm?.errors["kind"])
        #expect(
            error.hasPrefix(
                "Escola Básica de São João is already in cluster “Agrupamento de Escolas de Óbidos”, and a school is in one cluster at a time"
            ), "\(error)")
        #expect(app.render().text.contains("Escola Básica de São João is already in"), "the refusal is on the screen")
        #expect(app.world.clusters["clu-sc"]?.kind == .network)
    }
}

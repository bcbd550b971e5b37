import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct ClusterScreenTests {
    @Test func the_header_shows_kind_region_lead_counts_and_next_due() {
        var app = Fixture.app()
        app.press(.enter)
        let canvas = app.render()
        expectSnapshot(canvas, "cluster-members")
        #expect(canvas.text.contains("Lead: Câmara Municipal de Óbidos"))
        #expect(canvas.text.contains("1 school · 1 agency"))
        #expect(canvas.text.contains("Next due: 2026-11-10 Reunião trimestral (! OVERDUE)"))
        app.press(.tab)
        expectSnapshot(app.render(), "cluster-checkpoints")
        app.press(.backTab)
        #expect(app.render().text.contains("[Members (2)]"))
    }

    @Test func the_picker_creates_a_new_school_then_asks_its_role() {
        var app = Fixture.app()
        app.press(.enter, .char("a"))
        app.type("Þingeyjarskóli – Łódź")
        #expect(app.render().text.contains("+ New school…"))
        app.press(.enter)  // "+ New school…" is the first row, pinned
        #expect(app.topForm?.value("name") == "Þingeyjarskóli – Łódź")
        var effects = app.press(.enter)
        #expect(app.topForm?.fields.first?.key == "role")
        #expect(app.topForm?.title == "Þingeyjarskóli – Łódź in Agrupamento de Escolas de Óbidos")
        app.settle(effects)
        app.type("partner")
        effects = app.press(.enter)
        app.settle(effects)
        let members = app.world.members(of: "clu-pt").map { app.world.memberName($0) }
        #expect(members.contains("Þingeyjarskóli – Łódź"))
        #expect(app.render().text.contains("Þingeyjarskóli – Łódź"))
    }

    @Test func the_picker_filters_existing_schools_and_agencies_not_yet_members() {
        var app = Fixture.app()
        app.press(.enter, .char("a"))
        guard case .picker(let p)? = app.stack.last else { return }
        #expect(!p.list.rows.contains { $0.id == "sch-1" })  // already a member
        app.type("lodz")
        guard case .picker(let q)? = app.stack.last else { return }
        #expect(q.list.visibleRows.map(\.id) == [PickerScreen.newSchool, PickerScreen.newAgency, "sch-2"])
        expectSnapshot(app.render(), "picker-lodz")
        app.press(.down, .down, .enter)
        #expect(app.topForm?.title == "Szkoła Podstawowa nr 3 w Łodzi in Agrupamento de Escolas de Óbidos")
    }

    @Test func members_edit_lead_is_checked_and_d_removes_only_the_membership() {
        var app = Fixture.app()
        app.press(.enter)  // members: lead (agency) first, then the school
        app.press(.char("j"), .char("e"), .tab, .tab, .char(" "))
        let effects = app.press(.enter)
        #expect(!effects.contains { if case .commit = $0 { return true } else { return false } })
        #expect(app.topForm?.errors["lead"]?.contains("already leads") == true)
        app.press(.escape, .char("y"), .char("d"))
        guard case .confirm(let q, _)? = app.modal else { return }
        #expect(q.contains("Remove “Escola Básica de São João”"))
        app.settle(app.press(.char("y")))
        #expect(app.world.schools["sch-1"] != nil)
        #expect(app.world.memberships["mem-1"] == nil)
    }

    @Test func space_ticks_with_evidence_and_reopens_after_asking() {
        var app = Fixture.app()
        app.press(.enter, .tab)  // checkpoints of the Portuguese cluster, overdue first
        app.press(.char(" "))
        expectSnapshot(app.render(), "tick-prompt")
        app.type("Acta n.º 3")
        var effects = app.press(.enter)
        app.settle(effects)
        let ticked = app.world.checkpoints["chk-1"]!
        #expect(ticked.doneBy == "ana")
        #expect(ticked.doneOn == Fixture.today)
        #expect(ticked.evidence == "Acta n.º 3")
        guard case .cluster(let s)? = app.stack.last else { return }
        let row = s.lists[1].visibleRows.firstIndex { $0.id == "chk-1" }!
        app.press(.home)
        for _ in 0..<row { app.press(.down) }
        app.press(.char(" "))
        guard case .confirm(let q, _)? = app.modal else {
            Issue.record("reopen did not ask")
            return
        }
        #expect(q.contains("ticked by ana"))
        effects = app.press(.char("y"))
        app.settle(effects)
        #expect(app.world.checkpoints["chk-1"]?.isDone == false)
    }

    @Test func u_undoes_the_last_change_of_this_session_as_a_new_change() {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "))
        app.settle(app.press(.enter))
        #expect(app.world.checkpoints["chk-1"]?.isDone == true)
        let effects = app.press(.char("u"))
        guard case .commit(let undo)? = effects.first else {
            Issue.record("u did not commit")
            return
        }
        #expect(undo.inverse == nil)
        app.settle(effects)
        #expect(app.world.checkpoints["chk-1"]?.isDone == false)
        #expect(app.status?.text.hasPrefix("Undone") == true)
        app.press(.char("u"))
        #expect(app.status?.text == "Nothing to undo in this session")
    }

    @Test func a_cluster_deleted_by_another_session_closes_its_screen() {
        var app = Fixture.app()
        app.press(.enter)
        var w = app.world
        w.apply(w.cascadeDelete(.cluster, id: "clu-pt"))
        _ = app.send(.worldChanged(w))
        #expect(app.stack.isEmpty)
    }

    @Test func q_goes_back() {
        var app = Fixture.app()
        app.press(.enter, .enter)  // member → school screen
        guard case .record? = app.stack.last else {
            Issue.record("Enter on a member did not open it")
            return
        }
        expectSnapshot(app.render(), "record-agency")
        app.press(.char("q"), .char("q"))
        #expect(app.stack.isEmpty)
    }
}

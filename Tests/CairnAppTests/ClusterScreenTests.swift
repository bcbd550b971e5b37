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
        #expect(canvas.text.contains("Next due: ! OVERDUE 2026-11-10 Reunião trimestral"))
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
        app.press(.enter)  // nothing matches: "+ New school…" is the first row
        #expect(app.topForm?.value("name") == "Þingeyjarskóli – Łódź")
        let effects = app.press(.enter)
        #expect(app.topForm?.value("name") == "Þingeyjarskóli – Łódź", "the form stays until the store has written it")
        app.settle(effects)
        #expect(app.topForm?.fields.first?.key == "role")
        #expect(app.topForm?.title == "Þingeyjarskóli – Łódź in Agrupamento de Escolas de Óbidos")
        app.type("partner")
        app.settle(app.press(.enter))
        let members = app.world.members(of: "clu-pt").map { app.world.memberName($0) }
        #expect(members.contains("Þingeyjarskóli – Łódź"))
        #expect(app.render().text.contains("Þingeyjarskóli – Łódź"))
    }

    @Test func the_picker_selects_the_first_match_so_enter_adds_it_rather_than_a_duplicate() throws {
        var app = Fixture.app()
        app.press(.enter, .char("a"))
        #expect(try !app.topScreen(PickerScreen.self).list.rows.contains { $0.id == "sch-1" })  // already a member
        app.type("lodz")
        let picker = try app.topScreen(PickerScreen.self)
        #expect(picker.list.visibleRows.map(\.id) == ["sch-2", PickerScreen.newSchool, PickerScreen.newAgency])
        #expect(picker.list.selectedRow?.id == "sch-2")
        expectSnapshot(app.render(), "picker-lodz")
        app.press(.enter)
        #expect(app.topForm?.title == "Szkoła Podstawowa nr 3 w Łodzi in Agrupamento de Escolas de Óbidos")
    }

    @Test func typing_part_of_an_accented_name_and_enter_adds_that_school() throws {
        var app = Fixture.app()
        app.press(.enter, .char("a"))
        app.type("ingeyjar")
        app.press(.enter)
        let form = try #require(app.topForm)
        #expect(form.purpose == .member(membership: nil, cluster: "clu-pt", type: .school, memberId: "sch-3"))
        app.settle(app.press(.enter))
        #expect(app.world.schools.values.filter { $0.name.contains("ingeyjar") }.count == 1)
        #expect(app.world.memberships.values.contains { $0.memberId == "sch-3" })
    }

    @Test func members_edit_lead_is_checked_and_d_removes_only_the_membership() throws {
        var app = Fixture.app()
        app.press(.enter)  // members: lead (agency) first, then the school
        app.press(.char("j"), .char("e"), .tab, .tab, .char(" "))
        let effects = app.press(.enter)
        #expect(!effects.hasCommit)
        #expect(app.topForm?.errors["lead"]?.contains("already leads") == true)
        app.press(.escape, .char("y"), .char("d"))
        #expect(try app.topScreen(ConfirmScreen.self).question.contains("Remove “Escola Básica de São João”"))
        app.settle(app.press(.char("y")))
        #expect(app.world.schools["sch-1"] != nil)
        #expect(app.world.memberships["mem-1"] == nil)
    }

    @Test func space_ticks_with_evidence_and_reopens_after_asking() throws {
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
        let row = try #require(app.topScreen(ClusterScreen.self).list.visibleRows.firstIndex { $0.id == "chk-1" })
        app.press(.home)
        for _ in 0..<row { app.press(.down) }
        app.press(.char(" "))
        #expect(try app.topScreen(ConfirmScreen.self).question.contains("ticked by ana"))
        effects = app.press(.char("y"))
        app.settle(effects)
        #expect(app.world.checkpoints["chk-1"]?.isDone == false)
    }

    @Test func u_undoes_the_last_change_of_this_session_as_a_new_change() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "))
        app.settle(app.press(.enter))
        #expect(app.world.checkpoints["chk-1"]?.isDone == true)
        let last = try #require(app.undoStack.last)
        let effects = app.press(.char("u"))
        let undo = try effects.committed()
        #expect(undo.summary == "Undone: Ticked “Reunião trimestral” as done")
        #expect(effects == [.commit(.undo(last.inverse, summary: last.summary), preview: undo, replyTo: .home, undoable: false)])
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
        #expect(app.opened.isEmpty)
    }

    @Test func q_goes_back() throws {
        var app = Fixture.app()
        app.press(.enter, .enter)  // member → school screen
        _ = try app.topScreen(RecordScreen.self)
        expectSnapshot(app.render(), "record-agency")
        app.press(.char("q"), .char("q"))
        #expect(app.opened.isEmpty)
    }
}

@Suite struct CalendarKeyTests {
    @Test func c_on_home_asks_for_everything_and_on_a_cluster_for_that_cluster_and_the_status_says_where() throws {
        var app = Fixture.app()
        #expect(app.press(.char("c")) == [.writeCalendar(cluster: nil, replyTo: .home)])
        app.press(.enter)
        let effects = app.press(.char("c"))
        let asked: String?? = if case .writeCalendar(let cluster, _) = try #require(effects.first) { cluster } else { nil }
        let shown = try #require(app.top.screen as? ClusterScreen)
        #expect(asked == .some(shown.clusterID))
        app.reply(.calendarWritten(path: "/srv/cairn/reports/kahui-ako-1234abcd.ics", items: 6))
        #expect(app.render().text.contains("Calendar saved (6 dates): /srv/cairn/reports/kahui-ako-1234abcd.ics"))
        app.reply(.reportFailed("cannot write /srv/cairn/reports/x.ics: No space left on device"))
        #expect(app.render().text.contains("Not written: cannot write /srv/cairn/reports/x.ics: No space left on device"))
        // `E` edits the cluster now that `c` writes its calendar.
        app.press(.char("E"))
        #expect(app.render().text.contains("Funding ends on"))
    }
}

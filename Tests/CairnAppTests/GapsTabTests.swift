import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct GapsTabTests {
    @Test func the_gaps_tab_lists_what_is_missing_and_the_header_counts_it() {
        var app = Fixture.app()
        app.press(.enter)
        #expect(app.render().row(3).contains("2 gaps"))  // no agreement, overdue checkpoint
        app.press(.backTab)  // Gaps is the last tab
        let canvas = app.render()
        expectSnapshot(canvas, "cluster-gaps")
        #expect(canvas.text.contains("no agreement"))
        #expect(canvas.text.contains("overdue"))
    }

    @Test func enter_on_a_gap_goes_where_it_is_fixed() throws {
        var app = Fixture.app()
        app.press(.enter, .backTab, .char("j"), .enter)  // the overdue checkpoint
        let s = try app.topScreen(ClusterScreen.self)
        #expect(s.tab == .checkpoints)
        #expect(s.list.selectedRow?.id == "chk-1")
    }

    @Test func an_agreement_proposes_meetings_that_can_be_edited_before_they_are_made() throws {
        var app = Fixture.app()
        app.press(.enter, .backTab, .enter)  // no-agreement → the agreement form
        #expect(app.topForm?.title == "Monitoring agreement")
        app.press(.tab, .tab, .tab, .tab, .ctrl("u"))
        app.type("+6m")
        let agreementForm = app.topForm
        app.settle(app.press(.enter))
        let proposal = try #require(app.topForm)
        // 4 a year over six months
        #expect(proposal.fields.map(\.key) == ["title", "meeting-1", "meeting-2"], "\(agreementForm!.fields.map(\.value))")
        expectSnapshot(app.render(), "proposed-meetings")
        app.press(.tab, .ctrl("u"))  // drop the first meeting
        app.press(.tab, .ctrl("u"))
        app.type("2027-05-01")
        app.settle(app.press(.enter))
        let made = app.world.checkpoints.values.filter { $0.title.hasPrefix("All-stakeholder meeting") }
        #expect(made.map(\.title) == ["All-stakeholder meeting (1 of 1)"])
        #expect(made.first?.due.description == "2027-05-01")
        #expect(app.world.agreement(of: "clu-pt")?.meetingsPerYear == 4)
        #expect(!app.world.gaps(in: "clu-pt", on: Fixture.today).contains { $0.kind == .noAgreement })
    }
}

@Suite struct CoverageTabTests {
    @Test func the_coverage_tab_is_a_matrix_with_its_gaps_said_below() {
        var app = Fixture.app()
        app.press(.enter, .backTab, .backTab, .backTab)
        let canvas = app.render()
        expectSnapshot(canvas, "cluster-coverage")
        #expect(canvas.text.contains("local authority"))
        #expect(canvas.text.contains("! none"))
        #expect(canvas.row(19).hasPrefix(" health is absent locally"), "the note under the list, in whole words")
        #expect(canvas.row(21).contains("parents are absent") || canvas.row(20).contains("parents are absent"))
    }
}

@Suite struct CoverageKeysTests {
    @Test func key_R_shows_the_region_and_enter_on_a_sector_lists_who_takes_part_for_it() throws {
        var w = Fixture.world()
        w.apply(.put(.cluster(Cluster(id: "clu-pt2", name: "Agrupamento de Caldas", region: "Oeste"))))
        w.apply(.put(.agency(Agency(id: "agy-h", name: "Centro de Saúde das Caldas", sector: .health, level: .local))))
        w.apply(.put(.membership(Membership(id: "mem-h", cluster: "clu-pt2", memberType: .agency, memberId: "agy-h"))))
        var app = Fixture.app(w)
        app.home.lists[0].select(id: "clu-pt")
        app.press(.enter, .backTab, .backTab, .backTab)  // Agrupamento de Escolas de Óbidos, Coverage
        #expect(app.render().text.contains("health is absent locally"))
        app.press(.char("R"))
        let region = app.render().text
        #expect(region.contains("Region Oeste (2 clusters)"))
        #expect(!region.contains("health is absent locally"))
        // Enter on health, region-wide: who takes part for it, cluster by cluster.
        app.press(.home)
        #expect(try app.topScreen(ClusterScreen.self).list.selectedRow?.id == "education", "the member schools are education")
        app.press(.char("j"), .enter)
        let pager = try app.topScreen(PagerScreen.self)
        #expect(pager.title == "Health taking part")
        #expect(pager.lines == ["Agrupamento de Caldas", "  Centro de Saúde das Caldas (local)"], "\(pager.lines)")
        // This cluster alone has none: said, with how to add one, which a still does.
        app.press(.char("q"), .char("R"), .enter)
        #expect(try app.topScreen(PagerScreen.self).lines == ["No health member takes part yet. Press q, then a to add one."])
        app.press(.char("q"), .char("a"))
        _ = try app.topScreen(PickerScreen.self)
    }
}

/// A new rhythm replaces the open future meetings the agreement made, after asking, with dates
/// from today on, under the title the group chose.
@Suite struct AgreementRhythmTests {
    @Test func changing_four_meetings_a_year_to_six_replaces_the_open_future_ones_and_keeps_the_title() throws {
        var w = Fixture.world()
        let start = Fixture.today.adding(months: -6)
        let a = Agreement(id: "agr-1", cluster: "clu-pt", meetingsPerYear: 4, periodStart: start, periodEnd: start.adding(months: 12))
        w.apply(.put(.agreement(a)))
        for (i, day) in a.proposedMeetings().enumerated() {
            var c = Checkpoint(
                id: "chk-m\(i + 1)", cluster: "clu-pt", title: "Reunião plenária (\(i + 1) of 4)", due: day, agreement: "agr-1")
            if i == 0 { c = c.ticked(by: "ana", on: day, evidence: "acta") }  // held; the second is overdue, open
            w.apply(.put(.checkpoint(c)))
        }
        var app = Fixture.app(w)
        app.press(.enter, .char("M"))
        #expect(app.topForm?.title == "Monitoring agreement")
        app.press(.ctrl("u"))
        app.type("6")
        app.settle(app.press(.enter))
        let proposal = try #require(app.topForm)
        #expect(proposal.value("title") == "Reunião plenária", "the title the group chose")
        #expect(proposal.field("replace")?.flag == true)
        let days = proposal.fields.filter { $0.key.hasPrefix("meeting-") }.compactMap { Day(iso: $0.value) }
        #expect(!days.isEmpty && days.allSatisfy { $0 >= Fixture.today }, "never a day gone by: \(days)")
        expectSnapshot(app.render(), "meetings-replace")
        app.settle(app.press(.enter))
        #expect(app.status?.text == "Replaced 2 open meetings with \(days.count)")
        let meetings = app.world.checkpoints.values.filter { $0.cluster == "clu-pt" && $0.title.hasPrefix("Reunião plenária") }
        #expect(meetings.count == 2 + days.count, "the held and the overdue one stay")
        #expect(app.world.checkpoints["chk-m1"]?.isDone == true && app.world.checkpoints["chk-m2"] != nil)
        #expect(app.world.checkpoints["chk-m3"] == nil && app.world.checkpoints["chk-m4"] == nil)
        let dueDays = meetings.map(\.due)
        #expect(Set(dueDays).count == dueDays.count, "no two meetings on one day")
    }
}

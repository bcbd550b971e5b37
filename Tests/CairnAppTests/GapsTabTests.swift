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
        app.press(.enter, .backTab, .backTab)
        let canvas = app.render()
        expectSnapshot(canvas, "cluster-coverage")
        #expect(canvas.text.contains("local authority"))
        #expect(canvas.text.contains("! none"))
        #expect(canvas.row(21).contains("health is absent locally"))
    }
}

@Suite struct CoverageKeysTests {
    @Test func key_R_shows_the_region_and_enter_on_a_sector_offers_its_agencies() throws {
        var w = Fixture.world()
        w.apply(.put(.cluster(Cluster(id: "clu-pt2", name: "Agrupamento de Caldas", region: "Oeste"))))
        w.apply(.put(.agency(Agency(id: "agy-h", name: "Centro de Saúde das Caldas", sector: .health, level: .local))))
        w.apply(.put(.membership(Membership(id: "mem-h", cluster: "clu-pt2", memberType: .agency, memberId: "agy-h"))))
        var app = Fixture.app(w)
        app.home.lists[0].select(id: "clu-pt")
        app.press(.enter, .backTab, .backTab)  // Agrupamento de Escolas de Óbidos, Coverage
        #expect(app.render().text.contains("health is absent locally"))
        app.press(.char("R"))
        let region = app.render().text
        #expect(region.contains("Region Oeste (2 clusters)"))
        #expect(!region.contains("health is absent locally"))
        app.press(.char("R"), .home, .enter)  // health, this cluster again
        let p = try app.topScreen(PickerScreen.self)
        #expect(p.list.filter.text == "health")
        #expect(p.list.visibleRows.map(\.id).contains("agy-h"))
    }

    @Test func workshop_mode_shows_no_title_bar() {
        var app = Fixture.app()
        app.openWorkshop("clu-pt")
        #expect(!app.render().row(0).contains("Cairn"))
    }
}

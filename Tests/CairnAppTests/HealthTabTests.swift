import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct HealthTabTests {
    func app() -> AppState {
        var w = Fixture.world()
        w.apply(
            .put(
                .assessment(
                    Assessment(
                        id: "ass-1", cluster: "clu-pt", date: Day(iso: "2026-05-01")!, by: "ana",
                        ratings: [.leadership: 2, .workload: 3, .funding: 3]))))
        w.apply(
            .put(
                .assessment(
                    Assessment(
                        id: "ass-2", cluster: "clu-pt", date: Day(iso: "2026-11-01")!, by: "ana",
                        ratings: [.leadership: 3, .workload: 1, .funding: 3], notes: [.workload: "Reports take every Friday"]))))
        return Fixture.app(w)
    }

    @Test func the_health_tab_shows_the_latest_check_and_the_change_since_the_one_before() {
        var a = app()
        a.press(.enter)
        for _ in 0..<4 { a.press(.tab) }
        let canvas = a.render()
        expectSnapshot(canvas, "cluster-health")
        #expect(canvas.text.contains("weakest: extra workload (1)"))
        #expect(canvas.text.contains("+1"))
        #expect(canvas.text.contains("−2"))
    }

    @Test func a_new_check_starts_from_the_last_one_and_is_saved_as_a_new_record() {
        var a = app()
        a.press(.enter)
        for _ in 0..<4 { a.press(.tab) }
        a.press(.char("a"))
        #expect(a.topForm?.value("workload") == "1")  // carried over
        a.press(.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab)  // to "workload"
        #expect(a.topForm?.fields[a.topForm!.focus].key == "workload")
        a.press(.char("3"))
        expectSnapshot(a.render(), "form-health-check")
        a.settle(a.press(.enter))
        #expect(a.world.assessments.count == 3)
        #expect(a.world.health(of: "clu-pt", on: Fixture.today).change(.workload) == 2)
    }

    @Test func home_sorts_clusters_by_health_and_funding_ending_soon_counts_as_a_risk() {
        var w = Fixture.world()
        var scot = w.clusters["clu-sc"]!
        scot.fundingEndsOn = Day(iso: "2027-03-01")!
        w.apply(.put(.cluster(scot)))
        w.apply(.put(.assessment(Assessment(cluster: "clu-pt", date: Fixture.today, by: "ana", ratings: [.leadership: 3]))))
        var a = Fixture.app(w)
        #expect(a.home.lists[0].visibleRows.map(\.id) == ["clu-pt", "clu-sc"])
        a.press(.char("s"))
        #expect(a.home.lists[0].visibleRows.map(\.id) == ["clu-sc", "clu-pt"])
        #expect(a.render().text.contains("funding ends 2027-03-01"))
    }
}

/// Earlier checks are listed under the latest, and any check opens whole, its notes in full.
@Suite struct EarlierChecksTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func the_health_tab_lists_earlier_checks_and_enter_opens_one_with_its_notes_in_full(size: (Int, Int)) throws {
        var a = HealthTabTests().app()
        a.env.width = size.0
        a.env.height = size.1
        a.press(.enter)
        for _ in 0..<4 { a.press(.tab) }
        let canvas = a.render()
        #expect(canvas.text.contains("earlier check 2026-05-01, ana"), "\(canvas.text)")
        expectSnapshot(canvas, "health-earlier-\(size.0)x\(size.1)")
        // Enter on the latest's rows: the latest whole.
        a.press(.enter)
        var pager = try a.topScreen(PagerScreen.self)
        #expect(pager.title == "Health check of 2026-11-01")
        #expect(pager.lines.contains("    Reports take every Friday"))
        #expect(pager.lines.contains("Against extra workload: 1 of 4 (−2)"))
        a.press(.char("q"), .end, .enter)
        pager = try a.topScreen(PagerScreen.self)
        #expect(pager.title == "Health check of 2026-05-01")
        a.press(.char("q"), .char("e"))
        #expect(a.topForm?.purpose == .assessment(id: "ass-1", cluster: "clu-pt"), "e edits the check selected")
    }
}

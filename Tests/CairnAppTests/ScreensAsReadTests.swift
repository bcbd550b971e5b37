import CairnCore
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// What a facilitator, an officer or a clerk reads is whole at every size: a count, a target,
/// a gap or a hint is never cut while the screen has room for it.
@Suite struct ScreensAsReadTests {
    static let sizes = ReadableLayoutTests.sizes

    /// The canvas's rows trimmed and joined by spaces: text wrapped over rows reads as one line.
    static func joined(_ canvas: Canvas) -> String {
        (0..<canvas.height).map { canvas.row($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(arguments: sizes)
    func homes_tab_bar_keeps_every_count(size: (Int, Int)) {
        let app = Fixture.app(width: size.0, height: size.1)
        let bar = app.render().row(1)
        #expect(!bar.contains("…"), "\(bar)")
        #expect(bar.contains(size.0 >= 80 ? "4 Checkpoints (4)" : "4 Chk (4)"), "\(bar)")
        #expect(bar.contains("1 Clusters (2)") && bar.contains("2 Schools (3)") && bar.contains("3 Agencies (1)"), "\(bar)")
    }

    @Test func homes_tabs_shorten_from_the_last_until_national_counts_fit() {
        let titles = HomeScreen.tabTitles(counts: [3000, 25000, 5000, 100_000], width: 64)
        #expect(titles == ["Clu (3000)", "Sch (25000)", "Agy (5000)", "Chk (100000)"])
        #expect(HomeScreen.tabTitles(counts: [7, 24, 18, 25], width: 64) == ["Clusters (7)", "Schools (24)", "Agencies (18)", "Chk (25)"])
    }

    @Test(arguments: sizes)
    func the_coverage_note_names_every_absent_sector_whole(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.enter)
        for _ in 0..<5 { app.press(.tab) }
        let screen = try app.topScreen(ClusterScreen.self)
        #expect(screen.tab == .coverage)
        let gaps = app.world.coverage(of: "clu-pt").gapSentences
        #expect(gaps.count >= 2)
        let text = Self.joined(app.render())
        #expect(text.contains(gaps.joined(separator: "; ")), "cut at \(size): \(text)")
    }

    /// A goal measured once, whose status, latest, target and baseline need more than 80 cells.
    static func measuredGoal(source: String = "Vlaamse onderwijsstatistieken") -> World {
        var w = ProjectorTests.withGoal()
        w.apply(.put(.measurement(Measurement(id: "mea-1", goal: "gol-1", value: 8.5, date: Fixture.today, by: "ana", source: source))))
        return w
    }

    func openedGoal(_ w: World, size: (Int, Int)) throws -> AppState {
        var app = Fixture.app(w, width: size.0, height: size.1)
        app.press(.enter, .tab, .tab, .enter)
        _ = try app.topScreen(GoalScreen.self)
        return app
    }

    @Test(arguments: sizes)
    func the_goals_header_keeps_its_target_and_baseline(size: (Int, Int)) throws {
        let app = try openedGoal(Self.measuredGoal(), size: size)
        let text = Self.joined(app.render())
        let deadline = Fixture.today.adding(days: 300)
        #expect(text.contains("latest 8.5% on 2026-11-22"), "\(text)")
        #expect(text.contains("target 5% by \(deadline)"), "cut at \(size): \(text)")
        #expect(text.contains("baseline 9% Indicator: early leavers"), "cut at \(size): \(text)")
        #expect(text.contains("Indicator: early leavers"))
    }

    @Test(arguments: sizes)
    func a_measurements_source_is_whole_beside_a_ticked_column_with_nothing_in_it(size: (Int, Int)) throws {
        let source = "Vlaamse onderwijsstatistieken, jaarboek"
        let app = try openedGoal(Self.measuredGoal(source: source), size: size)
        let canvas = app.render()
        let row = try #require((0..<canvas.height).map(canvas.row).first { $0.hasPrefix(">") })
        #expect(row.contains("ana") && row.contains(source), "cut at \(size): \(canvas.text)")
    }

    @Test func a_field_beside_its_name_wraps_under_its_value_in_the_pager() {
        let lines = PagerScreen.wrapped(["Record   goal “Care-experienced learners attend as their peers do” (gol-65f1)"], width: 40)
        #expect(lines == ["Record   goal “Care-experienced learners", "         attend as their peers do”", "         (gol-65f1)"])
        #expect(PagerScreen.wrapped(["    cluster “Lokaal netwerk Gent”"], width: 20) == ["    cluster “Lokaal", "    netwerk Gent”"])
    }

    @Test(arguments: sizes)
    func the_imports_first_hint_is_whole(size: (Int, Int)) {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("i"))
        let text = Self.joined(app.render())
        #expect(text.contains("press Enter to preview it; nothing is written until you confirm."), "cut at \(size): \(text)")
    }

    @Test(arguments: sizes)
    func the_member_pickers_hint_is_whole(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.enter, .char("a"))
        _ = try app.topScreen(PickerScreen.self)
        let canvas = app.render()
        #expect(Self.joined(canvas).contains("(what you typed becomes its name)."), "cut at \(size): \(canvas.text)")
        #expect(canvas.text.contains("Þingeyjarskóli"), "the list still shows")
    }

    @Test func a_long_phase_word_is_whole_where_the_line_has_room_for_it_and_its_phases() {
        var p = ImportScreenShapesTests().preview
        p.phaseWords.append(.init(word: "Restricted Composite (Year 7-10)", phases: ["lower-secondary"], rows: 1))
        var app = Fixture.app(width: 120, height: 40)
        app.press(.char("i"))
        app.type("pt.csv")
        app.press(.enter)
        app.reply(.importPreviewed(p))
        let text = app.render().text
        #expect(text.contains("“Restricted Composite (Year 7-10)” (1 row) → lower-secondary"), "\(text)")
        #expect(text.contains("“Artística” (1 row)                        → not known"), "the labels keep one column: \(text)")
    }
}

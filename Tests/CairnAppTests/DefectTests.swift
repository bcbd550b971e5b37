import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// The defects found by new users and reviewers, each shown on the rendered screen.
@Suite struct DefectTests {
    /// The fixture with many checkpoints and schools, so lists scroll.
    static func crowded() -> World {
        var w = Fixture.world()
        for i in 0..<40 {
            let due = Fixture.today.adding(days: i - 5)
            w.apply(.put(.checkpoint(Checkpoint(id: String(format: "chk-x%02d", i), cluster: "clu-pt", title: "Visita \(i)", due: due))))
            w.apply(.put(.school(School(id: String(format: "sch-x%02d", i), name: "Escola \(i)", municipality: "Caldas da Rainha"))))
        }
        for i in 0..<12 {
            w.apply(
                .put(
                    .membership(
                        Membership(id: "mem-x\(i)", cluster: "clu-pt", memberType: .school, memberId: String(format: "sch-x%02d", i)))))
        }
        return w
    }

    /// The row drawn with the selection marker, and the first row of the list.
    static func selectedRow(_ canvas: Canvas) -> Int? { (0..<canvas.height).first { canvas.row($0).hasPrefix(">") } }

    @Test(arguments: [(80, 24), (100, 28), (80, 23)])
    func the_selected_checkpoint_is_always_fully_visible_above_the_legend(size: (Int, Int)) throws {
        var app = Fixture.app(Self.crowded(), width: size.0, height: size.1)
        app.press(.char("4"))
        let legend = size.1 - 3
        for _ in 0..<44 {
            app.press(.char("j"))
            let canvas = app.render()
            let row = try #require(Self.selectedRow(canvas))
            #expect(row >= 3 && row < legend, "selected row \(row) at \(size)")
            #expect(canvas.row(legend).contains("overdue ·"), "the legend line is kept")
        }
        // Space ticks the row the user sees (an open one, back up the list).
        for _ in 0..<12 { app.press(.char("k")) }
        let canvas = app.render()
        let shown = canvas.row(try #require(Self.selectedRow(canvas)))
        app.press(.char(" "))
        let form = try app.topScreen(FormScreen.self)
        let ticked: String? = if case .tick(let id) = form.form.purpose { id } else { nil }
        let id = try #require(ticked)
        let title = try #require(app.world.checkpoints[id]?.title)
        #expect(shown.contains(title))
    }

    @Test func the_scroll_position_is_kept_from_one_frame_to_the_next() throws {
        var app = Fixture.app(Self.crowded())
        app.press(.char("4"))
        for _ in 0..<30 { app.press(.char("j")) }
        let before = app.render()
        app.press(.char("k"))
        let after = app.render()
        // Moving up inside the page moves the marker, not the page.
        #expect(
            before.row(3) == after.row(3).replacingOccurrences(of: ">", with: " ") || before.row(3).dropFirst() == after.row(3).dropFirst())
        #expect(try #require(Self.selectedRow(after)) == (try #require(Self.selectedRow(before))) - 1)
        #expect(app.render() == after, "rendering twice gives the same frame")
    }

    @Test func a_tick_without_its_day_is_shown_and_does_not_trap() throws {
        var w = Fixture.world()
        var half = Checkpoint(id: "chk-half", cluster: "clu-pt", title: "Visita sem data", due: Fixture.today.adding(days: 3))
        half.doneBy = "ana"
        w.apply(.put(.checkpoint(half)))
        var app = Fixture.app(w)
        app.press(.char("4"))
        #expect(app.render().text.contains("Visita sem data"))
        app.press(.char("1"), .enter, .tab)
        #expect(app.render().text.contains("ana (day unknown)"))
    }

    @Test func at_80_columns_tab_counts_stay_and_labels_shorten() {
        var app = Fixture.app(Self.crowded())
        app.press(.enter)
        let tabs = app.render().row(5)
        #expect(tabs.contains("Members (14)"), "\(tabs)")
        #expect(tabs.contains("Checks (42)"), "\(tabs)")
        #expect(tabs.contains("Gaps ("), "\(tabs)")
        var wide = Fixture.app(Self.crowded(), width: 120, height: 40)
        wide.press(.enter)
        #expect(wide.render().row(5).contains("Checkpoints (42)"))
    }

    @Test func the_position_counter_does_not_cover_the_column_header() {
        var app = Fixture.app(Self.crowded())
        app.press(.char("2"))
        let header = app.render().row(2)
        #expect(header.contains("Municipality"), "\(header)")
        #expect(header.hasSuffix(" 1/43"), "\(header)")
        app.press(.char("1"), .enter, .tab)
        #expect(app.render().row(6).contains("Done by"))
    }

    @Test func with_a_filter_kept_the_status_line_still_says_what_was_done() {
        var app = Fixture.app()
        app.press(.char("2"), .char("/"))
        app.type("escola")
        app.press(.enter, .char("d"))
        app.settle(app.press(.char("y")))
        let status = app.render().row(22)
        #expect(status.contains("Deleted school “Escola Básica de São João”"), "\(status)")
        #expect(status.contains("Filter:"), "\(status)")
    }

    @Test func a_checkpoint_filter_that_matches_nothing_says_so_and_how_to_change_it() {
        var w = Fixture.world()
        w.apply(.delete(.checkpoint, id: "chk-1"))
        var app = Fixture.app(w)
        app.press(.char("4"), .char("f"))  // overdue: none now
        let text = app.render().text
        #expect(text.contains("No checkpoints overdue. f changes what is shown, R the region."))
        #expect(!text.contains("No checkpoints yet"))
    }

    @Test func everything_works_in_an_80x23_window() {
        var app = Fixture.app(width: 80, height: 23)
        #expect(!app.isTooSmall)
        expectSnapshot(app.render(), "home-80x23")
        app.press(.enter)
        let cluster = app.render()
        #expect(cluster.row(7).contains("Câmara Municipal"))
        #expect(cluster.row(22).contains("q back"))
        app.press(.char("E"))
        #expect(app.render().text.contains("Funding ends on"))
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct CheckpointFilterTests {
    /// Today, 2026-11-22, is a Sunday: "this week" ends today, "this month" on the 30th.
    func app() -> AppState {
        var w = Fixture.world()
        w.apply(.put(.checkpoint(Checkpoint(id: "chk-today", cluster: "clu-sc", title: "Today's visit", due: Fixture.today))))
        return Fixture.app(w)
    }

    @Test func the_week_and_month_end_where_the_calendar_says() {
        #expect(Fixture.today.weekday == 7)
        #expect(Day(iso: "2026-11-18")!.endOfWeek.description == "2026-11-22")
        #expect(Day(iso: "2024-02-10")!.endOfMonth.description == "2024-02-29")
    }

    @Test func f_cycles_overdue_this_week_this_month_and_all() {
        var a = app()
        a.press(.char("4"))
        #expect(a.home.lists[3].visible.count == 5)
        a.press(.char("f"))
        #expect(a.home.lists[3].visibleRows.map(\.id) == ["chk-1"])
        #expect(a.render().text.contains("showing overdue"))
        a.press(.char("f"))
        #expect(a.home.lists[3].visibleRows.map(\.id) == ["chk-today"])
        a.press(.char("f"))
        #expect(Set(a.home.lists[3].visibleRows.map(\.id)) == ["chk-today", "chk-2"])
        a.press(.char("f"))
        #expect(a.home.lists[3].visible.count == 5)
    }

    @Test func key_R_shows_one_region_at_a_time() {
        var a = app()
        a.press(.char("4"), .char("R"))
        #expect(a.home.region == "Highland")
        #expect(Set(a.home.lists[3].visibleRows.map(\.id)) == ["chk-3", "chk-4", "chk-today"])
        expectSnapshot(a.render(), "home-checkpoints-highland")
        a.press(.char("R"))
        #expect(a.home.region == "Oeste")
        a.press(.char("R"))
        #expect(a.home.region == nil)
        #expect(a.home.lists[3].visible.count == 5)
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `o` sorts any list by any of its columns, up then down, shown in the header.
@Suite struct ListSortTests {
    /// The names in the School column, top to bottom, as drawn.
    func schoolNames(_ canvas: Canvas) -> [String] {
        (3..<6).map { canvas.row($0) }.compactMap { line in
            ["Escola", "Szkoła", "Þingeyjarskóli"].first { line.contains($0) }
        }
    }

    @Test func o_sorts_the_schools_by_name_up_then_down_and_the_header_shows_which() {
        var app = Fixture.app()
        app.press(.char("2"), .char("o"))
        var canvas = app.render()
        #expect(canvas.row(2).contains("School ▲"))
        #expect(schoolNames(canvas) == ["Escola", "Szkoła", "Þingeyjarskóli"])
        app.press(.char("o"))
        canvas = app.render()
        #expect(canvas.row(2).contains("School ▼"))
        #expect(schoolNames(canvas) == ["Þingeyjarskóli", "Szkoła", "Escola"])
    }

    @Test func the_next_column_sorts_with_empty_cells_last_and_the_list_comes_back_to_its_own_order() {
        var app = Fixture.app()
        app.press(.char("2"), .char("o"), .char("o"), .char("o"))
        var canvas = app.render()
        // The column widens for the arrow beside its title.
        #expect(canvas.row(2).contains("Official id ▲"))
        #expect(schoolNames(canvas) == ["Szkoła", "Escola", "Þingeyjarskóli"], "PL-3, PT-1, then the school without one")
        app.press(.char("o"))
        #expect(schoolNames(app.render()) == ["Escola", "Szkoła", "Þingeyjarskóli"], "down, the empty one still last")
        for _ in 0..<5 { app.press(.char("o")) }
        canvas = app.render()
        #expect(!canvas.row(2).contains("▲") && !canvas.row(2).contains("▼"), "after the last column the list's own order")
        #expect(schoolNames(canvas) == ["Escola", "Szkoła", "Þingeyjarskóli"])
    }

    @Test func the_selected_record_stays_selected_when_the_order_changes() {
        var app = Fixture.app()
        app.press(.char("2"), .char("j"))
        let chosen = app.home.list.selectedRow?.id
        app.press(.char("o"), .char("o"))
        #expect(app.home.list.selectedRow?.id == chosen)
        #expect(app.render().row(3 + app.home.list.cursor.selected).hasPrefix(">"))
    }

    @Test func numbers_sort_as_numbers_days_by_time_and_names_as_NameOrder_has_them() {
        let cells = ["10", "9", "—", "2.5", "", "-1"]
        let rows = cells.enumerated().map { ListRow(id: "r\($0.offset)", cells: [$0.element]) }
        let up = ListModel.order(of: rows, by: ListSort(column: 0)).map { cells[$0] }
        #expect(up == ["-1", "2.5", "9", "10", "—", ""])
        let down = ListModel.order(of: rows, by: ListSort(column: 0, descending: true)).map { cells[$0] }
        #expect(down == ["10", "9", "2.5", "-1", "—", ""])
        let names = ["Zamość", "Łódź", "Lyon", "élan", "Lisbon", "Ørsted"]
        let named = names.enumerated().map { ListRow(id: "n\($0.offset)", cells: [$0.element]) }
        #expect(
            ListModel.order(of: named, by: ListSort(column: 0)).map { names[$0] } == ["élan", "Lisbon", "Łódź", "Lyon", "Ørsted", "Zamość"])
        let days = ["2027-01-20", "2026-11-10", "2026-11-30"]
        let dated = days.enumerated().map { ListRow(id: "d\($0.offset)", cells: [$0.element]) }
        #expect(ListModel.order(of: dated, by: ListSort(column: 0)).map { days[$0] } == ["2026-11-10", "2026-11-30", "2027-01-20"])
    }

    @Test func the_checkpoints_sorted_by_due_stay_sorted_after_the_world_changes() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char("o"), .char("o"), .char("o"))  // Due ▲
        #expect(app.render().row(2).contains("Due ▲"))
        let dues = { (app: AppState) in app.home.list.visibleRows.map { $0.cells[1] } }
        #expect(dues(app) == dues(app).sorted())
        var w = app.world
        w.apply(.put(.checkpoint(Checkpoint(id: "chk-new", cluster: "clu-pt", title: "Nova", due: Day(iso: "2026-01-02")!))))
        _ = app.send(.worldChanged(w))
        #expect(app.home.list.visibleRows.first?.id == "chk-new")
        #expect(dues(app) == dues(app).sorted())
    }

    @Test func the_tree_of_groupings_keeps_its_outline_and_offers_no_sort() {
        var app = Fixture.app()
        app.press(.char("t"))
        #expect(!app.home.bindings(app.env).contains { $0.keys.contains(.char("o")) })
        #expect(!app.home.trailingBindings(app.env).contains { $0.keys.contains(.char("o")) })
    }
}

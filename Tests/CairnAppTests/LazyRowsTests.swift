import CairnCore
import CairnStore
import Synchronization
import TermUI
import Testing

@testable import CairnApp

/// The Schools and Agencies tabs are laid over their ids in name order, each row made when it
/// is shown: a screen of a national store reads the schools it shows, and the frame is the one
/// the whole world gives.
@Suite struct LazyRowsTests {
    @Test func a_list_over_lazy_rows_makes_only_the_rows_shown_until_every_row_is_asked_for() throws {
        let made = Mutex(0)
        let ids = (0..<1000).map { "sch-\($0)" }
        func rows(_ ids: [String]) -> LazyRows {
            LazyRows(ids: ids) { id in
                made.withLock { $0 += 1 }
                return ListRow(id: id, cells: [id == "sch-500" ? "Łódź" : "Escola \(id)"])
            }
        }
        var list = ListModel()
        list.setRows(rows(ids), builtFrom: "a")
        #expect(list.rowCount == 1000 && list.visible.count == 1000)
        for i in 0..<20 { #expect(list.visibleRow(i).id == ids[i]) }
        #expect(made.withLock { $0 } == 20)
        // The selection is kept across new rows, found by id: no row made for it.
        list.select(id: "sch-500")
        list.setRows(rows(ids.reversed()), builtFrom: "b")
        #expect(list.selectedRow?.id == "sch-500" && list.cursor.selected == 499)
        #expect(made.withLock { $0 } == 21)
        // A filter asks for every row's text: all are made, once.
        list.apply(.startFilter, visibleRows: 20)
        for c in "lodz" { list.apply(.filterKey(.char(c)), visibleRows: 20) }
        #expect(list.visibleRows.map(\.id) == ["sch-500"])
        #expect(made.withLock { $0 } == 20 + 1000)
    }

    /// A world of 600 schools and 300 agencies laid over its snapshot bytes, nothing read yet.
    static func laid() throws -> (laid: World, whole: World) {
        var w = Fixture.world()
        let names = ["Þingeyjarskóli", "Łódź", "São João", "Sa\u{0303}o Pedro", "Kāhui Ako", "漢字", "Escola 🙂"]
        var changes: [Change] = []
        for i in 0..<600 {
            changes.append(.put(.school(School(id: "sch-z\(i)", name: "\(names[i % names.count]) \(i)", municipality: "M\(i % 9)"))))
        }
        for i in 0..<300 {
            changes.append(.put(.agency(Agency(id: "age-z\(i)", name: "\(names[i % names.count]) agency \(i)", sector: .health))))
        }
        w.apply(changes)
        var writer = SnapshotWriter()
        try w.writeSnapshot(to: &writer)
        return (try World(snapshot: writer.bytes), w)
    }

    @Test(arguments: [(64, 20), (80, 24), (120, 40)])
    func the_schools_and_agencies_tabs_read_only_the_rows_they_show_and_show_what_the_whole_world_shows(size: (Int, Int)) throws {
        let (laid, whole) = try Self.laid()
        var lazy = Fixture.app(laid, width: size.0, height: size.1)
        var full = Fixture.app(whole, width: size.0, height: size.1)
        for keys in [["2"], ["j", "j", "j"], ["3"], ["j"], ["2"]] {
            for k in keys {
                _ = lazy.press(.char(Character(k)))
                _ = full.press(.char(Character(k)))
            }
            #expect(lazy.render().text == full.render().text, "after \(keys)")
        }
        #expect(lazy.render().row(1).contains("Schools (\(whole.schools.count))"))
        // Neither part was read whole: the rows shown were read one by one.
        #expect(!laid.schools.isRead && !laid.agencies.isRead)
        // A filter reads every school, and finds what the whole world's list finds.
        for k in ["/", "l", "o", "d", "z"] {
            _ = lazy.press(.char(Character(k)))
            _ = full.press(.char(Character(k)))
        }
        #expect(lazy.render().text == full.render().text)
        #expect(lazy.render().text.contains("Łódź 1"))
    }
}

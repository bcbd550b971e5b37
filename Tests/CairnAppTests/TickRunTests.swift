import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// A clerk ticks a run of checkpoints: after each tick the cursor keeps its place in the list,
/// now on the next checkpoint, so Space, the evidence and Enter tick the next without moving.
@Suite struct TickRunTests {
    @Test func after_a_tick_the_cursor_stays_on_its_row_which_now_shows_the_next_checkpoint() throws {
        var w = Fixture.world()
        for i in 1...4 {
            w.apply(
                .put(.checkpoint(Checkpoint(id: "chk-r\(i)", cluster: "clu-pt", title: "Visita \(i)", due: Fixture.today.adding(days: i)))))
        }
        var app = Fixture.app(w)
        app.press(.char("4"))
        let open = app.home.list.visibleRows.filter { app.world.checkpoints[$0.id]?.isDone == false }.map(\.id)
        #expect(open.count >= 4)
        let place = app.home.list.cursor.selected
        for n in 0..<3 {
            #expect(app.home.list.selectedRow?.id == open[n], "tick \(n + 1) starts on the next open checkpoint")
            app.press(.char(" "))
            app.type("acta \(n)")
            app.settle(app.press(.enter))
            #expect(app.world.checkpoints[open[n]]?.isDone == true)
            #expect(app.home.list.cursor.selected == place, "the cursor kept its place")
        }
        // Moving on purpose still follows the record selected, as before.
        app.press(.char("j"))
        let chosen = try #require(app.home.list.selectedRow?.id)
        app.press(.char("e"), .escape)
        #expect(app.home.list.selectedRow?.id == chosen)
    }

    @Test func five_checkpoints_with_their_evidence_take_space_and_enter_each_beyond_the_text() throws {
        var w = Fixture.world()
        for i in 1...5 {
            w.apply(
                .put(.checkpoint(Checkpoint(id: "chk-f\(i)", cluster: "clu-pt", title: "Visita \(i)", due: Fixture.today.adding(days: i)))))
        }
        var app = Fixture.app(w)
        app.press(.char("4"))
        let run = app.home.list.visibleRows.filter { app.world.checkpoints[$0.id]?.isDone == false }.prefix(5).map(\.id)
        try #require(run.count == 5)
        var keys = 0
        for n in 1...5 {
            app.press(.char(" "))
            app.type("acta n.º \(n)")
            app.settle(app.press(.enter))
            keys += 2
        }
        for id in run { #expect(app.world.checkpoints[id]?.isDone == true, "\(id) ticked") }
        #expect(run.enumerated().allSatisfy { n, id in app.world.checkpoints[id]?.evidence == "acta n.º \(n + 1)" })
        #expect(keys == 10, "five ticks with evidence: Space and Enter each, no g before each")
    }
}

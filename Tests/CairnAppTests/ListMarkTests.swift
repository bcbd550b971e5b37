import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `+` marks a row and goes to the next, `*` marks every row shown; a mark is a `*` beside
/// the row, not a colour alone.
@Suite struct ListMarkTests {
    @Test func plus_marks_the_selected_row_with_a_star_and_moves_to_the_next() {
        var app = Fixture.app()
        app.press(.char("4"))
        let first = app.home.list.selectedRow?.id
        app.press(.char("+"))
        let canvas = app.render()
        #expect(canvas.row(3).hasPrefix(" *"), "the first row marked: \(canvas.row(3))")
        #expect(canvas.row(4).hasPrefix("> "), "the cursor on the next row")
        #expect(app.home.list.markedIDs == [first].compactMap { $0 })
        app.press(.char("k"), .char("+"))
        #expect(app.home.list.marked.isEmpty, "+ again unmarks it")
        #expect(!app.render().row(3).hasPrefix(" *"))
    }

    @Test func star_marks_every_row_the_filter_shows_and_again_unmarks_them() {
        var app = Fixture.app()
        app.press(.char("2"), .char("/"))
        app.type("lodz")
        app.press(.enter, .char("*"))
        #expect(app.home.list.markedIDs == ["sch-2"], "only the school the filter shows")
        app.press(.escape)
        let canvas = app.render()
        let marked = (3..<6).filter { canvas.row($0).dropFirst().hasPrefix("*") }.map { canvas.row($0) }
        #expect(marked.count == 1 && marked[0].contains("Szkoła"))
        app.press(.char("*"))
        #expect(app.home.list.marked.count == 3, "every school shown now")
        app.press(.char("*"))
        #expect(app.home.list.marked.isEmpty)
    }

    @Test func a_mark_outlives_a_change_of_the_world_but_not_its_record() {
        var app = Fixture.app()
        app.press(.char("2"), .char("*"))
        var w = app.world
        w.apply(.delete(.school, id: "sch-3"))
        _ = app.send(.worldChanged(w))
        #expect(app.home.list.markedIDs.sorted() == ["sch-1", "sch-2"])
    }
}

/// Space with checkpoints marked ticks every open one of them: one prompt, one commit, one undo.
@Suite struct TickMarkedTests {
    @Test func space_ticks_every_marked_open_checkpoint_with_one_evidence_in_one_commit_and_u_undoes_them_all() throws {
        var app = Fixture.app()
        app.press(.char("4"))
        let open = app.home.list.visibleRows.filter { app.world.checkpoints[$0.id]?.isDone == false }.map(\.id)
        #expect(open.count == 3)
        app.press(.char("*"))  // the done one is marked too, and left as it is
        #expect(app.render().row(23).contains("Space tick marked"))
        app.press(.char(" "))
        #expect(app.render().text.contains("Tick off 3 marked checkpoints"))
        app.type("acta da reunião")
        let effects = app.press(.enter)
        #expect(effects.filter { if case .commit = $0 { return true } else { return false } }.count == 1, "one commit")
        app.settle(effects)
        for id in open {
            #expect(app.world.checkpoints[id]?.evidence == "acta da reunião")
            #expect(app.world.checkpoints[id]?.doneOn == Fixture.today)
        }
        #expect(app.home.list.marked.isEmpty, "the marks go once every marked checkpoint is done")
        #expect(!app.render().text.contains(" * "))
        app.settle(app.press(.char("u")))
        #expect(open.allSatisfy { app.world.checkpoints[$0]?.isDone == false }, "one u undoes the three ticks")
    }

    @Test func with_no_marked_checkpoint_open_space_says_so_and_opens_nothing() {
        var app = Fixture.app()
        app.press(.char("4"), .char("G"), .char("+"))
        #expect(app.home.list.markedIDs == ["chk-4"])
        app.press(.char(" "))
        #expect(app.opened.isEmpty)
        #expect(app.render().text.contains("None of the marked checkpoints is open"))
    }
}

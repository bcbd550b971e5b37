import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `u` undoes at once and says what it undid; Ctrl-R puts it back and says so; a new change
/// after an undo leaves nothing to redo.
@Suite struct RedoTests {
    @Test func ctrl_r_redoes_what_u_undid_and_a_new_change_ends_the_redo() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "))  // tick the first checkpoint
        app.type("acta")
        app.settle(app.press(.enter))
        let ticked = try #require(app.world.checkpoints.values.first { $0.evidence == "acta" })
        app.settle(app.press(.char("u")))
        #expect(app.world.checkpoints[ticked.id]?.isDone == false)
        #expect(app.status?.text == "Undone: Ticked “\(ticked.title)” as done")
        app.settle(app.press(.ctrl("r")))
        #expect(app.world.checkpoints[ticked.id]?.evidence == "acta")
        #expect(app.status?.text == "Redone: Ticked “\(ticked.title)” as done")
        // Undo again, then redo twice: the second has nothing left.
        app.settle(app.press(.char("u")))
        app.settle(app.press(.ctrl("r")))
        app.settle(app.press(.ctrl("r")))
        #expect(app.status?.text.hasPrefix("Nothing to redo") == true)
        // A new change after an undo: Ctrl-R has nothing to put back.
        app.settle(app.press(.char("u")))
        #expect(app.world.checkpoints[ticked.id]?.isDone == false)
        app.press(.char("j"), .char(" "))  // tick another
        app.type("minutes")
        app.settle(app.press(.enter))
        #expect(app.world.checkpoints.values.contains { $0.evidence == "minutes" })
        app.settle(app.press(.ctrl("r")))
        #expect(app.world.checkpoints[ticked.id]?.isDone == false)
        #expect(app.status?.text.hasPrefix("Nothing to redo") == true)
    }
}

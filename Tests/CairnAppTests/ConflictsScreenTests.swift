import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// Home › C: the fields two people set without seeing each other's change.
@Suite struct ConflictsScreenTests {
    /// The fixture after Ana and Ben both changed the phone of São João from the same screen.
    static func conflicted() throws -> World {
        var w = Fixture.world()
        let edit = { (value: String) in
            Change.edit(Edit(kind: .school, id: "sch-1", fields: [FieldEdit("phone", old: .string(""), new: .string(value))]))
        }
        _ = try w.fold(edit("211 111 111"), by: Conflict.Side(value: .null, by: "ana", at: "2026-11-22T09:00:00.000Z", event: "ev-a"))
        let found = try w.fold(
            edit("222 222 222"), by: Conflict.Side(value: .null, by: "ben", at: "2026-11-22T09:05:00.000Z", event: "ev-b"))
        #expect(found.count == 1)
        return w
    }

    @Test(arguments: [(80, 24), (80, 23), (120, 40)])
    func home_counts_them_and_c_lists_each_value_with_who_and_when(size: (Int, Int)) throws {
        var app = Fixture.app(try Self.conflicted(), width: size.0, height: size.1)
        let home = app.render()
        #expect(home.row(0).hasSuffix(" 1 conflict (C on Home)  2026-11-22 · ana"))
        #expect(home.row(size.1 - 1).contains("C conflicts (1)"))
        app.press(.char("C"))
        let canvas = app.render()
        let text = (0..<canvas.height).map { canvas.row($0) }.joined(separator: "\n")
        #expect(text.contains("Conflicts"))
        let kept = try #require((0..<canvas.height).first { canvas.row($0).contains("“222 222 222”") })
        #expect(canvas.row(kept).contains("phone"))
        #expect(canvas.row(kept).contains("ben"))
        #expect(canvas.row(kept).contains("stands"))
        #expect(canvas.row(kept).contains(size.0 >= 100 ? "2026-11-22 09:05" : "11-22 09:05"))
        #expect(canvas.row(kept + 1).contains("“211 111 111”") && canvas.row(kept + 1).contains("ana"))
        #expect(canvas.row(size.1 - 1).contains("Enter keep this value"))
    }

    @Test func enter_keeps_the_chosen_value_and_the_conflict_leaves_both_lists() throws {
        var app = Fixture.app(try Self.conflicted())
        app.press(.char("C"), .char("j"))
        let effects = app.press(.enter)
        let outcome = try effects.committed()
        #expect(
            outcome.edits.first?.fields == [FieldEdit("phone", old: .string("222 222 222"), new: .string("211 111 111"), resolves: true)])
        app.settle(effects)
        #expect(app.world.schools["sch-1"]?.phone == "211 111 111")
        #expect(app.world.conflicts.isEmpty)
        let canvas = app.render()
        #expect(canvas.text.contains("No conflicts: every field has one value that everyone saw"))
        app.press(.escape)
        #expect(!app.render().row(0).contains("conflict"))
        #expect(!app.render().row(23).contains("conflicts"))
    }
}

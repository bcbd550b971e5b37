import CairnCore
import TermUI
import Testing

@testable import CairnApp

@Suite struct WorkshopTests {
    @Test func w_walks_the_four_steps_with_what_is_agreed_and_missing() throws {
        var app = Fixture.app()
        app.press(.char("w"))  // on Home's selected cluster
        let w = try app.topScreen(WorkshopScreen.self)
        #expect(w.step == 1)
        let first = app.render()
        expectSnapshot(first, "workshop-step-1")
        #expect(first.text.contains("Step 1 of 4 · Map the stakeholders"))
        #expect(first.text.contains("✓ Câmara Municipal de Óbidos — convenes the network (lead)"))
        #expect(!first.text.contains("Cluster "))  // no table headers: lines only
        app.press(.right)
        #expect(app.render().text.contains("✗ no shared goal yet"))
        app.press(.char("n"), .char("n"))
        let last = app.render()
        #expect(last.text.contains("Step 4 of 4"))
        #expect(last.text.contains("✗ no monitoring agreement"))
        app.press(.right)  // stays on the last step
        #expect(app.render().text.contains("Step 4 of 4"))
        app.press(.char("2"))
        #expect(app.render().text.contains("Step 2 of 4"))
    }

    @Test func adding_from_a_step_returns_to_it_with_the_new_item_agreed() {
        var app = Fixture.app()
        app.openWorkshop("clu-pt")
        app.press(.char("2"), .char("a"))
        app.type("Fewer pupils held back")
        app.press(.tab)
        app.type("retention rate")
        app.press(.tab, .tab)
        app.type("9")
        app.press(.tab, .tab)
        app.type("5")
        app.press(.tab)
        app.type("+1m")  // the deadline
        app.settle(app.press(.enter))
        let canvas = app.render()
        #expect(canvas.text.contains("Step 2 of 4"))
        #expect(canvas.text.contains("✓ Fewer pupils held back: retention rate, 9 → 5 by"))
        #expect(app.world.goals.values.first?.direction == .decrease)  // 9 → 5 goes down
    }
}

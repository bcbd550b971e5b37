import CairnCore
import Foundation
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

/// Workshop lists scroll and say how many more; step 1 sets roles and the lead; 64x20 works.
@Suite struct WorkshopListTests {
    static func crowded() -> World {
        var w = Fixture.world()
        for i in 1...9 {
            w.apply(.put(.school(School(id: "sch-x\(i)", name: "Escola Básica n.º \(i) de Óbidos", municipality: "Óbidos"))))
            w.apply(.put(.membership(Membership(id: "mem-x\(i)", cluster: "clu-pt", memberType: .school, memberId: "sch-x\(i)"))))
        }
        return w
    }

    @Test(arguments: [(80, 24), (64, 20)])
    func a_long_step_says_and_n_more_and_scrolls_to_the_last_item(size: (Int, Int)) throws {
        var app = Fixture.app(Self.crowded(), width: size.0, height: size.1)
        app.openWorkshop("clu-pt")
        var canvas = app.render()
        #expect(!canvas.text.contains("Terminal too small"), "\(canvas.text)")
        #expect(canvas.text.contains("Step 1 of 4"))
        #expect(canvas.text.contains("more (j/k scroll)"), "\(canvas.text)")
        expectSnapshot(canvas, "workshop-crowded-\(size.0)x\(size.1)")
        app.press(.end)
        for _ in 0..<30 { app.press(.char("j")) }
        canvas = app.render()
        #expect(canvas.text.contains("Escola Básica n.º 9 de Óbidos has no role yet"), "the last item is reached: \(canvas.text)")
        let missingPart = try #require(canvas.text.components(separatedBy: "Still missing").last)
        #expect(missingPart.contains("more above") && !missingPart.contains("more (j/k scroll)"), "\(canvas.text)")
    }

    @Test func enter_on_a_member_without_a_role_sets_its_role_and_lead_there() throws {
        var app = Fixture.app(Self.crowded())
        app.openWorkshop("clu-pt")
        let step = try app.topScreen(WorkshopScreen.self)
        let items = WorkshopStep.make(1, world: app.world, cluster: "clu-pt", today: Fixture.today).items
        let target = try #require(items.firstIndex { $0.text == "Escola Básica n.º 3 de Óbidos has no role yet" })
        for _ in step.selected..<target { app.press(.char("j")) }
        app.press(.enter)
        let form = try #require(app.topForm)
        #expect(form.purpose == .member(membership: "mem-x3", cluster: "clu-pt", type: .school, memberId: "sch-x3"))
        app.type("escola do 1.º ciclo")
        app.settle(app.press(.enter))
        #expect(app.world.memberships["mem-x3"]?.role == "escola do 1.º ciclo")
        #expect(try app.topScreen(WorkshopScreen.self).step == 1, "back on the step")
        #expect(!app.render().text.contains("n.º 3 de Óbidos has no role yet"))
    }

    @Test func below_64x20_the_workshop_says_the_terminal_is_too_small() {
        var app = Fixture.app(width: 63, height: 20)
        app.openWorkshop("clu-pt")
        #expect(app.render().text.contains("Terminal too small"))
    }
}

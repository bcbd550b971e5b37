import CairnCore
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// The workshop on a projector: every screen it opens, and Home and the cluster screen, are
/// laid out at 64x20 as at 80x24; forms put each label above its value when narrow.
@Suite struct ProjectorTests {
    static let sizes = [(64, 20), (80, 24)]

    /// A goal no action serves yet, so that step 3 has something missing that Enter fixes.
    static func withGoal() -> World {
        var w = Fixture.world()
        w.apply(
            .put(
                .goal(
                    Goal(
                        id: "gol-1", cluster: "clu-pt", statement: "Fewer pupils leave early", indicator: "early leavers", unit: "%",
                        baseline: 9, target: 5, deadline: Fixture.today.adding(days: 300)))))
        return w
    }

    static func expectLaidOut(_ app: AppState, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = app.render().text
        #expect(!text.contains("Terminal too small"), "\(what) is refused: \(text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func every_screen_the_workshop_opens_is_laid_out(size: (Int, Int)) throws {
        var app = Fixture.app(Self.withGoal(), width: size.0, height: size.1)
        app.openWorkshop("clu-pt")
        app.press(.char("a"))
        _ = try app.topScreen(PickerScreen.self)
        Self.expectLaidOut(app, "the member picker")
        app.press(.escape)
        for step in ["2", "3", "4"] {
            app.press(.char(Character(step)), .char("a"))
            _ = try app.topScreen(FormScreen.self)
            Self.expectLaidOut(app, "the form of step \(step)")
            app.press(.char("x"), .escape)
            _ = try app.topScreen(ConfirmScreen.self)
            Self.expectLaidOut(app, "the question before discarding a form")
            app.press(.char("y"))
        }
        app.press(.char("?"))
        _ = try app.topScreen(HelpScreen.self)
        Self.expectLaidOut(app, "the workshop's help")
        app.press(.char("z"), .char("q"))
        #expect(app.opened.isEmpty)
        Self.expectLaidOut(app, "Home, after leaving the workshop")
        app.press(.enter)
        _ = try app.topScreen(ClusterScreen.self)
        Self.expectLaidOut(app, "the cluster screen")
        expectSnapshot(app.render(), "projector-cluster-\(size.0)x\(size.1)")
    }

    @Test func too_small_names_the_size_the_screen_showing_needs() {
        var app = Fixture.app(width: 60, height: 20)
        #expect(app.render().text.contains("at least 64×20"))
        app.press(.char("2"), .enter)  // q only, while too small: Enter does nothing
        #expect(app.opened.isEmpty)
    }

    @Test(arguments: sizes)
    func a_form_puts_each_label_above_its_value_when_narrower_than_80(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.openWorkshop("clu-pt")
        app.press(.char("2"), .char("a"))
        app.type("Fewer pupils leave school early, in every school of the cluster")
        let canvas = app.render()
        expectSnapshot(canvas, "projector-goal-form-\(size.0)x\(size.1)")
        let label = try #require((0..<canvas.height).first { canvas.row($0).contains("▸ Goal") })
        if size.0 < 80 {
            #expect(!canvas.row(label).contains("Fewer"))
            #expect(canvas.row(label + 1).contains("in every school of the"), "the value takes the width: \(canvas.text)")
        } else {
            #expect(canvas.row(label).contains("cluster"))
        }
    }

    @Test(arguments: sizes)
    func home_lists_drop_their_least_useful_columns_when_narrow(size: (Int, Int)) {
        let app = Fixture.app(width: size.0, height: size.1)
        let canvas = app.render()
        expectSnapshot(canvas, "projector-home-\(size.0)x\(size.1)")
        if size.0 < 80 {
            #expect(canvas.text.contains("Agrupamento de Escolas de Óbidos"), "the name is read whole: \(canvas.text)")
        }
        #expect(canvas.row(2).contains("Weakest point") == (size.0 >= 80))
    }
}

/// The workshop's room: the whole height used, Enter on what is missing opens what fixes it,
/// the title bar says where the room is, the last step says how to finish.
@Suite struct WorkshopRoomTests {
    @Test(arguments: ProjectorTests.sizes)
    func the_title_bar_shows_the_cluster_and_the_step(size: (Int, Int)) {
        var app = Fixture.app(width: size.0, height: size.1)
        app.openWorkshop("clu-pt")
        app.press(.char("2"))
        let title = app.render().row(0)
        #expect(title.contains("Cairn › Workshop › Agrupament"))
        #expect(title.contains("› Step 2 of 4"), "\(title)")
    }

    @Test(arguments: ProjectorTests.sizes)
    func while_items_are_hidden_the_lists_reach_the_status_line(size: (Int, Int)) {
        var app = Fixture.app(WorkshopListTests.crowded(), width: size.0, height: size.1)
        app.openWorkshop("clu-pt")
        let canvas = app.render()
        #expect(canvas.text.contains("more (j/k scroll)"))
        let lastBodyRow = size.1 - 3
        #expect(!canvas.row(lastBodyRow).trimmingCharacters(in: .whitespaces).isEmpty, "blank rows below: \(canvas.text)")
    }

    @Test func enter_on_no_action_serves_a_goal_opens_a_new_action_for_that_goal() throws {
        var app = Fixture.app(ProjectorTests.withGoal(), width: 64, height: 20)
        app.openWorkshop("clu-pt")
        app.press(.char("3"))
        #expect(app.render().text.contains("✗ no action serves goal “Fewer pupils leave early”"))
        app.press(.char("?"))
        #expect(try app.topScreen(HelpScreen.self).lines.contains { $0.keys == "Enter" && $0.help == "add the action" })
        app.press(.char("z"))
        app.press(.enter)
        let form = try app.topScreen(FormScreen.self).form
        #expect(form.title == "New action")
        #expect(form.fields.first { $0.key == "goal" }?.value == "gol-1")
    }

    @Test func enter_on_a_missing_agreement_sets_it_and_on_a_goal_edits_it() throws {
        var app = Fixture.app(ProjectorTests.withGoal())
        app.openWorkshop("clu-pt")
        app.press(.char("4"), .enter)
        #expect(
            try app.topScreen(FormScreen.self).form.purpose
                == FrameworkForms.agreement(nil, cluster: "clu-pt", today: Fixture.today).purpose)
        app.press(.escape, .char("2"), .enter)
        #expect(try app.topScreen(FormScreen.self).form.title == "Edit goal")
    }

    @Test func the_last_step_says_how_to_finish_and_help_lists_only_keys_that_act() throws {
        var app = Fixture.app()
        app.openWorkshop("clu-pt")
        app.press(.char("?"))
        let first = try app.topScreen(HelpScreen.self).lines.map(\.help)
        #expect(first.contains("next step") && !first.contains("previous step") && !first.contains("examples"))
        app.press(.char("z"), .char("4"))
        let footer = app.render().row(23)
        #expect(footer.contains("q finish the workshop"), "\(footer)")
        #expect(!footer.contains("next step"))
        app.press(.char("?"))
        let last = try app.topScreen(HelpScreen.self).lines.map(\.help)
        #expect(!last.contains("next step") && last.contains("previous step"))
        #expect(!last.contains { $0.hasSuffix("(not now)") })
    }

    @Test(arguments: ProjectorTests.sizes)
    func each_step_says_what_the_group_decides(size: (Int, Int)) {
        var app = Fixture.app(width: size.0, height: size.1)
        app.openWorkshop("clu-pt")
        let words = [
            "who leads and convenes", "a target, a deadline and a priority", "who is responsible for realising it",
            "how they report to one another",
        ]
        for (step, phrase) in words.enumerated() {
            app.press(.char(Character(String(step + 1))))
            let text = app.render().text.replacingOccurrences(of: "\n  ", with: " ")
            #expect(text.contains(phrase), "step \(step + 1): \(text)")
        }
    }
}

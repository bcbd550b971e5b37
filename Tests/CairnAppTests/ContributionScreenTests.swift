import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// A grouping's goal lists the member clusters' goals that contribute to it, each with how it
/// stands; a contributing goal names the goal it serves.
@Suite struct ContributionScreenTests {
    @Test func a_groupings_goal_shows_its_contributors_and_how_each_stands() throws {
        var w = Fixture.world()
        let day = Fixture.today
        w.apply([
            .put(.membership(Membership(id: "mem-g", cluster: "clu-sc", memberType: .cluster, memberId: "clu-pt"))),
            .put(
                .goal(
                    Goal(
                        id: "gol-r", cluster: "clu-sc", statement: "Regional attendance", indicator: "attendance", unit: "%", baseline: 84,
                        target: 91, deadline: day.adding(days: 400)))),
            .put(
                .goal(
                    Goal(
                        id: "gol-a", cluster: "clu-pt", statement: "Frequência em Óbidos", indicator: "attendance", unit: "%",
                        baseline: 80, baselineDate: day.adding(days: -100), target: 90, deadline: day.adding(days: 265),
                        contributesTo: "gol-r"))),
            .put(.measurement(Measurement(id: "mea-1", goal: "gol-a", value: 81, date: day, by: "ana"))),
        ])
        var app = Fixture.app(w)
        app.home.lists[0].select(id: "clu-sc")
        app.press(.enter, .tab, .tab, .enter)  // Portree Learning Community → Goals → Regional attendance
        #expect(try app.topScreen(GoalScreen.self).id == "gol-r")
        let screen = app.render().text
        #expect(screen.contains("Contributing goals (1)"), "\(screen)")
        #expect(screen.contains("Agrupamento de Escolas de Óbidos · Frequência em Óbidos · 81%"), "\(screen)")

        app.press(.char("q"), .char("q"))
        app.home.lists[0].select(id: "clu-pt")
        app.press(.enter, .tab, .tab, .enter)
        #expect(try app.topScreen(GoalScreen.self).id == "gol-a")
        #expect(app.render().text.contains("Contributes to “Regional attendance” of Portree Learning Community"))

        // Its form offers the goals of the groupings above, this one chosen.
        app.press(.char("E"))
        let field = try #require(app.topForm?.field("contributesTo"))
        #expect(field.labels == ["(none)", "Regional attendance (Portree Learning Community)"])
        #expect(field.value == "gol-r")
        // A cluster within no grouping is not asked.
        #expect(FrameworkForms.goal(nil, cluster: "clu-sc", world: app.world).field("contributesTo") == nil)
    }
}

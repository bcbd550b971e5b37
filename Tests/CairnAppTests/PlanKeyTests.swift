import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// `P` on a cluster asks for its local action plan to be written next to the reports, and says
/// where once it is.
@Suite struct PlanKeyTests {
    @Test func capital_p_on_a_cluster_writes_its_plan_and_says_where() throws {
        var app = Fixture.app()
        app.press(.enter)
        let cluster = try app.topScreen(ClusterScreen.self)
        let effects = app.press(.char("P"))
        #expect(effects == [.writePlan(cluster: cluster.clusterID, replyTo: app.top.id)])
        #expect(app.status?.text == "Writing the plan…")
        app.reply(.reportWritten(path: "/store/reports/agrupamento-plan-2026-11-22.html"))
        #expect(app.status?.text == "Report saved: /store/reports/agrupamento-plan-2026-11-22.html")
    }
}

@Suite struct WorkshopPlanKeyTests {
    @Test func capital_p_in_the_workshop_writes_the_plan_the_room_agreed() throws {
        var app = Fixture.app()
        app.openWorkshop("clu-pt")
        let effects = app.press(.char("P"))
        #expect(effects == [.writePlan(cluster: "clu-pt", replyTo: app.top.id)])
        app.reply(.reportWritten(path: "/store/reports/agrupamento-plan-2026-11-22.html"))
        #expect(app.status?.text == "Plan saved: /store/reports/agrupamento-plan-2026-11-22.html")
        app.press(.char("?"))
        #expect(app.render().text.contains("write the plan the room agreed"))
    }
}

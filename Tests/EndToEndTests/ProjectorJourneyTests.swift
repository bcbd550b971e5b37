import Foundation
import Testing

/// The workshop on a projector, on the built binary at 64x20: from Home into a cluster and its
/// workshop, a member picker, an example copied into a goal and saved, the plan written, the
/// workshop finished back on the cluster, a school's screen and Home again; not once the
/// "too small" screen, and every step checked in the store as another program reads it.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct ProjectorJourneyTests {
    func expectLaidOut(_ screen: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!screen.contains("Terminal too small"), "\(what) at 64x20:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test func a_facilitator_runs_the_workshop_at_64x20_and_leaves_with_a_plan() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, width: 64, height: 20)
        expectLaidOut(try tmux.screen(), "Home")

        try tmux.send("/")
        try tmux.type("Josefa")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("[Mem (")
        try tmux.send("w")
        expectLaidOut(try tmux.waitFor("Step 1 of 4"), "the workshop")
        try tmux.send("a")
        expectLaidOut(try tmux.waitFor("Type to filter"), "the member picker")
        try tmux.send("Escape")
        try tmux.waitFor("Map the stakeholders")

        // Step 2: a goal from the examples, saved as the room worded it.
        try tmux.send("2")
        try tmux.waitFor("Step 2 of 4")
        try tmux.send("I")
        expectLaidOut(try tmux.waitFor("Goals others agreed"), "the examples")
        try tmux.type("mentor")
        try tmux.waitFor("Every pupil at risk has a mentor")
        try tmux.send("Enter")
        expectLaidOut(try tmux.waitFor("New goal"), "the goal's form")
        try tmux.send("End")
        try tmux.type(" in Óbidos")
        try tmux.send("Enter")
        // The example has no deadline: the form says so and goes to it.
        try tmux.waitFor("a deadline is required")
        try tmux.type("2027-07-31")
        try tmux.send("Enter")
        try tmux.waitUntil("the goal saved and listed") { $0.contains("Step 2 of 4") && $0.contains("in Óbidos") }
        let goals = try #require(try Shell.export(store.url)["goals"] as? [[String: Any]])
        #expect(goals.contains { ($0["statement"] as? String) == "Every pupil at risk has a mentor in Óbidos" }, "\(goals)")

        // The plan on paper, then the workshop finished back on the cluster.
        try tmux.send("P")
        let said = try tmux.waitFor("Plan saved:")
        let reports = try FileManager.default.contentsOfDirectory(atPath: store.url.appendingPathComponent("reports").path)
        let plan = try #require(reports.first { $0.contains("-plan-") && $0.hasSuffix(".html") })
        let html = try String(contentsOf: store.url.appendingPathComponent("reports/\(plan)"), encoding: .utf8)
        #expect(html.contains("Every pupil at risk has a mentor in Óbidos"))
        // The path whole, over the rows it needs above the footer.
        let rows = said.split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst() }
        #expect(rows.joined().contains("/reports/\(plan)"), "\(said)")
        try tmux.send("4")
        try tmux.waitFor("q finish the workshop")
        try tmux.send("q")
        expectLaidOut(try tmux.waitFor("[Mem ("), "the cluster after the workshop")

        // A member's screen and Home, still laid out.
        try tmux.send("Enter")
        expectLaidOut(try tmux.waitFor("Member of, and linked to"), "a school's screen")
        try tmux.send("q")
        try tmux.waitFor("[Mem (")
        try tmux.send("q")
        expectLaidOut(try tmux.waitFor("Clusters ("), "Home")
        try tmux.send("q")
        try tmux.waitForExit()
    }
}

import Foundation
import Testing

/// The clerk's batch work on the built binary at 80x24: three schools added with save and
/// next, marked and joined to a cluster in one commit, two checkpoints ticked with one
/// evidence, a list sorted and written out, and an undo and a redo; the store checked after
/// each step through `cairn export` and `cairn log`, as another program would read it.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct DeskJourneyTests {
    /// The records of a kind as `cairn export --format json` gives them.
    func exported(_ kind: String, _ store: URL) throws -> [[String: Any]] {
        try #require(try Shell.export(store)[kind] as? [[String: Any]])
    }

    /// `cairn log --json`: the store's changes, newest first.
    func log(_ store: URL) throws -> [[String: Any]] {
        let result = try Shell.cairn(["log", "--json"], store: store)
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func a_clerk_adds_three_schools_joins_them_ticks_two_checkpoints_sorts_writes_undoes_and_redoes() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url)

        // Three schools: the first with its phase and municipality, the next two keep them.
        try tmux.send("2", "a")
        try tmux.waitFor("Ctrl-N save and next")
        try tmux.type("Escola Desk Um")
        try tmux.send("Tab")
        try tmux.type("DESK-1")
        try tmux.send("Tab", "p", "Space", "Tab")
        try tmux.type("Portree")
        try tmux.send("C-n")
        try tmux.waitFor("Saved “Escola Desk Um”. Next: (1 school saved in this run)")
        try tmux.type("Escola Desk Dois")
        try tmux.send("Tab")
        try tmux.type("DESK-2")
        try tmux.send("C-n")
        try tmux.waitFor("(2 schools saved in this run)")
        try tmux.type("Escola Desk Três")
        try tmux.send("Tab")
        try tmux.type("DESK-3")
        try tmux.send("Enter")
        try tmux.waitFor("Added school “Escola Desk Três”")
        let schools = try exported("schools", store.url).filter { ($0["name"] as? String)?.hasPrefix("Escola Desk") == true }
        #expect(schools.count == 3)
        for s in schools {
            #expect(s["municipality"] as? String == "Portree" && s["phases"] as? [String] == ["primary"], "kept for each: \(s)")
        }
        let ids = Set(schools.compactMap { $0["id"] as? String })

        // Marked through the filter, joined to Portree in one commit.
        try tmux.send("/")
        try tmux.type("desk")
        try tmux.send("Enter", "*")
        try tmux.waitUntil("the three rows marked") { screen in
            screen.split(separator: "\n").filter { $0.dropFirst().hasPrefix("*") && $0.contains("Escola Desk") }.count == 3
        }
        // The filter cleared, the marks stay on the records: J takes all three.
        try tmux.send("Escape", "J")
        try tmux.waitFor("Join 3 schools marked to a cluster")
        try tmux.type("portree")
        try tmux.send("Enter")
        let joined = try tmux.waitFor("Joined 3 schools to “Portree Learning Community”")
        #expect(!joined.contains(" * "), "the marks are gone: \(joined)")
        let portree = try #require(try exported("clusters", store.url).first { $0["name"] as? String == "Portree Learning Community" })
        let members = Set((portree["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(ids.isSubset(of: members), "all three are members of Portree")
        let joins = try log(store.url).filter { $0["kind"] as? String == "membership" && $0["op"] as? String == "create" }.prefix(3)
        #expect(joins.count == 3 && Set(joins.compactMap { $0["at"] as? String }).count == 1, "one commit: \(joins.map { $0["at"] ?? "" })")

        // Two checkpoints marked and ticked with one evidence.
        try tmux.send("4", "+", "+", "Space")
        try tmux.waitFor("Tick off 2 marked checkpoints")
        try tmux.type("Minutes of the desk meeting")
        try tmux.send("Enter")
        try tmux.waitFor("Ticked 2 checkpoints")
        func ticked() throws -> Int {
            try exported("checkpoints", store.url).filter { $0["evidence"] as? String == "Minutes of the desk meeting" }.count
        }
        #expect(try ticked() == 2)
        let ticks = try log(store.url).prefix(2)
        #expect(Set(ticks.compactMap { $0["at"] as? String }).count == 1, "one commit")

        // Sorted by the first column, then the view written out.
        try tmux.send("o")
        try tmux.waitFor("Status ▲")
        try tmux.send("W")
        let wrote = try tmux.waitFor("Wrote ")
        let total = try exported("checkpoints", store.url).count
        #expect(wrote.contains("Wrote \(total) rows to"), "\(wrote)")
        let reports = store.url.appendingPathComponent("reports")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: reports.path).first { $0.hasPrefix("checkpoints-") })
        let csv = try String(contentsOf: reports.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "Status,Due,Checkpoint,Cluster,Done by,Evidence")
        #expect(csv.count == total + 1)

        // u takes back the two ticks at once; Ctrl-R puts them back.
        try tmux.send("u")
        try tmux.waitFor("Undone: Ticked 2 checkpoints")
        #expect(try ticked() == 0)
        try tmux.send("C-r")
        try tmux.waitFor("Redone: Ticked 2 checkpoints")
        #expect(try ticked() == 2)
        let screen = try tmux.screen()
        #expect(screen.split(separator: "\n").count <= 24)
        try tmux.send("q")
        try tmux.waitForExit()
    }
}

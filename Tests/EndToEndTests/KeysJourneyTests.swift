import Foundation
import Testing

/// What you see is what a key does, on the built binary in a real pty: no key acts on a screen
/// too small to be drawn, a paste is taken whole at once, and a draft that cannot be written is
/// said when it happens.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct KeysJourneyTests {
    /// While the too-small screen shows, only q acts: back from the cluster, then quit on Home.
    /// The session's end is the proof that every key before was read, at that size.
    @Test func at_60x20_d_then_y_deletes_nothing_and_q_goes_back_then_quits() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let before = try Shell.journalLines(store.url)
        let tmux = try Tmux.cairn(store: store.url)
        try tmux.send("Enter")
        try tmux.waitFor("Members (")
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor("too small")
        for key in ["d", "y", "E", "x", "Tab", "a", "Enter", "Space", "e", "Escape", "u", "y"] { try tmux.send(key) }
        try tmux.type("Łódź")
        try tmux.send("q", "q")
        try tmux.waitForExit()
        #expect(try Shell.journalLines(store.url) == before, "nothing written")
        #expect(try (Shell.export(store.url)["clusters"] as? [[String: Any]])?.count == 7)
        #expect(store.draftFiles().isEmpty, "no form was opened unseen")
    }

    /// A paste arrives as one key a character. Each key drew a frame and wrote the draft, and
    /// normalised the whole text again: 10,000 characters took 21 s. The session now counts
    /// its keys, frames and draft writes (`CAIRN_BENCH_LOG`).
    @Test func a_paste_of_10000_characters_is_taken_whole_with_one_frame_and_one_draft_for_many_keys() throws {
        let store = TemporaryStore()
        let log = store.root.appendingPathComponent("bench.log")
        let tmux = try Tmux.cairn(store: store.url, environment: ["CAIRN_BENCH_LOG": log.path], ready: "Welcome to Cairn")
        try tmux.send("a")
        try tmux.waitFor("New cluster")
        let pasted = String((0..<9_990).map { i in Array("Kāhui Ako ")[i % 10] }) + "TAIL-END-Ø"
        // tmux takes a command of at most 16 KiB: the paste goes in pieces, sent back to back.
        var rest = Substring(pasted)
        while !rest.isEmpty {
            try tmux.type(String(rest.prefix(2500)))
            rest = rest.dropFirst(2500)
        }
        try tmux.waitFor("TAIL-END-Ø")
        try tmux.send("C-c")
        try tmux.waitForExit()
        let draft = try String(
            contentsOf: store.state.appendingPathComponent("cairn/drafts/\(try #require(store.draftFiles().first))"), encoding: .utf8)
        #expect(draft.contains(pasted), "the whole paste is in the draft kept at Ctrl-C")
        let counts = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").last { $0.contains("keys read") }
        let numbers = try #require(counts).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
        try #require(numbers.count == 3, "\(counts ?? "")")
        print("a paste of 10,000 characters: \(counts ?? "")")
        #expect(numbers[0] >= 10_001, "every key read: \(numbers)")
        #expect(numbers[1] < 1000, "frames drawn: \(numbers)")
        #expect(numbers[2] < 1000, "drafts written: \(numbers)")
    }

    @Test func a_draft_that_cannot_be_written_is_said_at_once_and_again_only_when_it_changes() throws {
        let store = TemporaryStore()
        // A file where the drafts' folder should be (root ignores permission bits, not this).
        try FileManager.default.createDirectory(at: store.state.appendingPathComponent("cairn"), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: store.state.appendingPathComponent("cairn/drafts"))
        let tmux = try Tmux.cairn(store: store.url, width: 120, ready: "Welcome to Cairn")
        try tmux.send("a")
        try tmux.waitFor("New cluster")
        try tmux.type("K")
        let said = try tmux.waitFor("Drafts cannot be written: “drafts” on that path is a file, not a folder; their folder is")
        #expect(said.contains(store.state.path + "/cairn/drafts/store-"), "the folder, on the row below: \(said)")
        // Said once: the next keys (the same failure) leave the status line to them.
        try tmux.type("āhui")
        try tmux.waitFor("Kāhui")
        // Read once the frame is whole: a capture between the field's row and the status rows
        // of one redraw would show the old status beside the new name.
        let typed = try tmux.settledScreen()
        #expect(!typed.contains("Drafts cannot be written"), "\(typed)")
        // Once the folder can be made, the draft is written again and nothing is said.
        try FileManager.default.removeItem(at: store.state.appendingPathComponent("cairn/drafts"))
        try tmux.type(" Ako")
        try tmux.waitUntil("the draft written") { _ in !store.draftFiles().isEmpty }
        #expect(!(try tmux.screen()).contains("Drafts cannot be written"))
        try tmux.send("C-c")
        try tmux.waitForExit()
    }

    /// At a terminal `cairn demo` asks rather than refuses; n loads nothing, y loads them.
    @Test func demo_at_a_terminal_asks_before_loading_beside_records() throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Sieć Szkół Łódź"], store: store.url).status == 0)
        func demo(answer: String) throws -> String {
            let line = "\(Shell.quote(Shell.cairn)) demo --store \(Shell.quote(store.url.path)); echo \"exit $?\"; sleep 60"
            let tmux = try Tmux(width: 120, height: 10, environment: ["XDG_STATE_HOME": store.state.path], command: ["sh", "-c", line])
            try tmux.waitFor("Load the examples beside them? (y/n)")
            try tmux.type(answer)
            try tmux.send("Enter")
            return try tmux.waitFor("exit ")
        }
        let declined = try demo(answer: "n")
        #expect(declined.contains("nothing loaded") && declined.contains("exit 1"), "\(declined)")
        #expect(try (Shell.export(store.url)["clusters"] as? [[String: Any]])?.count == 1)
        let accepted = try demo(answer: "y")
        #expect(accepted.contains("loaded 7 example clusters") && accepted.contains("exit 0"), "\(accepted)")
        #expect(try (Shell.export(store.url)["clusters"] as? [[String: Any]])?.count == 8)
    }
}

/// `cairn demo` loads the examples beside real records only when asked to, and says when a
/// shared store will send them to its hub.
@Suite(.serialized) struct DemoCommandTests {
    @Test func demo_on_a_store_with_records_refuses_in_one_line_without_yes() throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Sieć Szkół Łódź"], store: store.url).status == 0)
        let refused = try Shell.cairn(["demo"], store: store.url)
        #expect(refused.status != 0)
        #expect(refused.stderr.split(separator: "\n").count == 1, "one line: \(refused.stderr)")
        #expect(refused.stderr.contains("this store already has records (1 cluster, 0 schools, 0 agencies)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("cairn demo --yes"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("hub"), "a store of this machine alone has none")
        #expect(try (Shell.export(store.url)["clusters"] as? [[String: Any]])?.count == 1)
        let loaded = try Shell.cairn(["demo", "--yes"], store: store.url)
        #expect(loaded.status == 0 && loaded.stdout.contains("loaded 7 example clusters"), "\(loaded.stderr)")
        #expect(!loaded.stdout.contains("hub"))
        #expect(try (Shell.export(store.url)["clusters"] as? [[String: Any]])?.count == 8)
    }

    @Test func demo_on_a_synced_store_says_the_examples_reach_the_hub_at_the_next_sync() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try server.must(["sync", "--init", hub.bare.path])
        let refused = try server.cairn(["demo"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("it is shared: the examples would reach its hub at the next sync"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "one line: \(refused.stderr)")
        let loaded = try server.must(["demo", "--yes"])
        #expect(
            loaded.contains("loaded 7 example clusters") && loaded.contains("they reach the shared hub at the next cairn sync"), "\(loaded)"
        )
        // A shared store with no records yet: nothing to ask, and the hub is still said.
        let other = try SyncHub()
        let empty = other.machine("empty")
        try empty.must(["sync", "--init", other.bare.path])
        #expect(try empty.must(["demo"]).contains("they reach the shared hub at the next cairn sync"))
    }
}

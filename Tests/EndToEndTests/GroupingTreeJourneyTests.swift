import Foundation
import Testing

/// The tree of groupings on the built binary, over the examples' Northern Alliance: `t` shows
/// it, ← and → fold and unfold it, Enter opens a cluster, and the grouping's Members tab gives
/// each member cluster's own status.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct GroupingTreeJourneyTests {
    @Test func t_shows_the_examples_as_a_tree_that_folds_unfolds_and_opens_its_clusters() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url)
        try tmux.send("t")
        let tree = try tmux.waitFor("▾ Northern Alliance")
        let lines = tree.split(separator: "\n").map(String.init)
        let alliance = try #require(lines.firstIndex { $0.contains("▾ Northern Alliance") })
        // Two clusters within, their seven schools, each once; its clusters indented beneath.
        #expect(lines[alliance].contains(#/Northern Alliance +2 +7 /#), "\(tree)")
        #expect(
            lines[alliance + 1].hasPrefix("      Inverness Royal Acad") && lines[alliance + 2].hasPrefix("      Portree Learning"),
            "\(tree)")
        #expect(lines.last?.contains("t flat") == true, "the footer names the key: \(tree)")

        // A filter finds the alliance; Esc shows the tree again with it selected; ← folds it.
        try tmux.send("/")
        try tmux.type("northern")
        try tmux.waitFor("Northern Alliance › Inve")
        try tmux.send("Escape")
        try tmux.waitFor("> ▾ Northern Alliance")
        try tmux.send("Left")
        let folded = try tmux.waitFor("> ▸ Northern Alliance")
        #expect(!folded.contains("Portree Learning"), "\(folded)")
        try tmux.send("Right")
        try tmux.waitFor("      Portree Learning")
        try tmux.send("Right", "Enter")
        try tmux.waitFor("Inverness Royal Academy Associated Schools Group\n")
        try tmux.send("q")
        try tmux.waitFor(">     Inverness Royal Acad")

        // ← goes up to the alliance; its Members tab says how each member cluster stands.
        try tmux.send("Left", "Enter")
        // The whole frame, not only its header: under load a frame can be caught half drawn.
        let members = try tmux.waitUntil("the members with their status") {
            // The grouping's own screen (its header names its kind), not Home's tree behind it.
            $0.contains("regional collaborative") && $0.contains("Weakest point")
                && $0.split(separator: "\n").contains { $0.contains("Portree Learning") && $0.contains("overdue") }
        }
        #expect(members.contains("Gaps") && members.contains("Hlth"), "\(members)")
        let portree = try #require(members.split(separator: "\n").first { $0.contains("Portree Learning") })
        #expect(portree.contains("cluster") && portree.contains("3.0") && portree.contains("overdue"), "\(members)")
        try tmux.send("q")
        try tmux.waitFor("> ▾ Northern Alliance")
        try tmux.send("q")
        try tmux.waitForExit()
    }
}

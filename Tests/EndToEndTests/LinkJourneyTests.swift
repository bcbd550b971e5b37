import Foundation
import Testing

/// Links between schools on the built binary's screens, as the command line makes them: `l` on
/// a school picks the other school and says what the link is, `e` on the link's row edits it,
/// `d` removes it after naming it, and the store holds each step.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct LinkJourneyTests {
    @Test func a_school_is_linked_edited_and_unlinked_on_its_screen() throws {
        let store = TemporaryStore()
        for name in ["EB1 de A-da-Gorda", "EB 2,3 Josefa de Óbidos"] {
            #expect(try Shell.cairn(["add", "school", "--name", name], store: store.url).status == 0)
        }
        let tmux = try Tmux.cairn(store: store.url, ready: "Clusters (0)")
        try tmux.send("2", "/")
        try tmux.type("gorda")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("l link")

        // l: the other school by typing, then a feed at primary → lower secondary.
        try tmux.send("l")
        try tmux.waitFor("Link EB1 de A-da-Gorda with a school")
        try tmux.type("josefa")
        try tmux.send("Enter")
        try tmux.waitFor("Link with EB 2,3 Josefa de Óbidos")
        try tmux.send("Tab", "Right", "Space", "Right", "Space", "Enter")
        let linked = try tmux.waitFor("e edit link")
        let row = try #require(linked.split(separator: "\n").first { $0.contains("EB 2,3 Josefa") })
        #expect(row.hasPrefix(">") && row.contains("feeds") && row.contains("primary → lower secondary"), "\(linked)")
        let links = try #require(try Shell.export(store.url)["links"] as? [[String: Any]])
        #expect(links.count == 1 && links.first?["relation"] as? String == "feeds", "\(links)")
        #expect(links.first?["phases"] as? [String] == ["primary", "lower-secondary"])

        // e: the link's notes.
        try tmux.send("e")
        try tmux.waitFor("Edit link: EB1 de A-da-Gorda feeds EB 2,3 Josefa de Óbidos")
        try tmux.send("Tab")
        try tmux.type("Visita em junho")
        try tmux.send("Enter")
        try tmux.waitFor("e edit link")
        let edited = try #require(try Shell.export(store.url)["links"] as? [[String: Any]])
        #expect(edited.first?["notes"] as? String == "Visita em junho", "\(edited)")

        // d: named, then gone; both schools stay.
        try tmux.send("d")
        try tmux.waitFor("The schools stay.")
        try tmux.send("y")
        try tmux.waitFor("Not a member of any cluster yet.")
        let after = try Shell.export(store.url)
        #expect((after["links"] as? [[String: Any]])?.isEmpty ?? true, "\(after["links"] ?? "")")
        #expect((after["schools"] as? [[String: Any]])?.count == 2)
        try tmux.send("q", "q")
        try tmux.waitForExit()
    }
}

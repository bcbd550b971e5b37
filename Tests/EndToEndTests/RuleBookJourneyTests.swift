import Foundation
import Testing

/// One rule book: the same operation asked for from the terminal UI and from the command line
/// writes the same journal events.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct RuleBookJourneyTests {
    /// The last journal event of a store, less what differs between any two writes (its id and time).
    static func lastEvent(_ store: URL) throws -> [String: String] {
        // A copy made with cp writes a journal of its own (its folder differs), beside the original's.
        let file = try Shell.ownJournal(store)
        let line = try #require(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").last)
        var event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        event["id"] = nil
        event["at"] = nil
        // The hash chaining it to the line before is its own journal's (the two copies differ).
        event["chain"] = nil
        return event.mapValues { value in
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
            return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        }
    }

    @Test func ticking_from_the_tui_and_from_the_cli_writes_the_same_event() throws {
        let cli = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Rede de Óbidos"], store: cli.url)
        let checkpoint = try Shell.cairn(
            ["add", "checkpoint", "--cluster", "Rede de Óbidos", "--title", "Reunião trimestral", "--due", "-3d"], store: cli.url
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // The same store twice: one copy ticked by a command, the other on the screen (a copy
        // made by cp, which notices it is a new copy and writes a journal of its own).
        let tui = TemporaryStore()
        try FileManager.default.copyItem(at: cli.url, to: tui.url)

        let ticked = try Shell.cairn(["tick", checkpoint, "--evidence", "Acta n.º 3"], store: cli.url)
        #expect(ticked.status == 0, "\(ticked.stderr)")

        let tmux = try Tmux.cairn(store: tui.url, ready: "Rede de Óbidos")
        try tmux.send("4")
        try tmux.waitFor("Reunião trimestral")
        try tmux.send("Space")
        try tmux.waitFor("Tick off “Reunião trimestral”")
        try tmux.type("Acta n.º 3")
        try tmux.send("Enter")
        try tmux.waitFor("Ticked “Reunião trimestral” as done")

        let fromCLI = try Self.lastEvent(cli.url)
        let fromTUI = try Self.lastEvent(tui.url)
        #expect(fromCLI == fromTUI)
        // Only the fields a tick sets, each with what it was.
        #expect(fromTUI["op"] == "\"edit\"")
        #expect(fromTUI["fields"]?.contains("\"evidence\":{\"new\":\"Acta n.º 3\",\"old\":null}") == true, "\(fromTUI)")
        #expect(fromTUI["fields"]?.contains("\"title\"") == false)
        // And both refuse a second tick the same way.
        let again = try Shell.cairn(["tick", checkpoint], store: tui.url)
        #expect(again.stderr.contains("“Reunião trimestral” was already ticked by"))
    }
}

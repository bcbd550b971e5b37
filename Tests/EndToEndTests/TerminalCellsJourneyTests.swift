import Foundation
import Testing

/// Names whose characters curses counts otherwise than their graphemes (joined emoji, an emoji
/// made wide by U+FE0F, a flag, stacked marks) drawn by the built binary in tmux: each row shows
/// its name and its own columns, nothing left over from the screen before and nothing pushed
/// into the next column.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct TerminalCellsJourneyTests {
    /// A school's name, and how its row shows it: a joined emoji as its first emoji, a wide
    /// U+FE0F emoji as its plain form and a space.
    static let names: [(name: String, shown: String, id: String)] = [
        ("A ❤\u{FE0F}❤\u{FE0F} Bragança", "A ❤ ❤  Bragança", "PT-101"),
        ("F 👩\u{200D}💻 Gdańsk", "F 👩 Gdańsk", "PL-202"),
        ("H 👨\u{200D}👩\u{200D}👧\u{200D}👦 Hamar", "H 👨 Hamar", "NO-303"),
        ("J 🇵🇹 Óbidos ✌\u{FE0F}", "J 🇵🇹 Óbidos ✌", "PT-404"),
    ]

    @Test func joined_and_presentation_emoji_keep_every_row_to_its_own_cells() throws {
        let store = TemporaryStore()
        for school in Self.names {
            let added = try Shell.cairn(["add", "school", "--name", school.name, "--official-id", school.id], store: store.url)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let tmux = try Tmux.cairn(store: store.url)
        try tmux.send("2")
        // Every row drawn (a screen taken under load can be one the terminal has half written).
        let screen = try tmux.waitUntil("every school on screen") { screen in Self.names.allSatisfy { screen.contains($0.id) } }
        for school in Self.names {
            let row = try #require(screen.split(separator: "\n").first { $0.contains(school.id) }, "\(school.id):\n\(screen)")
            #expect(row.contains(school.shown), "“\(row)” shows “\(school.shown)”")
            // Nothing but the name, the id and spaces: no stale cell, no emoji spilled over.
            let rest = row.replacingOccurrences(of: school.shown, with: "").replacingOccurrences(of: school.id, with: "")
            #expect(rest.allSatisfy { $0 == " " || $0 == ">" }, "“\(row)” holds more: “\(rest)”")
        }
    }
}

import Foundation
import Testing

/// The terminal's own cursor follows focus in the built binary, as a screen reader or a braille
/// display reads it: tmux reports where the cursor is after each frame.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct CursorFocusJourneyTests {
    /// The row whose text starts with the selection's marker.
    static func selectedRow(_ screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(">") }
    }

    /// Waits until the terminal's cursor is at (x, y), or fails saying where it was.
    static func waitForCursor(_ tmux: Tmux, x: Int, y: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var last = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            last = try tmux.tmux(["display", "-p", "-t", tmux.session, "#{cursor_x} #{cursor_y} #{cursor_flag}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if last == "\(x) \(y) 1" { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the cursor is at \(last) (x y shown), not \(x) \(y) 1:\n\(try tmux.screen())", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(80, 24), (64, 20)])
    func the_cursor_follows_the_selection_on_home_and_the_caret_in_a_form(size: (Int, Int)) throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, width: size.0, height: size.1)
        try Self.waitForCursor(tmux, x: 0, y: 3)
        try tmux.send("j")
        try tmux.waitUntil("the second cluster selected") { Self.selectedRow($0) == 4 }
        try Self.waitForCursor(tmux, x: 0, y: 4)
        try tmux.send("j")
        try tmux.waitUntil("the third cluster selected") { Self.selectedRow($0) == 5 }
        try Self.waitForCursor(tmux, x: 0, y: 5)
        try tmux.send("k")
        try tmux.waitUntil("back on the second") { Self.selectedRow($0) == 4 }
        try Self.waitForCursor(tmux, x: 0, y: 4)

        try tmux.send("a")
        try tmux.waitFor("New cluster")
        // Wide, the name's value starts beside its label; narrow, on the line under it.
        let (valueX, valueY) = size.0 < 80 ? (5, 4) : (22, 3)
        try Self.waitForCursor(tmux, x: valueX, y: valueY)
        try tmux.type("Łódź")
        try tmux.waitFor("Łódź")
        try Self.waitForCursor(tmux, x: valueX + 4, y: valueY)
        // A combining mark joins its letter in one cell; a wide character takes two.
        try tmux.type("q\u{301}漢")
        try tmux.waitFor("漢")
        try Self.waitForCursor(tmux, x: valueX + 4 + 1 + 2, y: valueY)
        try tmux.send("Left")
        try Self.waitForCursor(tmux, x: valueX + 5, y: valueY)
    }
}

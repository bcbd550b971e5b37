import Foundation
import Testing

/// Random keys on the built binary in tmux, with resizes: it may quit, never crash or hang.
/// (`cairn-bench trust keys` runs the same for 100,000 keys.)
@Suite struct KeystrokeFuzzTests {
    static let keys = [
        "Enter", "Escape", "Tab", "BTab", "Space", "BSpace", "Up", "Down", "Left", "Right", "Home", "End", "PPage", "NPage", "DC", "F1",
        "F5",
        "C-a", "C-e", "C-u", "C-z", "M-x",
    ]
    static let texts = [
        "a", "e", "j", "k", "y", "n", "x", "d", "u", "C", "?", "/", "1", "2", "3", "4", "e\u{301}", "Sa\u{303}o", "Łódź", "漢字", "😀",
        "👩\u{200D}👧", "\u{202E}x", "\u{1B}[", "\u{1B}[1;5", "\u{1B}O", "\"", "+2w",
    ]

    static func pane(_ tmux: Tmux) throws -> (dead: Bool, status: Int, signal: Int) {
        let text = try tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"])
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false).map {
            Int($0) ?? 0
        }
        return (parts.first == 1, parts.count > 1 ? parts[1] : 0, parts.count > 2 ? parts[2] : 0)
    }

    @Test func three_thousand_random_keys_with_resizes_never_crash_or_hang() throws {
        let store = TemporaryStore()
        let tmux = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try tmux.tmux(["set-option", "-t", tmux.session, "remain-on-exit", "on"])
        let (seed, generator) = replayableRandom("three_thousand_random_keys_with_resizes_never_crash_or_hang")
        var rng = generator
        var sent: [String] = []
        for n in 1...3_000 {
            let key: String
            if Int.random(in: 0..<3, using: &rng) == 0 {
                key = Self.keys.randomElement(using: &rng)!
                try tmux.send(key)
            } else {
                key = Self.texts.randomElement(using: &rng)!
                try tmux.type(key)
            }
            sent.append(key)
            if n % 300 == 0 {
                try tmux.resize(width: Int.random(in: 10...200, using: &rng), height: Int.random(in: 3...60, using: &rng))
            }
            if n % 100 == 0 {
                let state = try tmux.tmux([
                    "display-message", "-p", "-t", tmux.session, "#{pane_dead} #{pane_dead_status} #{pane_dead_signal}",
                ])
                #expect(
                    !state.hasPrefix("1") || state.hasPrefix("1 0 0"),
                    "seed \(seed): died (\(state)) after: \(sent.suffix(40).joined(separator: " "))")
                if state.hasPrefix("1") { try tmux.tmux(["respawn-pane", "-t", tmux.session]) }
            }
        }
        // Still answering: Ctrl-C ends it within 10 s.
        try tmux.resize(width: 80, height: 24)
        if !(try Self.pane(tmux)).dead {
            Thread.sleep(forTimeInterval: 0.5)
            try tmux.send("C-c")
            try tmux.waitUntil(timeout: 10, "cairn to end on Ctrl-C") { _ in ((try? Self.pane(tmux))?.dead) ?? false }
        }
        let end = try Self.pane(tmux)
        #expect(end.status == 0 || end.signal == 2, "seed \(seed): \(end)")
        let check = try Shell.cairn(["check"], store: store.url)
        #expect(check.status == 0, "\(check.stdout)")
    }
}

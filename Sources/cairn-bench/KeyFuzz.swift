import CairnCore
import Foundation

/// Random keys on the real `cairn` in tmux: letters, UTF-8 with combining marks and emoji,
/// control keys, fragments of escape sequences and function keys, with the window resized
/// between 10x3 and 200x60 as it goes. The program may quit (q, Ctrl-C) and is then started
/// again; it must never die of a signal, exit with an error, or stop answering.
struct KeyFuzz {
    let cairn: String
    let keys: Int
    let socket = "cairn-keyfuzz-\(getpid())"

    static let named = [
        "Enter", "Escape", "Tab", "BTab", "Space", "BSpace", "Up", "Down", "Left", "Right", "Home", "End", "PPage", "NPage", "IC", "DC",
        "F1", "F2", "F5", "F10", "F12", "C-a", "C-e", "C-u", "C-s", "C-l", "C-d", "C-z", "C-c", "M-x", "M-Enter",
    ]
    static let texts = [
        "a", "e", "j", "k", "q", "y", "n", "x", "r", "w", "i", "d", "u", "s", "f", "R", "C", "?", "/", "1", "2", "3", "4", "+2w", "31/12",
        "e\u{301}", "Sa\u{303}o Joa\u{303}o", "Þingeyjarskóli", "Łódź", "漢字", "😀", "👩\u{200D}👩\u{200D}👧", "🇵🇹", "مدرسة", "\u{202E}x",
        "\u{1B}[", "\u{1B}[1;5", "\u{1B}O", "\u{1B}[200~", "\u{7F}", "\"", "'", ",", "=1+1",
    ]

    func tmux(_ args: [String]) -> (status: Int32, out: String) { TmuxServer(socket: socket).run(args) }

    func paneState() -> (dead: Bool, status: Int, signal: Int) {
        let text = tmux(["display-message", "-p", "-t", "f", "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"]).out
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false).map {
            Int($0) ?? 0
        }
        return (parts.first == 1, parts.count > 1 ? parts[1] : 0, parts.count > 2 ? parts[2] : 0)
    }

    /// A quit, not a crash: a normal exit, or Ctrl-C that arrived while the terminal was not yet
    /// (or no longer) in raw mode, where the kernel turns it into SIGINT.
    static func isQuit(_ pane: (dead: Bool, status: Int, signal: Int)) -> Bool {
        (pane.signal == 0 && pane.status == 0) || pane.signal == Int(SIGINT)
    }

    func run() throws {
        let store = TrustBench.scratch("keys")
        let state = TrustBench.scratch("keys-state")
        defer {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: state)
        }
        let command =
            "env LANG=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=interactive=no XDG_STATE_HOME=\(state.path) \(cairn) --store \(store.path) 2>>\(store.path).stderr"
        _ = tmux(["new-session", "-d", "-s", "f", "-x", "80", "-y", "24", command])
        _ = tmux(["set-option", "-t", "f", "remain-on-exit", "on"])
        // Seeded, and the seed said, so that a run that breaks replays: CAIRN_SEED=N.
        let seed = ProcessInfo.processInfo.environment["CAIRN_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: .min ... .max)
        print("keystroke fuzz: seed \(seed) (replay: CAIRN_SEED=\(seed) cairn-bench trust keys --keys \(keys))")
        var rng = SplitMix64(state: seed)
        var sent = 0
        var restarts = 0
        var crashes: [String] = []
        var hangs = 0
        var resizes = 0
        var recent: [String] = []
        let started = Date()
        while sent < keys {
            // A batch of keys in one call, as a fast typist or a paste sends them.
            var batch: [String] = []
            for _ in 0..<20 {
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    batch.append(Self.named.randomElement(using: &rng)!)
                } else {
                    batch.append("-l:" + Self.texts.randomElement(using: &rng)!)
                }
            }
            // Runs of named keys go in one call, runs of text in another, in their order.
            var k = 0
            while k < batch.count {
                let literal = batch[k].hasPrefix("-l:")
                var run: [String] = []
                while k < batch.count, batch[k].hasPrefix("-l:") == literal {
                    run.append(literal ? String(batch[k].dropFirst(3)) : batch[k])
                    k += 1
                }
                _ = tmux(["send-keys", "-t", "f"] + (literal ? ["-l", run.joined()] : run))
            }
            sent += batch.count
            recent = Array((recent + batch).suffix(40))
            if sent % 500 == 0 {
                let w = Int.random(in: 10...200, using: &rng)
                let h = Int.random(in: 3...60, using: &rng)
                _ = tmux(["resize-window", "-t", "f", "-x", "\(w)", "-y", "\(h)"])
                resizes += 1
            }
            let pane = paneState()
            if pane.dead {
                if !Self.isQuit(pane) {
                    let screen = tmux(["capture-pane", "-p", "-t", "f"]).out
                    crashes.append("status \(pane.status) signal \(pane.signal) after: \(recent.joined(separator: " "))\n\(screen)")
                }
                restarts += 1
                _ = tmux(["respawn-pane", "-t", "f", command])
                continue
            }
            // Every 2,000 keys: does it still answer? Ctrl-C must end it within 5 s.
            if sent % 2_000 == 0 {
                _ = tmux(["send-keys", "-t", "f", "C-c"])
                let deadline = Date().addingTimeInterval(5)
                while !paneState().dead, Date() < deadline { usleep(20_000) }
                let after = paneState()
                if !after.dead {
                    hangs += 1
                    let screen = tmux(["capture-pane", "-p", "-t", "f"]).out
                    crashes.append(
                        "no answer to Ctrl-C within 5 s after: \(recent.map(\.debugDescription).joined(separator: " "))\n\(screen)")
                    _ = tmux(["kill-server"])
                    _ = tmux(["new-session", "-d", "-s", "f", "-x", "80", "-y", "24", command])
                    _ = tmux(["set-option", "-t", "f", "remain-on-exit", "on"])
                } else {
                    if !Self.isQuit(after) {
                        crashes.append("status \(after.status) signal \(after.signal) after: \(recent.joined(separator: " "))")
                    }
                    _ = tmux(["respawn-pane", "-t", "f", command])
                }
                restarts += 1
            }
        }
        _ = tmux(["send-keys", "-t", "f", "C-c"])
        usleep(500_000)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: cairn)
        check.arguments = ["check", "--store", store.path]
        check.standardOutput = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        print(
            String(
                format:
                    "keystroke fuzz: %d random keys on the real binary in tmux, %d resizes between 10x3 and 200x60, %d starts: crashes %d, hangs %d; cairn check %@; %.0f s",
                sent, resizes, restarts + 1, crashes.count - hangs, hangs, check.terminationStatus == 0 ? "clean" : "DAMAGED",
                Date().timeIntervalSince(started)))
        for c in crashes.prefix(5) { print("  \(c)") }
        try? FileManager.default.removeItem(at: store)
    }
}

import Foundation

/// Runs the real `cairn` in tmux at 80x24 to read what only a real terminal shows: the time from
/// spawning the process to its first drawn frame, its peak memory, and the bytes it writes to the
/// terminal per navigation keystroke (tmux `pipe-pane` records the pane's output).
struct TmuxProbe {
    let cairn: String
    let store: URL
    let socket = "cairn-bench-\(getpid())"

    func tmux(_ args: [String]) -> String { TmuxServer(socket: socket).run(args).out }

    func run() -> [String] {
        guard FileManager.default.isExecutableFile(atPath: cairn) else { return ["real terminal: \(cairn) not built, skipped"] }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-\(getpid()).log")
        let bytes = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-\(getpid()).bytes")
        defer {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: log)
            try? FileManager.default.removeItem(at: bytes)
        }
        let spawned = Date().timeIntervalSince1970
        let command =
            "env LANG=C.UTF-8 TERM=xterm-256color CAIRN_BENCH_LOG=\(log.path) CAIRN_SPAWNED_AT=\(spawned) \(cairn) --store \(store.path)"
        _ = tmux(["new-session", "-d", "-s", "b", "-x", "80", "-y", "24", command])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !(tmux(["capture-pane", "-p", "-t", "b"]).contains("Clusters (")) { Thread.sleep(forTimeInterval: 0.02) }
        Thread.sleep(forTimeInterval: 0.3)
        let pid = tmux(["display-message", "-p", "-t", "b", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "first frame: not logged\n").split(separator: "\n").map(String.init)
        _ = tmux(["pipe-pane", "-O", "-t", "b", "cat >> \(bytes.path)"])
        Thread.sleep(forTimeInterval: 0.3)
        let presses = 40
        for i in 0..<presses {
            _ = tmux(["send-keys", "-t", "b", i < presses / 2 ? "j" : "k"])
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let written = (try? FileManager.default.attributesOfItem(atPath: bytes.path)[.size] as? Int) ?? 0
        lines.append(
            String(
                format: "bytes written to the terminal per navigation keystroke (j/k on Home, 80x24): %.0f (%d bytes for %d keys)",
                Double(written) / Double(presses), written, presses))
        if let peak = Measure.peakMemoryMiB(pid: pid) {
            lines.append(String(format: "peak memory of cairn after the first frame and %d keys (VmHWM): %.0f MiB", presses, peak))
        }
        _ = tmux(["send-keys", "-t", "b", "q"])
        return lines
    }
}

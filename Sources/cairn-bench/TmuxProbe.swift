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
        // Several starts: the first after the bench's commits reads their tail and, at its end,
        // writes the snapshot anew; the others draw Home from its first look.
        var firstFrames: [String] = []
        for _ in 0..<Self.starts - 1 {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: log)
            start(log: log)
            firstFrames.append(readLog(log).first ?? "first frame: not logged")
            _ = tmux(["send-keys", "-t", "b", "q"])
            waitForExit()
        }
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(at: log)
        start(log: log)
        var lines = readLog(log)
        firstFrames.append(lines.first ?? "first frame: not logged")
        lines = Self.summarize(firstFrames) + lines.dropFirst()
        let pid = tmux(["display-message", "-p", "-t", "b", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
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

    static let starts = 5

    /// Starts `cairn` at 80x24 and waits for its frame drawn with the world read whole.
    func start(log: URL) {
        let spawned = Date().timeIntervalSince1970
        let command =
            "env LANG=C.UTF-8 TERM=xterm-256color CAIRN_BENCH_LOG=\(log.path) CAIRN_SPAWNED_AT=\(spawned) \(cairn) --store \(store.path)"
        _ = tmux(["new-session", "-d", "-s", "b", "-x", "80", "-y", "24", command])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !readLog(log).contains(where: { $0.contains("read whole") }) { Thread.sleep(forTimeInterval: 0.02) }
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Until `cairn` has quit (its snapshot written): its pane, and so the session, is gone.
    func waitForExit() {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, TmuxServer(socket: socket).run(["has-session", "-t", "b"]).status == 0 {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    func readLog(_ log: URL) -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Each start's first frame, and the median of those drawn from the first look.
    static func summarize(_ frames: [String]) -> [String] {
        func ms(_ line: String) -> Double? {
            guard let range = line.range(of: #"frame[^0-9]*([0-9]+) ms"#, options: .regularExpression) else { return nil }
            return Double(line[range].split(separator: " ").dropLast().last ?? "")
        }
        let looks = frames.filter { $0.contains("first look") }.compactMap(ms).sorted()
        var out = frames.enumerated().map { "start \($0.offset + 1): \($0.element)" }
        if !looks.isEmpty {
            out.append(
                String(
                    format: "real binary, main to first drawn frame from the first look: median %.0f ms of %d starts (%.0f–%.0f)",
                    looks[looks.count / 2], looks.count, looks.first!, looks.last!))
        }
        return out
    }
}

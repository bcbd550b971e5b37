import Foundation

/// Runs the real `cairn` in tmux at 80x24 to read what only a real terminal shows: the time from
/// spawning the process to its first drawn frame, its peak memory, and the bytes it writes to the
/// terminal per navigation keystroke (tmux `pipe-pane` records the pane's output).
struct TmuxProbe {
    let cairn: String
    let store: URL
    /// The language the real binary is started in (`--lang`), nil for the environment's.
    var language: String?
    var starts = Self.starts
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
        var logs = startAndQuit(starts - 1, log: log)
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(at: log)
        start(log: log)
        var lines = readLog(log)
        logs.append(lines)
        lines = Self.summarize(logs) + lines.filter { !Self.isFirstFrame($0) }
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

    /// Only the first frames of `starts` starts, each quit at once.
    func firstFrames() -> [String] {
        guard FileManager.default.isExecutableFile(atPath: cairn) else { return ["real terminal: \(cairn) not built, skipped"] }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-\(getpid()).log")
        defer {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: log)
        }
        return Self.summarize(startAndQuit(starts, log: log))
    }

    /// `key` pressed as soon as each of `starts` starts draws its first frame (as someone who
    /// knows the keys does), and the time from the process's start to the frame that answers it.
    /// The key goes through a control-mode client opened before the start (`TmuxControl`) as
    /// soon as the log says the frame is drawn (`LogWatch`): what is timed is Cairn's, not the
    /// bench's.
    func firstKeys(_ key: String = "2", named: String = "the Schools tab") -> [String] {
        guard FileManager.default.isExecutableFile(atPath: cairn) else { return ["real terminal: \(cairn) not built, skipped"] }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-key-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("log")
        defer {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: folder)
        }
        var values: [Double] = []
        var late = 0
        var lost = 0
        var unanswered = 0
        for _ in 0..<starts {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: log)
            // A server already running: the `new-session` that starts one returns only later,
            // and the key would wait for it.
            _ = tmux(["new-session", "-d", "-s", "idle", "sleep 600"])
            guard let control = TmuxControl(socket: socket, session: "idle") else { continue }
            defer { control.close() }
            // The client attached before the start, so that the key does not wait for it; one
            // that met the last server as it died has ended, and the start is left out.
            let attached = Date().addingTimeInterval(2)
            while tmux(["display-message", "-p", "-t", "idle", "#{session_attached}"]).hasPrefix("0"), Date() < attached { usleep(1_000) }
            let launched = Date()
            launch(log: log)
            guard LogWatch(log: log).wait(until: { $0.contains { $0.contains("main to first") } }) else { continue }
            // tmux itself slow to return (a server still dying, met by the new session): the
            // key would be sent seconds after the frame, and the figure be tmux's.
            if Date().timeIntervalSince(launched) > 1 {
                late += 1
                _ = tmux(["send-keys", "-t", "b", "q"])
                waitForExit()
                continue
            }
            // `=b:`, the session by its whole name: a bare `b` from a client attached to `idle`
            // could name its window while that is still called `bash`.
            let sent = control.send("send-keys -t =b: \(key)")
            guard sent, wait(log, for: "first key's answer") else {
                if sent { unanswered += 1 } else { lost += 1 }
                _ = tmux(["send-keys", "-t", "b", "q"])
                waitForExit()
                continue
            }
            if let line = readLog(log).first(where: { $0.contains("first key's answer") }), let ms = Self.ms(line, after: "(exec)") {
                values.append(ms)
            }
            _ = tmux(["send-keys", "-t", "b", "q"])
            waitForExit()
        }
        values.sort()
        guard !values.isEmpty else { return ["real binary, the first key's answer: not logged"] }
        return [
            String(
                format:
                    "real binary, the process's start (exec) to the answer of %@ (%@) pressed at the first frame: median %.1f ms of %d starts (%.1f–%.1f)",
                key, named, values[values.count / 2], values.count, values.first!, values.last!)
                + (late > 0 ? "; \(late) left out: tmux took over a second to start them" : "")
                + (lost > 0 ? "; \(lost) left out: the bench's tmux client had ended, the key was not sent" : "")
                + (unanswered > 0 ? "; \(unanswered) NOT ANSWERED within a minute" : "")
        ]
    }

    /// Until the log has a line with `text`, for at most a minute; false if it never came.
    private func wait(_ log: URL, for text: String) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if readLog(log).contains(where: { $0.contains(text) }) { return true }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return false
    }

    /// The log lines of `count` starts, each quit once its world is read whole.
    private func startAndQuit(_ count: Int, log: URL) -> [[String]] {
        var logs: [[String]] = []
        for _ in 0..<count {
            _ = tmux(["kill-server"])
            try? FileManager.default.removeItem(at: log)
            start(log: log)
            logs.append(readLog(log))
            _ = tmux(["send-keys", "-t", "b", "q"])
            waitForExit()
        }
        return logs
    }

    /// The lines a start writes of its first frame: the frame's time, the catalogue's wait.
    static func isFirstFrame(_ line: String) -> Bool { line.contains("first drawn frame") || line.contains("wait for the catalogue") }

    /// Starts `cairn` at 80x24 and waits for its frame drawn with the world read whole.
    func start(log: URL) {
        launch(log: log)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !readLog(log).contains(where: { $0.contains("read whole") }) { Thread.sleep(forTimeInterval: 0.02) }
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Starts `cairn` at 80x24, logging to `log`.
    private func launch(log: URL) {
        // The clock read by the shell that then becomes `cairn` (exec): the process's start.
        let command =
            "export LANG=C.UTF-8 TERM=xterm-256color CAIRN_BENCH_LOG=\(log.path); export CAIRN_EXEC_AT=$(date +%s.%N); exec \(cairn) --store \(store.path)"
            + (language.map { " --lang \($0)" } ?? "")
        _ = tmux(["new-session", "-d", "-s", "b", "-x", "80", "-y", "24", command])
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

    /// Each start's first frame, and the medians of those drawn from the first look, and of
    /// the first word's wait for the catalogue.
    /// The number a log line gives after `label`.
    static func ms(_ line: String, after label: String) -> Double? {
        guard let at = line.range(of: label) else { return nil }
        let digits = line[at.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }

    static func summarize(_ logs: [[String]]) -> [String] {
        let frames = logs.map { $0.first { $0.contains("first drawn frame") } ?? "first frame: not logged" }
        let looks = frames.filter { $0.contains("first look") }
        var out = frames.enumerated().map { "start \($0.offset + 1): \($0.element)" }
        let waits = logs.compactMap { $0.first { $0.contains("wait for the catalogue") } }
        for (label, what, lines) in [
            ("first look)", "main to first drawn frame from the first look", looks),
            ("(exec)", "the process's start (exec) to first drawn frame from the first look", looks),
            ("for the catalogue", "the first word's wait for the catalogue", waits),
        ] {
            let values = lines.compactMap { ms($0, after: label) }.sorted()
            guard !values.isEmpty else { continue }
            out.append(
                String(
                    format: "real binary, %@: median %.2f ms of %d starts (%.2f–%.2f)", what, values[values.count / 2], values.count,
                    values.first!, values.last!))
        }
        return out
    }
}

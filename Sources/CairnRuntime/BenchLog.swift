import CairnWords
import Foundation

/// What `cairn-bench` reads back from a real run: with `CAIRN_BENCH_LOG=FILE` and
/// `CAIRN_EXEC_AT=EPOCH-SECONDS` (taken just before the shell execs `cairn`), the time from the
/// process's start (and from `main`) to the first frame,
/// and to the first frame drawn with the world read whole (the same frame, when the first was
/// drawn from the snapshot's first look).
public enum BenchLog {
    /// Set as early as `main` runs.
    nonisolated(unsafe) public static var mainStarted = Date()
    nonisolated(unsafe) private static var lines: [String] = []

    /// - Parameter fromFirstLook: drawn from the snapshot's first look, before the world was whole.
    static func firstFrameDrawn(fromFirstLook: Bool = false) {
        note("main to first drawn frame" + (fromFirstLook ? " (from the snapshot's first look)" : ""))
        if let wait = Words.waitedForCatalogue {
            note(String(format: "the first word's wait for the catalogue %.3f ms", wait), timed: false)
        }
    }

    static func wholeWorldDrawn() {
        note("main to the frame drawn with the world read whole")
    }

    /// The frame drawn after the first key the session read (typed, perhaps, before the first
    /// frame: it waited in the terminal).
    static func firstKeyAnswered() {
        note("main to the first key's answer drawn")
    }

    /// What a session's keys cost: keys read, frames drawn, drafts written. Written at the
    /// session's end, so that a test can count the work a paste made.
    static func sessionEnded(keys: Int, frames: Int, drafts: Int) {
        guard ProcessInfo.processInfo.environment["CAIRN_BENCH_LOG"] != nil else { return }
        append("real binary: \(keys) keys read, \(frames) frames drawn, \(drafts) drafts written")
    }

    private static func note(_ what: String, timed: Bool = true) {
        let env = ProcessInfo.processInfo.environment
        // The first frame is logged once, however it was drawn.
        let kind = what.hasPrefix("main to first") ? "main to first" : what
        guard env["CAIRN_BENCH_LOG"] != nil, !lines.contains(where: { $0.contains(kind) }) else { return }
        let now = Date()
        var line = "real binary: " + what
        if timed { line += String(format: " %.1f ms", now.timeIntervalSince(mainStarted) * 1000) }
        if timed, let exec = env["CAIRN_EXEC_AT"].flatMap(Double.init) {
            line += String(format: "; from the process's start (exec) %.0f ms", (now.timeIntervalSince1970 - exec) * 1000)
        }
        append(line)
    }

    /// The log, emptied when the session first writes to it.
    nonisolated(unsafe) private static var file: Int32?

    /// A line added with one write at the log's end: rewriting the whole file at each note (a
    /// temporary file, then a rename) cost the session the milliseconds it measures, between the
    /// first frame and the answer to the first key.
    private static func append(_ line: String) {
        lines.append(line)
        if file == nil, let path = ProcessInfo.processInfo.environment["CAIRN_BENCH_LOG"] {
            file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        }
        guard let fd = file, fd >= 0 else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

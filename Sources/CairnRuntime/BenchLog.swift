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
        guard let path = ProcessInfo.processInfo.environment["CAIRN_BENCH_LOG"] else { return }
        lines.append("real binary: \(keys) keys read, \(frames) frames drawn, \(drafts) drafts written")
        try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    private static func note(_ what: String, timed: Bool = true) {
        let env = ProcessInfo.processInfo.environment
        // The first frame is logged once, however it was drawn.
        let kind = what.hasPrefix("main to first") ? "main to first" : what
        guard let path = env["CAIRN_BENCH_LOG"], !lines.contains(where: { $0.contains(kind) }) else { return }
        let now = Date()
        var line = "real binary: " + what
        if timed { line += String(format: " %.1f ms", now.timeIntervalSince(mainStarted) * 1000) }
        if timed, let exec = env["CAIRN_EXEC_AT"].flatMap(Double.init) {
            line += String(format: "; from the process's start (exec) %.0f ms", (now.timeIntervalSince1970 - exec) * 1000)
        }
        lines.append(line)
        try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

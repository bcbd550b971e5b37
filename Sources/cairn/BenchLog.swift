import Foundation

/// What `cairn-bench` reads back from a real run: with `CAIRN_BENCH_LOG=FILE` and
/// `CAIRN_SPAWNED_AT=EPOCH-SECONDS`, the time from spawn (and from `main`) to the first frame.
enum BenchLog {
    /// Set as early as `main` runs.
    nonisolated(unsafe) static var mainStarted = Date()

    static func firstFrameDrawn() {
        let env = ProcessInfo.processInfo.environment
        guard let path = env["CAIRN_BENCH_LOG"] else { return }
        let now = Date()
        var line = String(format: "real binary: main to first drawn frame %.0f ms", now.timeIntervalSince(mainStarted) * 1000)
        if let spawned = env["CAIRN_SPAWNED_AT"].flatMap(Double.init) {
            line += String(format: "; spawn (through tmux) to first drawn frame %.0f ms", (now.timeIntervalSince1970 - spawned) * 1000)
        }
        try? (line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

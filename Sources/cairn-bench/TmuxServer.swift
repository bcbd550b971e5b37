import Foundation

/// A tmux server of the bench's own (its own socket), for driving the real `cairn`.
struct TmuxServer {
    let socket: String

    /// Runs tmux with its output in a file: a pipe would never reach its end, since the tmux
    /// server that `new-session` starts keeps the pipe open (and Foundation's wait with it).
    @discardableResult
    func run(_ args: [String]) -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["-u", "TMUX", "tmux", "-L", socket] + args
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try? FileHandle(forWritingTo: out)
        defer { try? handle?.close() }  // one left open per call ran out of descriptors at ~50,000 keys
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "") }
        let deadline = Date().addingTimeInterval(5)
        while p.isRunning, Date() < deadline { usleep(1_000) }
        return (p.isRunning ? -1 : p.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }
}

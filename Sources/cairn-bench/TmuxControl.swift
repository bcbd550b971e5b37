import Foundation

/// A tmux client in control mode (`tmux -C`) kept open beside the session the bench drives:
/// a command written to it reaches the server at once, as a key reaches a program from its
/// terminal, where `tmux send-keys` would first start a process and connect (a few
/// milliseconds that a first key's figure would count as the program's).
final class TmuxControl {
    private let process = Process()
    private let input = Pipe()

    /// Attaches to `session` of the server on `socket`; nil when tmux cannot be started.
    init?(socket: String, session: String) {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["-u", "TMUX", "tmux", "-L", socket, "-C", "attach-session", "-t", session]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
    }

    /// Sends a tmux command (`send-keys -t b 2`), without waiting for its answer.
    func send(_ command: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((command + "\n").utf8))
    }

    /// Detaches, and waits a moment for the client to end.
    func close() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(1_000) }
        if process.isRunning { process.terminate() }
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tmux client in control mode (`tmux -C`) kept open beside the session the bench drives:
/// a command written to it reaches the server at once, as a key reaches a program from its
/// terminal, where `tmux send-keys` would first start a process and connect (a few
/// milliseconds that a first key's figure would count as the program's).
final class TmuxControl {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var unread: [UInt8] = []

    /// Attaches to `session` of the server on `socket`; nil when tmux cannot be started. When
    /// `listening`, what the client is told (answers, `%output` of the session's panes) is kept
    /// for `line(before:)`; else it goes nowhere, so that an unread pipe never stalls the client.
    init?(socket: String, session: String, listening: Bool = false) {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["-u", "TMUX", "tmux", "-L", socket, "-C", "attach-session", "-t", session]
        process.standardInput = input
        process.standardOutput = listening ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
    }

    /// Sends a tmux command (`send-keys -t b 2`), without waiting for its answer; false when
    /// the client has ended.
    @discardableResult
    func send(_ command: String) -> Bool {
        guard process.isRunning else { return false }
        return (try? input.fileHandleForWriting.write(contentsOf: Data((command + "\n").utf8))) != nil
    }

    /// The next line the client is told, waiting for it until `deadline`; nil if none came.
    func line(before deadline: Date) -> String? {
        let fd = output.fileHandleForReading.fileDescriptor
        while true {
            if let end = unread.firstIndex(of: 0x0A) {
                defer { unread.removeSubrange(...end) }
                return String(decoding: unread[..<end], as: UTF8.self)
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(min(left * 1000, 1000)) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let got = read(fd, &chunk, chunk.count)
            guard got > 0 else { return nil }
            unread += chunk[..<got]
        }
    }

    /// Sends a command and waits for its answer: the lines tmux wrote back, nil if none came
    /// before `deadline`. What the client is told meanwhile (`%output`…) is passed over.
    func ask(_ command: String, before deadline: Date) -> [String]? {
        send(command)
        var answer: [String]?
        while let line = line(before: deadline) {
            if var lines = answer {
                if line.hasPrefix("%end ") || line.hasPrefix("%error ") { return lines }
                lines.append(line)
                answer = lines
            } else if line.hasPrefix("%begin ") {
                answer = []
            }
        }
        return nil
    }

    /// Forgets what the client was told so far, after a moment for it to arrive.
    func drain() {
        while line(before: Date().addingTimeInterval(0.02)) != nil {}
    }

    /// A command as tmux's parser reads it back: each word in single quotes.
    static func quoted(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ")
    }

    /// Detaches, and waits a moment for the client to end.
    func close() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(1_000) }
        if process.isRunning { process.terminate() }
    }
}

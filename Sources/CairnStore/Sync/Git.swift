import CairnWords
import Foundation

/// Runs the `git` program in a store's folder: sync's only way to reach another machine.
///
/// Git never asks a question here unless `interactive`: no terminal prompt, no password
/// dialog, ssh in batch mode, and standard input is empty. A question would hang a sync with
/// nobody there, or take over the full-screen terminal, so an account that needs one gets git's
/// own message. `cairn sync` typed at a terminal is interactive: ssh may ask there for a key's
/// passphrase (on the terminal itself, never on standard input).
struct Git {
    struct Output {
        var status: Int32
        var out: String
        var err: String
        /// What git printed, as bytes (a journal's blob need not be text).
        var bytes = Data()
        var ok: Bool { status == 0 }
        /// Git's first line of complaint, for a one-line message.
        /// ssh's own line ("connect to host … refused") says more than git's after it.
        var reason: String {
            let lines = (err + "\n" + out).components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            let line =
                lines.first { $0.hasPrefix("ssh:") } ?? lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first
                ?? "exit \(status)"
            return line.replacingOccurrences(of: "fatal: ", with: "").replacingOccurrences(of: "error: ", with: "")
        }
    }

    let directory: URL
    let program: String
    var environment: [String: String]
    /// A fetch or push that takes longer than this is given up: a link that dropped mid-way.
    var timeout: TimeInterval = 300

    /// Git as found on `PATH`, or nil when it is not installed.
    init?(in directory: URL, interactive: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard
            let found = path.split(separator: ":").map({ "\($0)/git" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        self.directory = directory
        self.program = found
        var env = environment
        if !interactive {
            env["GIT_TERMINAL_PROMPT"] = "0"
            env["GIT_ASKPASS"] = "/bin/false"
            env["SSH_ASKPASS"] = "/bin/false"
        }
        env["LC_ALL"] = "C"  // messages in one language, so that a rejected push is recognised
        if env["GIT_SSH_COMMAND"] == nil {
            env["GIT_SSH_COMMAND"] = "ssh -o ConnectTimeout=20" + (interactive ? "" : " -o BatchMode=yes")
        }
        // A store inside another repository must never be taken for part of it.
        env["GIT_CEILING_DIRECTORIES"] = directory.deletingLastPathComponent().path
        env.removeValue(forKey: "GIT_DIR")
        env.removeValue(forKey: "GIT_WORK_TREE")
        env.removeValue(forKey: "GIT_INDEX_FILE")
        self.environment = env
    }

    /// Runs `git <arguments>` in the store's folder and waits for it (up to `timeout`).
    func run(_ arguments: [String]) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        // Files, not pipes: an ssh that outlives a killed git cannot hold them open and hang us.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-git-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let outURL = base.appendingPathExtension("out")
        let errURL = base.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
            FileManager.default.createFile(atPath: errURL.path, contents: nil),
            let outHandle = try? FileHandle(forWritingTo: outURL), let errHandle = try? FileHandle(forWritingTo: errURL)
        else { return Output(status: 127, out: "", err: Words.say("cannot create a temporary file to run git", context: "store")) }
        process.standardOutput = outHandle
        process.standardError = errHandle
        do {
            try process.run()
        } catch {
            return Output(
                status: 127, out: "",
                err: Words.say(
                    "cannot run {program}: {reason}", context: "store", ["program": program, "reason": error.localizedDescription]))
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        // Most git commands a sync runs end within a few milliseconds: looked at often at first.
        var pause: useconds_t = 100
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(pause)
            pause = min(pause * 2, 2_000)
        }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let bytes = (try? Data(contentsOf: outURL)) ?? Data()
        var err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        // "fatal: " as git's own lines begin, so that `reason` picks it and takes the prefix off.
        if timedOut {
            err =
                "fatal: "
                + Words.say(
                    "git gave no answer in {seconds} s (the network may have dropped)", context: "store", ["seconds": String(Int(timeout))])
                + "\n" + err
        }

        return Output(
            status: timedOut ? 124 : process.terminationStatus, out: String(decoding: bytes, as: UTF8.self), err: err, bytes: bytes)
    }

    /// The trimmed output of a command that succeeded, else nil.
    func value(_ arguments: [String]) -> String? {
        let o = run(arguments)
        guard o.ok else { return nil }
        let text = o.out.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

import Foundation
import Testing

/// A tmux server of its own (one socket per test) running one command in a pane of fixed size:
/// keys go in with `send-keys`, the screen comes out with `capture-pane`.
final class Tmux {
    let socket = "cairn-e2e-\(UUID().uuidString.prefix(8))"
    let session = "cairn"

    /// True when tmux is installed. In CI (`CI=true`) a missing tmux fails the test instead of skipping it.
    static let isInstalled = (try? Shell.run("/usr/bin/env", ["tmux", "-V"]).status) == 0
    static let required = isInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    init(width: Int, height: Int, environment: [String: String] = [:], command: [String]) throws {
        guard Tmux.isInstalled else { throw E2EError("tmux is not installed: end-to-end tests need it (apt-get install tmux)") }
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "SWIFT_BACKTRACE": "interactive=no"]
        env.merge(environment) { _, new in new }
        let line = (["env"] + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + command).map(Shell.quote).joined(
            separator: " ")
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", line])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// `cairn --store STORE` at WIDTHxHEIGHT, once its first screen shows `ready`.
    static func cairn(
        store: URL, width: Int = 80, height: Int = 24, environment: [String: String] = [:], ready: String = "Clusters ("
    ) throws -> Tmux {
        // Drafts go beside the store, not into the home of whoever runs the tests.
        var env = ["XDG_STATE_HOME": store.deletingLastPathComponent().appendingPathComponent("state").path]
        env.merge(environment) { _, new in new }
        let tmux = try Tmux(width: width, height: height, environment: env, command: [Shell.cairn, "--store", store.path])
        try tmux.waitFor(ready)
        return tmux
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let result = try Shell.run("/usr/bin/env", ["-u", "TMUX", "tmux", "-L", socket] + args)
        if result.status != 0 { throw E2EError("tmux \(args.first ?? "") failed: \(result.stderr)") }
        return result.stdout
    }

    /// Named keys as tmux knows them: `Enter`, `Tab`, `BTab`, `Escape`, `Space`, `C-c`, or plain letters.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Text typed as it is (UTF-8), not read as key names.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", "--", text]) }  // `--`: "-3d" is text

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// Polls the screen until `text` shows, or fails with what the screen showed last.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(timeout: timeout, "“\(text)” on screen", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(
        timeout: TimeInterval = 20, _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw E2EError("timed out waiting for \(what); the screen showed:\n\(last)")
    }

    /// The screen once two captures a moment apart agree: a frame drawn whole, not half-way
    /// (on a loaded machine a capture can fall in the middle of a redraw).
    func settledScreen(timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            let now = try screen()
            if now == last { return now }
            last = now
        }
        throw E2EError("the screen never settled; it showed last:\n\(last)")
    }

    /// True while the pane's program runs (the session ends with it).
    var isRunning: Bool { (try? tmux(["has-session", "-t", session])) != nil }

    func waitForExit(timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw E2EError("the program did not exit; the screen showed:\n\((try? screen()) ?? "")")
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Ends the server: the program in the pane gets SIGHUP, as when an SSH link drops.
    func hangUp() throws { try tmux(["kill-server"]) }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

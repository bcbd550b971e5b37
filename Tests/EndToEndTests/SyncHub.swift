import Foundation
import Testing

/// A bare git repository standing for the regional server's hub, and clones of it standing for
/// machines ("server", "laptop"), each a store the built `cairn` syncs. Git here has no user
/// configured, as on a facilitator's fresh laptop.
final class SyncHub {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-sync-\(UUID().uuidString)")
    var bare: URL { root.appendingPathComponent("hub.git") }
    var home: URL { root.appendingPathComponent("home") }

    init() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--bare", bare.path], in: root)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// What every program here runs with: no git user, no global or system git config.
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        // English whatever the runner speaks: the tests read the messages.
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG"] { env[name] = nil }
        env["HOME"] = home.path
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["CAIRN_STORE"] = nil
        env["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        return env
    }

    /// The same, for a session in tmux (which passes only what it is given).
    var tmuxEnvironment: [String: String] {
        ["HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "XDG_STATE_HOME": environment["XDG_STATE_HOME"]!]
    }

    static let gitPath = ["/usr/bin/git", "/usr/local/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "git"

    @discardableResult
    func git(_ args: [String], in dir: URL) throws -> Shell.Result {
        let r = try Shell.run(SyncHub.gitPath, ["-C", dir.path] + args, environment: environment)
        guard r.status == 0 else { throw E2EError("git \(args.joined(separator: " ")) failed: \(r.stderr)") }
        return r
    }

    /// A machine made with `git clone` of the hub, as a new machine joins.
    func clone(_ name: String) throws -> Machine {
        try git(["clone", "--quiet", bare.path, root.appendingPathComponent(name).path], in: root)
        return Machine(hub: self, name: name)
    }

    /// A machine whose store starts on its own, not yet shared.
    func machine(_ name: String) -> Machine { Machine(hub: self, name: name) }

    struct Machine {
        let hub: SyncHub
        let name: String
        /// `faketime`'s offset for this machine's clock (`-2h`), or nil for the real one.
        var clock: String?
        var store: URL { hub.root.appendingPathComponent(name) }

        /// `cairn ARGS --store STORE`, under `faketime` when this machine's clock is off.
        @discardableResult
        func cairn(_ args: [String], environment extra: [String: String] = [:]) throws -> Shell.Result {
            let env = hub.environment.merging(extra) { $1 }
            if let clock {
                return try Shell.run("/usr/bin/faketime", ["-f", clock, Shell.cairn] + args + ["--store", store.path], environment: env)
            }
            return try Shell.run(Shell.cairn, args + ["--store", store.path], environment: env)
        }

        /// Runs a command that must succeed; returns its standard output.
        @discardableResult
        func must(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let r = try cairn(args)
            #expect(r.status == 0, "\(name): cairn \(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
            return r.stdout
        }

        func sync(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            try must(["sync"], sourceLocation: sourceLocation)
        }

        var exportJSON: String { get throws { try must(["export", "--format", "json"]) } }
        var conflictsJSON: String { get throws { try must(["conflicts", "--json"]) } }

        func export() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(exportJSON.utf8)) as? [String: Any])
        }

        func conflicts() throws -> [[String: Any]] {
            try #require(try JSONSerialization.jsonObject(with: Data(conflictsJSON.utf8)) as? [[String: Any]])
        }

        /// The one record of `kind` (the export's key) whose `field` is `value`.
        func record(_ kind: String, _ field: String, _ value: String) throws -> [String: Any] {
            let all = try #require(try export()[kind] as? [[String: Any]])
            return try #require(all.first { $0[field] as? String == value }, "\(name) has no \(kind) with \(field) \(value)")
        }
    }
}

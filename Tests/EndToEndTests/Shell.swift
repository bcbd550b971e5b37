import Foundation
import Testing

/// Runs programs for the end-to-end tests and finds the built `cairn`.
enum Shell {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to its end. `posix_spawn` and `waitpid` rather than Foundation's `Process`,
    /// which does not see a `tmux new-session` client exit while the server it forked lives on.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-shell-\(UUID().uuidString)")
        let outPath = base.path + ".out"
        let errPath = base.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        // Children start with no blocked and no ignored signals, as from a login shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw E2EError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let stdout = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderr = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(status: code, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The `cairn` that `swift test` built beside the tests.
    static let cairn: String = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("cairn"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("cairn"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/cairn"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? candidates[0].path
    }()

    /// Runs `cairn ARGS --store STORE` with a UTF-8 locale.
    static func cairn(_ args: [String], store: URL) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        // English whatever the runner speaks: the tests read the messages.
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG"] { env[name] = nil }
        env["CAIRN_STORE"] = nil
        env["XDG_STATE_HOME"] = store.deletingLastPathComponent().appendingPathComponent("state").path
        return try run(cairn, args + ["--store", store.path], environment: env)
    }

    /// The whole store as `cairn export --format json` gives it.
    static func export(_ store: URL) throws -> [String: Any] {
        let result = try cairn(["export", "--format", "json"], store: store)
        guard result.status == 0, let doc = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw E2EError("export failed: \(result.stderr)")
        }
        return doc
    }
}

/// A temporary folder holding a store, removed afterwards.
extension Shell {
    /// The journal file this copy of the store writes, named by its instance id (kept in
    /// `local/instances/<host>.json`; the tests run on one host).
    static func ownJournal(_ store: URL) throws -> URL {
        let folder = store.appendingPathComponent("local/instances")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1, "one host, one instance: \(files)")
        let data = try Data(contentsOf: folder.appendingPathComponent(try #require(files.first)))
        let id = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])["id"] as? String
        return store.appendingPathComponent("journal/\(try #require(id)).jsonl")
    }

    /// How many events the store's journals hold.
    static func journalLines(_ store: URL) throws -> Int {
        let dir = store.appendingPathComponent("journal")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).reduce(0) { n, file in
            n + (try String(contentsOf: file, encoding: .utf8)).split(separator: "\n").count
        }
    }
}

final class TemporaryStore {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-e2e-\(UUID().uuidString)")
    var url: URL { root.appendingPathComponent("store") }
    /// `$XDG_STATE_HOME` of the commands run on this store: its drafts are under `cairn/drafts`.
    var state: URL { root.appendingPathComponent("state") }

    /// The draft files left for this store, wherever in the state folder they are.
    func draftFiles() -> [String] {
        let drafts = state.appendingPathComponent("cairn/drafts")
        let all = FileManager.default.enumerator(atPath: drafts.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".json") }
    }
    init() { try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: root) }
}

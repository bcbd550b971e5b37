import Foundation
import Testing

/// What goes wrong on a facilitator's laptop: no git, no remote, no network, the wrong
/// repository, someone sending first. Each is one line and a non-zero exit; nothing is lost.
@Suite(.serialized) struct SyncFailureTests {
    /// A laptop store, not yet shared, with two changes made offline.
    func laptopWithChanges(_ hub: SyncHub) throws -> SyncHub.Machine {
        let laptop = hub.machine("laptop")
        try laptop.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try laptop.must(["add", "school", "--name", "Escola Básica de São João"])
        return laptop
    }

    func expectOneLine(_ r: Shell.Result, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status != 0, "it should fail: \(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func no_git_not_a_repository_and_no_remote_each_say_so_in_one_line() throws {
        let hub = try SyncHub()
        let laptop = try laptopWithChanges(hub)
        expectOneLine(try laptop.cairn(["sync"], environment: ["PATH": "/nonexistent"]), "git is not installed")
        expectOneLine(try laptop.cairn(["sync"]), "is not a git repository: cairn sync --init URL makes it one")
        try hub.git(["init", "--quiet"], in: laptop.store)
        expectOneLine(try laptop.cairn(["sync"]), "this store has no remote “origin”")
        expectOneLine(try laptop.cairn(["sync", "--remote", "hub"]), "this store has no remote “hub”")
        #expect(try laptop.must(["sync", "--status"]).hasPrefix("2 changes unsent"))
    }

    @Test func an_unreachable_remote_loses_nothing_and_what_was_not_sent_goes_next_time() throws {
        let hub = try SyncHub()
        let laptop = try laptopWithChanges(hub)
        // A mistyped URL: the first sync fails and leaves nothing set, so the right one is taken.
        let missing = hub.root.appendingPathComponent("no-such-hub.git").path
        let typo = try laptop.cairn(["sync", "--init", missing])
        expectOneLine(typo, "cannot reach origin (\(missing))")
        #expect(typo.stderr.contains("nothing was set: cairn sync --init URL again with the right one"))
        #expect(!FileManager.default.fileExists(atPath: laptop.store.appendingPathComponent(".git").path))
        // Offline, work goes on and is kept.
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli"])
        #expect(try laptop.must(["sync", "--init", hub.bare.path]).contains("sent 3 changes"))
        // An ssh remote nobody answers: refused at once, never a password prompt.
        try laptop.must(["add", "school", "--name", "Łódź 12"])
        try hub.git(["remote", "set-url", "origin", "ssh://nobody@127.0.0.1:1/srv/hub.git"], in: laptop.store)
        expectOneLine(try laptop.cairn(["sync"]), "cannot reach origin (ssh://nobody@127.0.0.1:1/srv/hub.git)")
        #expect(try laptop.must(["sync", "--status"]).hasPrefix("1 change unsent"))
        // The network is back.
        try hub.git(["remote", "set-url", "origin", hub.bare.path], in: laptop.store)
        #expect(try laptop.sync().contains("sent 1 change"))
        #expect(try laptop.must(["sync", "--status"]).hasPrefix("Nothing unsent; last synced "))
        let server = try hub.clone("server")
        #expect(try server.exportJSON == laptop.exportJSON)
    }

    @Test func a_hub_that_refuses_a_push_is_reported_with_its_own_reason() throws {
        let hub = try SyncHub()
        let laptop = try laptopWithChanges(hub)
        #expect(try laptop.must(["sync", "--init", hub.bare.path]).contains("sent 2 changes"))
        let hook = hub.bare.appendingPathComponent("hooks/pre-receive")
        try Data("#!/bin/sh\necho 'the regional hub is read-only until Monday'\nexit 1\n".utf8).write(to: hook)
        chmod(hook.path, 0o755)
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli"])
        let refused = try laptop.cairn(["sync"])
        expectOneLine(refused, "origin refused what was sent: the regional hub is read-only until Monday")
        #expect(!refused.stderr.contains("kept moving"))
        #expect(try laptop.must(["sync", "--status"]).hasPrefix("1 change unsent"))
    }

    @Test func a_remote_that_is_not_a_cairn_store_is_refused_and_nothing_is_merged() throws {
        let hub = try SyncHub()
        let other = hub.root.appendingPathComponent("somebody-else")
        try hub.git(["init", "--quiet", other.path], in: hub.root)
        try "# Thesis\n".write(to: other.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try hub.git(["add", "README.md"], in: other)
        try hub.git(["-c", "user.name=x", "-c", "user.email=x@y", "commit", "--quiet", "-m", "thesis"], in: other)
        let laptop = try laptopWithChanges(hub)
        expectOneLine(
            try laptop.cairn(["sync", "--init", other.path]), "is not a Cairn store: it has no journal/; nothing was merged or sent")
        #expect(!FileManager.default.fileExists(atPath: laptop.store.appendingPathComponent("README.md").path))
        #expect(!FileManager.default.fileExists(atPath: laptop.store.appendingPathComponent(".git").path), "nothing was set")
        let names = try #require(try laptop.export()["schools"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names == ["Escola Básica de São João"])
    }

    @Test func with_no_git_user_a_commit_names_the_account_and_the_machine() throws {
        let hub = try SyncHub()
        let laptop = try laptopWithChanges(hub)
        _ = try laptop.must(["sync", "--init", hub.bare.path])
        let log = try hub.git(["log", "-1", "--format=%an <%ae>|%s"], in: laptop.store).stdout
        let user = try Shell.run("/usr/bin/id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let host = try Shell.run("/bin/hostname", []).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(log.hasPrefix("\(user) <\(user)@\(host)>|2 changes by \(user) on \(host) ("), "\(log)")
        // Only the journals, the .gitignore and the marker are in git: not local/, not drafts.
        let tracked = try hub.git(["ls-files"], in: laptop.store).stdout.split(separator: "\n").map(String.init)
        #expect(tracked.count == 3, "\(tracked)")
        #expect(tracked.contains(".gitignore") && tracked.contains(".cairn-store"))
        #expect(tracked.allSatisfy { !$0.hasPrefix("local/") })
        #expect(try hub.git(["status", "--porcelain"], in: laptop.store).stdout.isEmpty)
    }

    @Test func a_push_overtaken_by_another_machine_is_merged_again_and_sent() throws {
        let hub = try SyncHub()
        let laptop = try laptopWithChanges(hub)
        _ = try laptop.must(["sync", "--init", hub.bare.path])
        let server = try hub.clone("server")
        try server.must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź"])
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli"])
        // Just before the laptop's push, the server sends its change (once): the push is rejected.
        let hook = laptop.store.appendingPathComponent(".git/hooks/pre-push")
        let marker = hub.root.appendingPathComponent("server-sent")
        try """
        #!/bin/sh
        [ -e \(Shell.quote(marker.path)) ] && exit 0
        touch \(Shell.quote(marker.path))
        exec \(Shell.quote(Shell.cairn)) sync --store \(Shell.quote(server.store.path)) >/dev/null
        """.write(to: hook.appendingPathExtension("text"), atomically: true, encoding: .utf8)
        // Made executable by a shell of its own: a program this process starts meanwhile (the
        // tests run in parallel) could inherit our write descriptor, and git's exec of the hook
        // would fail with ETXTBSY.
        let installed = try Shell.run("/bin/sh", ["-c", "cp \"$1.text\" \"$1\" && chmod 755 \"$1\"", "sh", hook.path])
        #expect(installed.status == 0, "\(installed.stderr)")
        let synced = try laptop.sync()
        #expect(FileManager.default.fileExists(atPath: marker.path), "the hook ran")
        #expect(synced.contains("received 1 change"), "\(synced)")
        #expect(synced.contains("sent 1 change"), "\(synced)")
        _ = try server.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
        let names = try #require(try server.export()["schools"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["Escola Básica de São João", "Szkoła Podstawowa nr 12 Łódź", "Þingeyjarskóli"])
    }

    @Test func a_second_sync_at_once_is_told_and_an_index_lock_a_killed_sync_left_is_cleared() throws {
        let hub = try SyncHub()
        let laptop = try laptopWithChanges(hub)
        _ = try laptop.must(["sync", "--init", hub.bare.path])
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli"])
        // Another sync holds the lock (here `flock`, for three seconds).
        let lockFile = laptop.store.appendingPathComponent("local/sync.lock")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockFile.path, "sleep", "3"]
        try holder.run()
        defer { holder.waitUntilExit() }
        let deadline = Date().addingTimeInterval(5)
        while try Shell.run("/usr/bin/flock", ["-n", lockFile.path, "true"]).status == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)  // until flock has taken it
        }
        expectOneLine(try laptop.cairn(["sync"]), "another sync of this store is running")
        holder.waitUntilExit()
        // A sync killed inside `git commit` leaves git's lock; an old one is cleared.
        let index = laptop.store.appendingPathComponent(".git/index.lock")
        try Data().write(to: index)
        var old = [timespec(tv_sec: time(nil) - 60, tv_nsec: 0), timespec(tv_sec: time(nil) - 60, tv_nsec: 0)]
        utimensat(AT_FDCWD, index.path, &old, 0)
        try laptop.must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź"])
        let synced = try laptop.sync()
        #expect(synced.contains("sent 2 changes"), "\(synced)")
        #expect(!FileManager.default.fileExists(atPath: index.path))
        #expect(try laptop.must(["sync", "--status"]).hasPrefix("Nothing unsent"))
    }
}

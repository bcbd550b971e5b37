import Foundation
import Testing

/// A store joined with `git clone` is private once Cairn opens it, and stays so as syncs bring
/// other copies' journals: real git, real umasks, real modes.
@Suite(.serialized) struct SyncPrivacyTests {
    func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    /// Runs `program ARGS` under umask 022, as most accounts' shells do.
    func under022(_ hub: SyncHub, _ program: String, _ args: [String]) throws -> Shell.Result {
        let line = "umask 022; exec " + ([program] + args).map(Shell.quote).joined(separator: " ")
        return try Shell.run("/bin/sh", ["-c", line], environment: hub.environment)
    }

    @Test func a_clone_is_closed_to_others_at_its_first_open_and_journals_a_sync_brings_take_the_stores_modes() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try server.must(["sync", "--init", hub.bare.path])
        let laptop = hub.machine("laptop")
        #expect(try under022(hub, SyncHub.gitPath, ["clone", "--quiet", hub.bare.path, laptop.store.path]).status == 0)
        let journals = laptop.store.appendingPathComponent("journal")
        let serverJournal = try #require(try FileManager.default.contentsOfDirectory(at: journals, includingPropertiesForKeys: nil).first)
        #expect(try mode(laptop.store) == 0o755 && mode(serverJournal) == 0o644, "git clone under umask 022")

        let first = try under022(hub, Shell.cairn, ["list", "clusters", "--store", laptop.store.path])
        #expect(first.status == 0)
        #expect(first.stderr.contains("could be read by other accounts (a git clone is made so)"), "\(first.stderr)")
        #expect(try mode(laptop.store) == 0o700 && mode(journals) == 0o700 && mode(serverJournal) == 0o600)
        #expect(try laptop.must(["check"]).hasSuffix("store is sound\n"))

        // The server writes more and a third machine joins: the laptop's sync, under umask
        // 022, brings a journal git creates and one it rewrites.
        let train = try hub.clone("train")
        try train.must(["add", "school", "--name", "Þingeyjarskóli"])
        _ = try train.sync()
        try server.must(["add", "school", "--name", "Escola Básica de São João"])
        _ = try server.sync()
        let synced = try under022(hub, Shell.cairn, ["sync", "--store", laptop.store.path])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stdout.contains("received 2 changes"), "\(synced.stdout)")
        let files = try FileManager.default.contentsOfDirectory(at: journals, includingPropertiesForKeys: nil)
        #expect(files.count == 3, "the server's, the train's and the laptop's own")
        for file in files { #expect(try mode(file) == 0o600, "\(file.lastPathComponent)") }
        #expect(try mode(journals) == 0o700)
        #expect(try mode(laptop.store.appendingPathComponent(".gitignore")) == 0o600)
        let check = try laptop.cairn(["check"])
        #expect(check.status == 0 && check.stdout.hasSuffix("store is sound\n"), "\(check.stdout)")
    }
}

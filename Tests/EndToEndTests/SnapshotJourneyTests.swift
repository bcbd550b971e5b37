import Foundation
import Testing

/// A store large enough for a snapshot, through the built binary: a start from it shows what
/// the journals hold, follows another session's edits, and gives way to a full read when a
/// journal is replaced under it.
@Suite(.serialized) struct SnapshotJourneyTests {
    /// A register of 2,500 schools (more than `Store.snapshotAfter` events), imported.
    func largeStore(_ store: TemporaryStore) throws {
        try FileManager.default.createDirectory(at: store.root, withIntermediateDirectories: true)
        var csv = "School ID,Name,City\n"
        for i in 1...2_500 { csv += "\(i),EB \(i) São João,Łódź\n" }
        let register = store.root.appendingPathComponent("register.csv")
        try Data(csv.utf8).write(to: register)
        let imported = try Shell.cairn(["import", register.path], store: store.url)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func snapshot(_ store: TemporaryStore) -> URL { store.url.appendingPathComponent("local/snapshot") }

    @Test func a_start_from_the_snapshot_shows_the_journals_and_follows_another_session() throws {
        let store = TemporaryStore()
        try largeStore(store)
        // The first read is a full one, and leaves the snapshot behind.
        #expect(try Shell.cairn(["list", "schools"], store: store.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: snapshot(store).path))
        let session = try Tmux.cairn(store: store.url)
        try session.waitFor("2 Schools (2500)")
        try session.send("2")
        try session.waitFor("EB 1 São João")
        // Another session renames a school by its exact name; the open screen follows the
        // journal's tail: the school sorts first, and the selection stays where it was.
        let edited = try Shell.cairn(["edit", "EB 7 São João", "name=Aaa Kāhui Ako 漢字"], store: store.url)
        #expect(edited.status == 0, "\(edited.stderr)")
        try session.waitUntil("the renamed school first, with its id") { $0.contains(#/\n  Aaa Kāhui Ako 漢字 +7 /#) }
        try session.send("q")
        try session.waitForExit()
        let check = try Shell.cairn(["check"], store: store.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("snapshot: matches the journals"), "\(check.stdout)")
        #expect(try Shell.cairn(["check", "--rebuild"], store: store.url).stdout.contains("snapshot: rebuilt from the journals"))
    }

    /// Home is drawn from the snapshot's first look while the snapshot holds every journal
    /// whole; the keys then act on the whole world. A session that ends with the journals past
    /// the snapshot leaves a new one, so that the next start draws at once again.
    @Test func home_is_drawn_from_the_first_look_and_a_session_ending_behind_leaves_a_snapshot() throws {
        let store = TemporaryStore()
        try largeStore(store)
        #expect(try Shell.cairn(["list", "schools"], store: store.url).status == 0)
        let log = store.root.appendingPathComponent("bench.log")
        func start() throws -> Tmux {
            try? FileManager.default.removeItem(at: log)
            let session = try Tmux.cairn(store: store.url, environment: ["CAIRN_BENCH_LOG": log.path])
            try session.waitFor("2 Schools (2500)")
            return session
        }
        func firstFrame() throws -> String {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("read whole") { return text }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        var session = try start()
        #expect(try firstFrame().contains("first drawn frame (from the snapshot's first look)"))
        // The keys reach the whole world: the Schools tab lists what the first look only counted.
        try session.send("2")
        try session.waitFor("EB 1 São João")
        try session.send("q")
        try session.waitForExit()

        // Another session's edit is a tail: this start draws Home from the first look at once
        // (saying it reads the latest changes), the keys reach the world with the edit, and at
        // its end it writes the snapshot anew.
        let before = try FileManager.default.attributesOfItem(atPath: snapshot(store).path)[.modificationDate] as? Date
        #expect(try Shell.cairn(["edit", "EB 7 São João", "name=Aaa Þingeyjarskóli"], store: store.url).status == 0)
        session = try start()
        #expect(try firstFrame().contains("(from the snapshot's first look)"))
        try session.send("2")
        try session.waitFor("Aaa Þingeyjarskóli")
        try session.send("q")
        try session.waitForExit()
        let after = try FileManager.default.attributesOfItem(atPath: snapshot(store).path)[.modificationDate] as? Date
        #expect(try #require(after) > (try #require(before)))

        session = try start()
        #expect(try firstFrame().contains("(from the snapshot's first look)"))
        try session.send("2")
        try session.waitFor("Aaa Þingeyjarskóli")
        try session.send("q")
        try session.waitForExit()
        let check = try Shell.cairn(["check"], store: store.url)
        #expect(check.stdout.contains("snapshot: matches the journals"), "\(check.stdout)")
    }

    @Test func a_journal_replaced_under_the_snapshot_is_read_whole() throws {
        let store = TemporaryStore()
        try largeStore(store)
        #expect(try Shell.cairn(["list", "schools"], store: store.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: snapshot(store).path))
        // A journal restored from elsewhere, the way an editor or a restore writes it: a new file.
        let journal = try Shell.ownJournal(store.url)
        let text = try String(contentsOf: journal, encoding: .utf8)
        let restored = text.replacingOccurrences(of: "EB 7 São João", with: "EB 7 Sao Joao")
        #expect(restored != text)
        try Data(restored.utf8).write(to: journal, options: .atomic)
        let listed = try Shell.cairn(["list", "schools"], store: store.url)
        #expect(listed.stdout.contains("EB 7 Sao Joao"))
        #expect(!listed.stdout.contains("EB 7 São João"))
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Syncing a copy whose journal is kept as segments, through a real bare hub: a sync commits and
/// sends only the open segment, a sealed one is defended like the open one, and a copy restored
/// from a backup older than a seal takes a new id and loses nothing.
@Suite struct SegmentSyncTests {
    static let seal = 4_096

    struct Hub {
        let tmp = TemporaryDirectory()
        var hub: URL { tmp.url.appendingPathComponent("hub.git") }
        var serverFolder: URL { tmp.url.appendingPathComponent("server") }
        let ana = Identity(user: "ana", host: "server")
        let ben = Identity(user: "ben", host: "laptop")

        init() throws {
            try Self.git(tmp.url, ["init", "--quiet", "--bare", tmp.url.appendingPathComponent("hub.git").path])
        }

        func server() throws -> Store { try Store(directory: serverFolder, identity: ana, sealAfter: SegmentSyncTests.seal) }

        func laptop() throws -> Store {
            let copy = tmp.url.appendingPathComponent("laptop")
            if !FileManager.default.fileExists(atPath: copy.path) { try Self.git(tmp.url, ["clone", "--quiet", hub.path, copy.path]) }
            return try Store(directory: copy, identity: ben, sealAfter: SegmentSyncTests.seal)
        }

        /// The bytes git keeps in the hub, loose and packed.
        func hubBytes() throws -> Int {
            let objects = hub.appendingPathComponent("objects")
            let keys: Set<URLResourceKey> = [.fileSizeKey, .isRegularFileKey]
            let walker = try #require(FileManager.default.enumerator(at: objects, includingPropertiesForKeys: Array(keys)))
            var total = 0
            for case let url as URL in walker {
                let values = try url.resourceValues(forKeys: keys)
                if values.isRegularFile == true { total += values.fileSize ?? 0 }
            }
            return total
        }

        @discardableResult
        static func git(_ directory: URL, _ arguments: [String]) throws -> String {
            let git = try #require(Git(in: directory), "git is installed")
            let done = git.run(arguments)
            try #require(done.ok, "git \(arguments.joined(separator: " ")): \(done.reason)")
            return done.out
        }
    }

    static func schools(_ count: Int, _ label: String) -> [Change] {
        (1...count).map { .put(.school(School(name: "\(label) \($0) Þingeyjarskóli"))) }
    }

    @Test func a_sync_of_one_change_commits_and_sends_the_open_segment_alone() throws {
        let hub = try Hub()
        let server = try hub.server()
        // A national import in one commit (one segment of its own), then a few typed changes.
        try server.commit(Self.schools(2_000, "Imported"))
        for k in 1...3 { try server.commit(Self.schools(1, "Typed \(k)")) }
        #expect(try JournalSegmentTests.files(hub.serverFolder).count >= 2)
        _ = try StoreSync(store: server).initialize(url: hub.hub.path)
        let before = try hub.hubBytes()
        let history = try JournalSegmentTests.size(server.journalDirectory.appendingPathComponent(server.instance.journalName))
        #expect(history > 100 * Self.seal)

        try server.commit(Self.schools(1, "One more"))
        let report = try StoreSync(store: server).run()
        #expect(report.sent == 1)
        let changed = try Hub.git(server.directory, ["diff", "--name-only", "HEAD~1", "HEAD"])
        #expect(changed.split(separator: "\n").map(String.init) == ["journal/" + server.journalFile.lastPathComponent], "\(changed)")
        // Git stores the open segment anew (compressed), a commit and two trees, not the
        // history before it (which alone would be a quarter of `history`, compressed).
        let grown = try hub.hubBytes() - before
        #expect(grown < Self.seal, "the hub grew by \(grown) bytes for one change")

        let laptop = try hub.laptop()
        _ = try StoreSync(store: laptop).run()
        #expect(laptop.world.schools.count == 2_004)
    }

    @Test func a_hub_that_changes_a_line_of_this_copys_sealed_segment_is_refused() throws {
        let hub = try Hub()
        let server = try hub.server()
        for k in 1...30 { try server.commit(Self.schools(1, "Kāhui Ako \(k)")) }
        let sealed = server.instance.journalName
        #expect(server.journalFile.lastPathComponent != sealed)
        _ = try StoreSync(store: server).initialize(url: hub.hub.path)
        let laptop = try hub.laptop()
        // Ben's laptop changes a line Ana wrote in a segment she sealed long ago.
        let planted = laptop.journalDirectory.appendingPathComponent(sealed)
        let text = try String(contentsOf: planted, encoding: .utf8)
        #expect(text.contains("Kāhui Ako 2 1"))
        try Data(text.replacingOccurrences(of: "Kāhui Ako 2 1", with: "Forged 2 1").utf8).write(to: planted)
        try Hub.git(laptop.directory, ["add", "journal/" + sealed])
        try Hub.git(laptop.directory, ["-c", "user.name=ben", "-c", "user.email=ben@laptop", "commit", "--quiet", "-m", "forged"])
        try Hub.git(laptop.directory, ["push", "--quiet", "origin", "HEAD"])

        let refused = try #require(throws: StoreError.self) { try StoreSync(store: server).run() }.message
        #expect(refused.contains("line 2 of this copy's own journal (journal/\(sealed)) was changed"), "\(refused)")
        #expect(refused.contains("nothing was merged"), "\(refused)")
        try server.refresh()
        #expect(!server.world.schools.values.contains { $0.name.contains("Forged") })
    }

    @Test func a_copy_restored_from_a_backup_older_than_a_seal_takes_a_new_id_and_loses_nothing() throws {
        let hub = try Hub()
        var server = try hub.server()
        try server.commit(Self.schools(2, "Before the backup"))
        _ = try StoreSync(store: server).initialize(url: hub.hub.path)
        let backup = hub.tmp.url.appendingPathComponent("backup")
        try FileManager.default.copyItem(at: hub.serverFolder, to: backup)
        // After the backup: enough to seal the first segment and write in the next, all sent.
        for k in 1...20 { try server.commit(Self.schools(1, "After the backup \(k)")) }
        #expect(try JournalSegmentTests.files(hub.serverFolder).count >= 2)
        _ = try StoreSync(store: server).run()
        let oldID = server.instance.id

        // The disk dies; the backup is put back where the store was, and Ana types on.
        try FileManager.default.removeItem(at: hub.serverFolder)
        try FileManager.default.copyItem(at: backup, to: hub.serverFolder)
        server = try hub.server()
        #expect(server.instance.id == oldID)
        try server.commit(Self.schools(1, "After the restore"))
        let report = try StoreSync(store: server).run()
        #expect(report.renamed != nil)
        let renewed = try hub.server()
        #expect(renewed.instance.id != oldID)
        #expect(renewed.world.schools.count == 23)
        #expect(renewed.problems.filter(\.isDamage).isEmpty, "\(renewed.problems)")

        let laptop = try hub.laptop()
        _ = try StoreSync(store: laptop).run()
        let names = Set(laptop.world.schools.values.map(\.name))
        #expect(names.count == 23)
        #expect(names.contains("After the restore 1 Þingeyjarskóli"))
        #expect(names.contains("After the backup 20 1 Þingeyjarskóli"))
        #expect(laptop.problems.filter(\.isDamage).isEmpty, "\(laptop.problems)")
    }
}

import Foundation
import Testing

/// Only journals travel: a file in `journal/` that is not one (garbage, a link) is said on
/// every copy that has it and never sent to the hub.
@Suite(.serialized) struct SyncHygieneTests {
    @Test func a_file_in_journal_that_is_not_a_journal_is_never_pushed() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try server.must(["sync", "--init", hub.bare.path])
        let journal = server.store.appendingPathComponent("journal")
        try Data("garbage\n".utf8).write(to: journal.appendingPathComponent("garbage.jsonl"))
        try FileManager.default.createSymbolicLink(
            at: journal.appendingPathComponent("elsewhere-abcdefgh.jsonl"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        try server.must(["add", "school", "--name", "Þingeyjarskóli"])
        #expect(try server.sync().contains("Synced with origin"))

        let sent = try hub.git(["ls-tree", "-r", "--name-only", "HEAD"], in: hub.bare).stdout
        #expect(!sent.contains("garbage.jsonl"), "\(sent)")
        #expect(!sent.contains("elsewhere-abcdefgh.jsonl"), "\(sent)")
        let laptop = try hub.clone("laptop")
        #expect(try laptop.must(["list", "schools"]).contains("Þingeyjarskóli"))
        #expect(try laptop.cairn(["check"]).status == 0)
        let check = try server.cairn(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("NOT A JOURNAL: journal/garbage.jsonl"), "\(check.stdout)")
        #expect(check.stdout.contains("NOT A JOURNAL: journal/elsewhere-abcdefgh.jsonl is not a Cairn journal (a link to /etc/hostname"))
        // Every command says so, in one line on standard error.
        let listed = try server.cairn(["list", "clusters"])
        #expect(listed.status == 0)
        #expect(listed.stderr.hasPrefix("note: journal/elsewhere-abcdefgh.jsonl is not a Cairn journal"), "\(listed.stderr)")
        #expect(listed.stderr.contains("(and 1 more); cairn check says more"))
        #expect(listed.stderr.split(separator: "\n").count == 1)
    }
}

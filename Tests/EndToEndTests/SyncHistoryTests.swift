import Foundation
import Testing

@testable import CairnStore

/// History that cannot be rewritten unseen, and copies that are never blocked: real git, a
/// bare hub and clones, the built `cairn` on each.
@Suite(.serialized) struct SyncHistoryTests {
    /// A hub with a server and a laptop that have both synced two changes.
    func twoMachines(_ hub: SyncHub) throws -> (server: SyncHub.Machine, laptop: SyncHub.Machine) {
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        try laptop.must(["add", "school", "--name", "Escola Básica de São João"])
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli"])
        _ = try laptop.sync()
        _ = try server.sync()
        return (server, laptop)
    }

    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// Two machines; a backup of the laptop, then more work synced, then the backup restored
    /// at the same path (its id, its older journal and git).
    func restoredFromBackup(_ hub: SyncHub) throws -> (server: SyncHub.Machine, laptop: SyncHub.Machine) {
        let (server, laptop) = try twoMachines(hub)
        let backup = hub.root.appendingPathComponent("laptop-backup")
        #expect(try Shell.run("/bin/cp", ["-a", laptop.store.path, backup.path]).status == 0)
        try laptop.must(["add", "school", "--name", "Escola após o backup"])
        _ = try laptop.sync()
        try FileManager.default.removeItem(at: laptop.store)
        #expect(try Shell.run("/bin/cp", ["-a", backup.path, laptop.store.path]).status == 0)
        return (server, laptop)
    }

    @Test func history_rewritten_on_another_copy_is_refused_whole_naming_journal_line_and_commit() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        let laptopJournal = try Shell.ownJournal(laptop.store)
        let onServer = server.store.appendingPathComponent("journal/" + laptopJournal.lastPathComponent)
        let serverJournal = try Shell.ownJournal(server.store)
        let before = (try bytes(onServer), try bytes(serverJournal), try server.exportJSON)

        // Someone edits a line in the middle of the laptop's journal by hand, and pushes it with git.
        var lines = try String(contentsOf: laptopJournal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = lines[0].replacingOccurrences(of: "São João", with: "Forjada")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: laptopJournal)
        try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-am", "tidy up"], in: laptop.store)
        try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)

        let refused = try server.cairn(["sync"])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("refused what origin has: line 1 of journal/\(laptopJournal.lastPathComponent) was changed by commit "),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("“tidy up”"))
        #expect(refused.stderr.contains("nothing was merged and the store is as it was"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try bytes(onServer) == before.0)
        #expect(try bytes(serverJournal) == before.1)
        #expect(try server.exportJSON == before.2)
        #expect(try server.cairn(["check"]).status == 0)
        #expect(refused.stderr.contains("`cairn check --repair`"))
        // The laptop itself: its check names the broken line; --repair puts it back from git.
        let check = try laptop.cairn(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(laptopJournal.lastPathComponent) line 1 is damaged: its hash does not follow"), "\(check.stdout)")
        try laptop.must(["add", "school", "--name", "Escola escrita depois"])
        let repaired = try laptop.cairn(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        #expect(repaired.stdout.contains("journal/\(laptopJournal.lastPathComponent): put back as git commit "), "\(repaired.stdout)")
        #expect(repaired.stdout.contains("and the 1 written after kept"))
        #expect(try laptop.must(["list", "schools"]).contains("Escola Básica de São João"))
        // Then both copies sync again and agree.
        _ = try laptop.sync()
        _ = try server.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
        #expect(try server.must(["list", "schools"]).contains("Escola escrita depois"))
        #expect(try server.cairn(["check"]).status == 0)
    }

    @Test func history_that_changes_this_copys_own_journal_is_refused_and_the_journal_left_as_it_was() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        let serverJournal = try Shell.ownJournal(server.store)
        let onLaptop = laptop.store.appendingPathComponent("journal/" + serverJournal.lastPathComponent)
        try server.must(["add", "school", "--name", "Łódź 12"])
        let mine = try bytes(serverJournal)
        // The laptop rewrites the server's journal (its first line) and pushes it.
        var lines = try String(contentsOf: onLaptop, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = lines[0].replacingOccurrences(of: "Kāhui Ako Ōtautahi", with: "Forged")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: onLaptop)
        try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-am", "fix the server"], in: laptop.store)
        try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)

        let refused = try server.cairn(["sync"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refused what origin has: line 1 of this copy's own journal"), "\(refused.stderr)")
        #expect(try bytes(serverJournal) == mine)
        #expect(try server.must(["list", "clusters"]).contains("Kāhui Ako Ōtautahi"))
        #expect(refused.stderr.contains("`cairn sync --put-back --store "), "\(refused.stderr)")
    }

    /// The repair the refusal names: the server sends its journal back as it wrote it, in a
    /// commit on top of the hub's history (nothing forced), and a copy that never took the
    /// forgery takes that as an append.
    @Test func put_back_sends_this_copys_own_journal_back_as_written_and_the_other_copies_take_it() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        let office = try hub.clone("office")
        _ = try office.sync()
        _ = try laptop.sync()
        let serverJournal = try Shell.ownJournal(server.store)
        try server.must(["add", "school", "--name", "Łódź 12"])
        let onLaptop = laptop.store.appendingPathComponent("journal/" + serverJournal.lastPathComponent)
        var lines = try String(contentsOf: onLaptop, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = lines[0].replacingOccurrences(of: "Kāhui Ako Ōtautahi", with: "Forged")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: onLaptop)
        try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-am", "fix the server"], in: laptop.store)
        try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)
        #expect(try server.cairn(["sync"]).status != 0)
        let mine = try bytes(serverJournal)

        let putBack = try server.cairn(["sync", "--put-back"])
        #expect(putBack.status == 0, "\(putBack.stderr)")
        #expect(try bytes(serverJournal) == mine, "the server's journal is as it wrote it")
        let log = try hub.git(["log", "-3", "--format=%s", "HEAD"], in: hub.bare).stdout
        #expect(log.contains("put back as this copy wrote it (origin held it otherwise)"), "\(log)")
        let onHub = try hub.git(["show", "HEAD~1:journal/\(serverJournal.lastPathComponent)"], in: hub.bare).stdout
        #expect(Data(onHub.utf8).starts(with: try bytes(serverJournal).prefix(200)), "the hub holds it as written")

        let synced = try office.cairn(["sync"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(try office.must(["list", "clusters"]).contains("Kāhui Ako Ōtautahi"))
        #expect(try office.must(["list", "schools"]).contains("Łódź 12"))
        #expect(try office.cairn(["check"]).status == 0)
        #expect(try office.exportJSON == server.exportJSON)
        // Nothing more to put back: a second one is a plain sync.
        #expect(try server.cairn(["sync", "--put-back"]).status == 0)
        // The copy that pushed the forgery is told what mends it, and then converges too.
        let told = try laptop.cairn(["sync"])
        #expect(told.status != 0)
        #expect(told.stderr.contains("this copy holds journal/\(serverJournal.lastPathComponent) damaged (line 1 was changed here"))
        #expect(told.stderr.contains("`cairn check --repair --store "), "\(told.stderr)")
        let repaired = try laptop.cairn(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        let again = try laptop.cairn(["sync"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try laptop.exportJSON == server.exportJSON)
        #expect(try laptop.cairn(["check"]).status == 0)
    }

    @Test func a_hub_that_cuts_this_copys_own_journal_is_refused_and_the_journal_kept() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        try server.must(["add", "school", "--name", "Łódź 12"])
        try server.must(["add", "school", "--name", "Escola 3"])
        _ = try server.sync()
        _ = try laptop.sync()
        let serverJournal = try Shell.ownJournal(server.store)
        let mine = try bytes(serverJournal)
        let onLaptop = laptop.store.appendingPathComponent("journal/" + serverJournal.lastPathComponent)
        let lines = try String(contentsOf: onLaptop, encoding: .utf8).split(separator: "\n").map(String.init)
        // Cut to its first line on the hub. (A line added in its name is taken for lines this
        // copy lost to a restored backup: it takes a new id and says so; see the README.)
        for forged in [[lines[0]]] {
            try Data((forged.joined(separator: "\n") + "\n").utf8).write(to: onLaptop)
            try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-am", "trim"], in: laptop.store)
            try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)
            let refused = try server.cairn(["sync"])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("of this copy's own journal"), "\(refused.stderr)")
            #expect(refused.stderr.contains("(mallory, “trim”)"), "\(refused.stderr)")
            #expect(try bytes(serverJournal) == mine)
            #expect(try server.must(["list", "schools"]).contains("Escola 3"))
        }
        // Put back, the journal grows again on the hub: the copy that cut it takes that as an append.
        let putBack = try server.cairn(["sync", "--put-back"])
        #expect(putBack.status == 0, "\(putBack.stderr)")
        #expect(try laptop.cairn(["sync"]).status == 0)
        #expect(try laptop.must(["list", "schools"]).contains("Escola 3"))
        #expect(try laptop.exportJSON == server.exportJSON)
    }

    /// A journal's lines with their hash chain made anew, as a member who forges a line and
    /// computes every hash after it would write them.
    func rechained(_ file: URL) throws {
        var link = JournalChain.seed(journal: file.lastPathComponent)
        var out: [UInt8] = []
        for line in try Data(contentsOf: file).split(separator: 0x0A) {
            let chained = JournalChain.chained(JournalChain.split(Array(line)[...]).content, after: link)
            out += chained.line + [0x0A]
            link = chained.link
        }
        try Data(out).write(to: file)
    }

    /// A copy cloned while the hub held a forgery whose hashes were made anew cannot tell it
    /// from the original; once the owner puts its journal back, the refusal names the command
    /// that takes it, and the copy converges.
    @Test func a_copy_that_cloned_a_rechained_forgery_takes_the_journal_put_back_when_told() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        let serverJournal = try Shell.ownJournal(server.store)
        let onLaptop = laptop.store.appendingPathComponent("journal/" + serverJournal.lastPathComponent)
        let text = try String(contentsOf: onLaptop, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Kāhui Ako Ōtautahi", with: "Forged").utf8).write(to: onLaptop)
        try rechained(onLaptop)
        try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-am", "fix typo"], in: laptop.store)
        try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)
        let fourth = try hub.clone("fourth")
        #expect(try fourth.cairn(["check"]).status == 0, "the forgery holds its chain: a fresh clone cannot tell")
        #expect(try server.cairn(["sync"]).status != 0)
        #expect(try server.cairn(["sync", "--put-back"]).status == 0)

        let told = try fourth.cairn(["sync"])
        #expect(told.status != 0)
        let take = "cairn sync --take journal/\(serverJournal.lastPathComponent) --store "
        #expect(told.stderr.contains("`\(take)"), "\(told.stderr)")
        let taken = try fourth.cairn(["sync", "--take", "journal/\(serverJournal.lastPathComponent)"])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(try fourth.must(["list", "clusters"]).contains("Kāhui Ako Ōtautahi"))
        #expect(try fourth.exportJSON == server.exportJSON)
        #expect(try fourth.cairn(["check"]).status == 0)
    }

    /// This copy's own journal cut here after it was sent (an old copy of the file put back, a
    /// cut under a running session): the cut is never sent, and the repair the refusal names
    /// puts back what git committed, keeping what was written since.
    @Test func a_journal_cut_here_after_it_was_sent_is_never_sent_and_repair_keeps_what_came_since() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        try server.must(["add", "school", "--name", "Łódź 12"])
        try server.must(["add", "school", "--name", "Escola 3"])
        _ = try server.sync()
        let serverJournal = try Shell.ownJournal(server.store)
        let lines = try String(contentsOf: serverJournal, encoding: .utf8).split(separator: "\n")
        try Data((lines.prefix(1).joined(separator: "\n") + "\n").utf8).write(to: serverJournal)
        try server.must(["add", "school", "--name", "Þingeyjarskóli, after the cut"])

        let refused = try server.cairn(["sync"])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("no longer holds what this copy already committed to git (lines were cut or changed here)"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("`cairn check --repair --store "))
        let repaired = try server.cairn(["check", "--repair"])
        #expect(
            repaired.stdout.contains("put back as git last committed it (\(lines.count) lines), and the 1 written since kept"),
            "\(repaired.stdout)")
        #expect(repaired.status == 0, "\(repaired.stdout)")
        #expect(try server.cairn(["sync"]).status == 0)
        #expect(try laptop.cairn(["sync"]).status == 0)
        let fresh = try hub.clone("fresh")
        let schools = try fresh.must(["list", "schools"])
        for name in ["Łódź 12", "Escola 3", "Þingeyjarskóli, after the cut"] { #expect(schools.contains(name), "\(schools)") }
        #expect(try laptop.exportJSON == server.exportJSON)
        #expect(try server.cairn(["check"]).status == 0)
    }

    @Test func a_line_of_this_copys_journal_changed_here_is_never_sent() throws {
        let hub = try SyncHub()
        let (server, _) = try twoMachines(hub)
        let serverJournal = try Shell.ownJournal(server.store)
        let text = try String(contentsOf: serverJournal, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Kāhui Ako Ōtautahi", with: "Forjada").utf8).write(to: serverJournal)
        let refused = try server.cairn(["sync"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("no longer holds what this copy already committed to git"), "\(refused.stderr)")
        #expect(
            try hub.git(["show", "HEAD:journal/\(serverJournal.lastPathComponent)"], in: hub.bare).stdout.contains("Kāhui Ako Ōtautahi"))
        let repaired = try server.cairn(["check", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout)")
        #expect(try server.must(["list", "clusters"]).contains("Kāhui Ako Ōtautahi"))
        #expect(try server.cairn(["sync"]).status == 0)
    }

    @Test func a_remote_that_brings_anything_but_journals_is_refused() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        let instances = try FileManager.default.contentsOfDirectory(atPath: server.store.path + "/local/instances")
        for (path, text) in [("local/instances/\(instances[0])", "{}\n"), (".gitattributes", "*.jsonl text eol=crlf\n")] {
            let url = laptop.store.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            try hub.git(["add", "-f", path], in: laptop.store)
            try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-m", "helpful"], in: laptop.store)
            try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)
            let refused = try server.cairn(["sync"])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("refused what origin has: it brings \(path), which is not a journal"), "\(refused.stderr)")
            try hub.git(["rm", "--quiet", "--cached", path], in: laptop.store)
            try hub.git(["-c", "user.name=mallory", "-c", "user.email=m@x", "commit", "--quiet", "-m", "undo"], in: laptop.store)
            try hub.git(["push", "--quiet", "origin", "HEAD"], in: laptop.store)
        }
        #expect(try server.cairn(["check"]).status == 0)
    }

    @Test func a_hub_made_anew_from_another_copy_is_joined_and_the_copies_converge() throws {
        let hub = try SyncHub()
        let (server, laptop) = try twoMachines(hub)
        try server.must(["add", "school", "--name", "Łódź 12"])  // not yet sent when the hub is lost
        // The hub is lost; a new one is made from the laptop's files, with a history of its own.
        let fresh = hub.root.appendingPathComponent("hub2.git")
        try hub.git(["init", "--quiet", "--bare", fresh.path], in: hub.root)
        try FileManager.default.removeItem(at: laptop.store.appendingPathComponent(".git"))
        try laptop.must(["add", "school", "--name", "Escola do portátil"])
        #expect(try laptop.must(["sync", "--init", fresh.path]).contains("Synced with origin"))
        try hub.git(["remote", "set-url", "origin", fresh.path], in: server.store)
        let synced = try server.sync()
        #expect(synced.contains("received 1 change"), "\(synced)")
        _ = try laptop.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
        #expect(try laptop.must(["list", "schools"]).contains("Łódź 12"))
        #expect(try server.cairn(["check"]).status == 0)
    }

    @Test func a_copy_restored_from_a_backup_takes_a_new_id_and_converges_losing_nothing() throws {
        let hub = try SyncHub()
        let (server, laptop) = try restoredFromBackup(hub)
        // Work done on the restored copy before it syncs is acknowledged: it must survive too.
        try laptop.must(["add", "school", "--name", "Escola depois do restauro"])

        let synced = try laptop.sync()
        #expect(synced.contains("Synced with origin"), "\(synced)")
        #expect(
            synced.contains(
                "origin held this copy's journal otherwise than it does (it was restored from a backup?): it now writes journal/"))
        _ = try server.sync()
        for name in ["Escola após o backup", "Escola depois do restauro", "Þingeyjarskóli"] {
            #expect(try server.must(["list", "schools"]).contains(name), "\(name)")
            #expect(try laptop.must(["list", "schools"]).contains(name), "\(name)")
        }
        #expect(try server.exportJSON == laptop.exportJSON)
        #expect(try laptop.cairn(["check"]).status == 0)
        #expect(try server.cairn(["check"]).status == 0)
        // And it goes on syncing.
        try laptop.must(["add", "school", "--name", "Escola seguinte"])
        #expect(try laptop.sync().contains("sent 1 change"))
        _ = try server.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
    }

    @Test func a_restored_copy_with_nothing_new_catches_up_under_a_new_id() throws {
        let hub = try SyncHub()
        let (server, laptop) = try restoredFromBackup(hub)
        // Its journal as the backup had it, the hub's as the copy left it: git fast-forwards it,
        // and the copy writes a new journal from now on.
        let old = try Shell.ownJournal(laptop.store)
        _ = try laptop.sync()
        #expect(try laptop.must(["list", "schools"]).contains("Escola após o backup"))
        try laptop.must(["add", "school", "--name", "Escola nova"])
        #expect(try Shell.ownJournal(laptop.store) != old)
        _ = try laptop.sync()
        _ = try server.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
    }
}

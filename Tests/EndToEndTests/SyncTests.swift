import Foundation
import Testing

/// A workshop laptop and the regional server sharing one store through a real git hub: the
/// built `cairn` on both, every kind of change made apart, synced in both orders.
@Suite(.serialized) struct SyncTests {
    /// A server store with a cluster, two member schools, a checkpoint and a goal, shared by
    /// `cairn sync --init`, and a laptop that joined with `git clone`.
    func serverAndLaptop(_ hub: SyncHub) throws -> (SyncHub.Machine, SyncHub.Machine, [String: String]) {
        let server = hub.machine("server")
        var ids: [String: String] = [:]
        func made(_ key: String, _ args: [String]) throws {
            ids[key] = try server.must(args).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try made("cluster", ["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        try made("escola", ["add", "school", "--name", "Escola Básica de São João", "--cluster", "Kāhui Ako Ōtautahi"])
        try made("lodz", ["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź", "--cluster", "Kāhui Ako Ōtautahi"])
        try made("checkpoint", ["add", "checkpoint", "--cluster", "Kāhui Ako Ōtautahi", "--title", "Reunião", "--due", "2027-01-15"])
        try made(
            "goal",
            [
                "add", "goal", "--cluster", "Kāhui Ako Ōtautahi", "--statement", "Attendance up", "--indicator", "attendance", "--unit",
                "%",
                "--baseline", "80", "--target", "90", "--deadline", "2027-06-30",
            ])
        let initialised = try server.must(["sync", "--init", hub.bare.path])
        #expect(initialised.contains("sent 7 changes"), "\(initialised)")
        let laptop = try hub.clone("laptop")
        #expect(try laptop.exportJSON == server.exportJSON)
        let cluster = try server.record("clusters", "id", try #require(ids["cluster"]))
        let members = try #require(cluster["members"] as? [[String: Any]])
        ids["lodzMembership"] = try #require(members.first { $0["id"] as? String == ids["lodz"] }?["membership"] as? String)
        return (server, laptop, ids)
    }

    @Test func every_kind_of_change_made_apart_merges_alike_on_both_machines_in_either_order() throws {
        let hub = try SyncHub()
        let (server, laptop, ids) = try serverAndLaptop(hub)
        let escola = try #require(ids["escola"])
        let lodz = try #require(ids["lodz"])
        let checkpoint = try #require(ids["checkpoint"])
        let membership = try #require(ids["lodzMembership"])

        // Apart: different records, different fields of one record, one field twice, a tick
        // against a title edit, a measurement each, a member deleted here and edited there.
        try server.must(["add", "school", "--name", "Þingeyjarskóli"])
        try laptop.must(["add", "agency", "--name", "Serviço de Saúde 漢字", "--sector", "health"])
        try server.must(["edit", escola, "municipality=Lisboa"])
        try laptop.must(["edit", escola, "phone=219 999 999"])
        try server.must(["edit", lodz, "email=sekretariat@sp12.lodz.pl"])
        try laptop.must(["edit", lodz, "email=sp12@lodz.example"])
        try server.must(["edit", checkpoint, "title=Reunião trimestral"])
        try laptop.must(["tick", checkpoint, "--evidence", "minutes 😀"])
        try server.must(["measure", "Attendance up", "--value", "82"])
        try laptop.must(["measure", "Attendance up", "--value", "84"])
        try server.must(["delete", membership])
        try laptop.must(["edit", membership, "responsibilities=Hosts the workshop"])

        // The laptop first, then the server, then the laptop again to bring the server's.
        let sent = try laptop.sync()
        #expect(sent.contains("received nothing, sent 6 changes; no conflicts"), "\(sent)")
        let merged = try server.sync()
        #expect(merged.contains("received 6 changes (root 6), sent 6 changes"), "\(merged)")
        #expect(merged.contains("2 conflicts open"), "\(merged)")
        _ = try laptop.sync()

        #expect(try laptop.exportJSON == server.exportJSON)
        #expect(try laptop.conflictsJSON == server.conflictsJSON)
        let school = try laptop.record("schools", "id", escola)
        #expect(school["municipality"] as? String == "Lisboa")
        #expect(school["phone"] as? String == "219 999 999")
        let tick = try laptop.record("checkpoints", "id", checkpoint)
        #expect(tick["title"] as? String == "Reunião trimestral")
        #expect(tick["doneOn"] as? String != nil)
        #expect(tick["evidence"] as? String == "minutes 😀")
        let values = try #require(try laptop.export()["measurements"] as? [[String: Any]]).compactMap { $0["value"] as? Double }
        #expect(values.sorted() == [82, 84])
        #expect(try laptop.record("schools", "name", "Þingeyjarskóli")["id"] != nil)
        #expect(try laptop.record("agencies", "name", "Serviço de Saúde 漢字")["id"] != nil)
        let clusterID = try #require(ids["cluster"])
        let members = try #require(try laptop.record("clusters", "id", clusterID)["members"] as? [[String: Any]])
        #expect(!members.contains { $0["membership"] as? String == membership }, "the deleted member stays deleted")

        // Two conflicts, the same on both: the e-mail set twice (both values kept in view),
        // and the edit of the member the server deleted, which can bring it back.
        let conflicts = try server.conflicts()
        #expect(conflicts.count == 2)
        let email = try #require(conflicts.first { $0["record"] as? String == lodz })
        #expect(email["field"] as? String == "email")
        let kept = try #require(email["kept"] as? [String: Any])["value"] as? String
        let other = try #require((email["others"] as? [[String: Any]])?.first?["value"] as? String)
        #expect(Set([kept, other]) == ["sekretariat@sp12.lodz.pl", "sp12@lodz.example"])
        let deleted = try #require(conflicts.first { $0["record"] as? String == membership })
        #expect(deleted["field"] as? String == "responsibilities")
        #expect((deleted["others"] as? [[String: Any]])?.first?["value"] as? String == "Hosts the workshop")

        // Again, the other way round: the server syncs first; a reopen, a tick of nothing new.
        try laptop.must(["reopen", checkpoint])
        try server.must(["edit", escola, "notes=Ponto de encontro: biblioteca"])
        let serverFirst = try server.sync()
        #expect(serverFirst.contains("received nothing, sent 1 change"), "\(serverFirst)")
        let laptopSecond = try laptop.sync()
        #expect(laptopSecond.contains("received 1 change (root 1), sent 1 change"), "\(laptopSecond)")
        _ = try server.sync()
        #expect(try laptop.exportJSON == server.exportJSON)
        #expect(try laptop.conflictsJSON == server.conflictsJSON)
        #expect(try server.record("checkpoints", "id", checkpoint)["doneOn"] is NSNull)
        #expect(try server.record("schools", "id", escola)["notes"] as? String == "Ponto de encontro: biblioteca")
        // Every acknowledged change, on every machine: the same journal files, line for line.
        #expect(try journals(of: laptop) == journals(of: server))
        #expect(try journals(of: server).values.map { $0.split(separator: "\n").count }.reduce(0, +) == 7 + 12 + 2)
        let status = try laptop.must(["sync", "--status"])
        #expect(status.hasPrefix("Nothing unsent; last synced "), "\(status)")
    }

    /// The first test has the delete before the edit it never saw; here the edit comes first,
    /// and the delete made later on the laptop had not seen it either.
    @Test func a_delete_made_after_an_unseen_edit_elsewhere_stands_and_the_edit_is_a_conflict() throws {
        let hub = try SyncHub()
        let (server, laptop, ids) = try serverAndLaptop(hub)
        let lodz = try #require(ids["lodz"])
        try server.must(["edit", lodz, "phone=42 123 45 67"])
        try laptop.must(["delete", lodz])
        _ = try laptop.sync()
        _ = try server.sync()
        _ = try laptop.sync()
        #expect(try laptop.exportJSON == server.exportJSON)
        #expect(try laptop.conflictsJSON == server.conflictsJSON)
        let schools = try #require(try server.export()["schools"] as? [[String: Any]])
        #expect(!schools.contains { $0["id"] as? String == lodz }, "it stays deleted")
        let conflict = try #require(try server.conflicts().first { $0["record"] as? String == lodz })
        #expect(conflict["field"] as? String == "phone")
        #expect((conflict["others"] as? [[String: Any]])?.first?["value"] as? String == "42 123 45 67")
    }

    @Test func what_the_laptop_adds_to_a_cluster_the_server_deleted_stays_out_and_check_stays_sound() throws {
        let hub = try SyncHub()
        let (server, laptop, ids) = try serverAndLaptop(hub)
        let cluster = try #require(ids["cluster"])
        try server.must(["delete", cluster])
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli", "--cluster", cluster])
        try laptop.must(["add", "checkpoint", "--cluster", cluster, "--title", "Visita", "--due", "2027-02-01"])
        _ = try server.sync()
        _ = try laptop.sync()
        _ = try server.sync()
        #expect(try laptop.exportJSON == server.exportJSON)
        #expect(try laptop.conflictsJSON == server.conflictsJSON)
        for m in [server, laptop] {
            #expect(try m.must(["check"]).contains("store is sound"), "\(m.name)")
            #expect(try m.conflicts().count == 2)
            #expect(try m.must(["conflicts"]).contains("made in cluster “Kāhui Ako Ōtautahi”, deleted meanwhile"))
        }
        #expect(try server.record("schools", "name", "Þingeyjarskóli")["id"] != nil)
    }

    @Test func three_clones_syncing_in_a_ring_end_alike() throws {
        let hub = try SyncHub()
        let (server, laptop, ids) = try serverAndLaptop(hub)
        let train = try hub.clone("train")
        let escola = try #require(ids["escola"])
        let machines = [server, laptop, train]
        let lodz = try #require(ids["lodz"])
        for (i, m) in machines.enumerated() {
            try m.must(["add", "school", "--name", "Escola \(i) de \(m.name)"])
            try m.must(["edit", escola, ["municipality=Lisboa", "phone=21 000 000\(i)", "notes=from \(m.name)"][i]])
            try m.must(["edit", lodz, "notes=ring \(m.name)"])
        }
        // Each syncs in turn, twice round: everyone's reach everyone.
        for _ in 0..<2 { for m in machines { _ = try m.sync() } }
        let export = try server.exportJSON
        let conflicts = try server.conflictsJSON
        for m in machines {
            #expect(try journals(of: m) == journals(of: server), "\(m.name) lacks a change")
            #expect(try m.exportJSON == export, "\(m.name) differs")
            #expect(try m.conflictsJSON == conflicts, "\(m.name) lists other conflicts")
        }
        let school = try server.record("schools", "id", escola)
        #expect(school["municipality"] as? String == "Lisboa")
        #expect(school["phone"] as? String == "21 000 0001")
        #expect(school["notes"] as? String == "from train")
        let schools = try #require(try server.export()["schools"] as? [[String: Any]])
        #expect(schools.count == 5)
        let ring = try server.conflicts().filter { $0["record"] as? String == ids["lodz"] }
        #expect(ring.count == 1)
        #expect((ring.first?["others"] as? [Any])?.count == 2)
    }

    @Test func a_laptop_two_hours_behind_orders_an_edit_made_after_a_sync_after_what_it_brought() throws {
        let hub = try SyncHub()
        let (server, real, ids) = try serverAndLaptop(hub)
        var laptop = real
        laptop.clock = "-2h"
        let escola = try #require(ids["escola"])
        try server.must(["edit", escola, "municipality=Lisboa"])
        _ = try server.sync()
        let brought = try laptop.sync()
        #expect(brought.contains("changes by root on "), "\(brought)")
        #expect(brought.contains(" are stamped 2 h ahead of this machine's clock: check both clocks"), "\(brought)")
        try laptop.must(["edit", escola, "municipality=Loures"])
        _ = try laptop.sync()
        _ = try server.sync()
        for m in [server, laptop] {
            #expect(try m.record("schools", "id", escola)["municipality"] as? String == "Loures", "\(m.name)")
            #expect(try m.conflicts().isEmpty, "the laptop had seen the server's edit")
        }
        // Its clock said two hours earlier; the journal line says after the server's.
        let line = try #require(
            try String(contentsOf: laptopJournal(laptop), encoding: .utf8).split(separator: "\n").last { $0.contains("Loures") })
        let at = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["at"] as? String
        let serverLine = try #require(
            try String(contentsOf: laptopJournal(server), encoding: .utf8).split(separator: "\n").last { $0.contains("Lisboa") })
        let serverAt = try #require(try JSONSerialization.jsonObject(with: Data(serverLine.utf8)) as? [String: Any])["at"] as? String
        let laptopAt = try #require(at)
        #expect(laptopAt >= (try #require(serverAt)))
        #expect(laptopAt > Self.isoNow(offsetHours: -1), "the edit is stamped after the server's, not two hours back")
    }

    @Test func a_laptop_two_hours_ahead_does_not_make_the_servers_later_edit_lose() throws {
        let hub = try SyncHub()
        let (server, real, ids) = try serverAndLaptop(hub)
        var laptop = real
        laptop.clock = "+2h"
        let escola = try #require(ids["escola"])
        try laptop.must(["edit", escola, "municipality=Loures"])  // stamped two hours ahead
        _ = try laptop.sync()
        #expect(try server.sync().contains("stamped 2 h ahead of this machine's clock"))
        try server.must(["edit", escola, "municipality=Lisboa"])  // after it, whatever the clocks say
        _ = try server.sync()
        _ = try laptop.sync()
        for m in [server, laptop] {
            #expect(try m.record("schools", "id", escola)["municipality"] as? String == "Lisboa", "\(m.name)")
            #expect(try m.conflicts().isEmpty)
        }
    }

    @Test func a_store_an_earlier_version_wrote_under_the_host_name_is_sent_whole() throws {
        let hub = try SyncHub()
        let old = hub.machine("server")
        try old.must(["add", "school", "--name", "Escola Básica de São João"])
        // As version 8 left it: the journal named after the host, no instance id yet.
        let legacy = old.store.appendingPathComponent("journal/regional-server.jsonl")
        try FileManager.default.moveItem(at: try Shell.ownJournal(old.store), to: legacy)
        // Its lines as that version wrote them: without the hash chain.
        let unchained = try String(contentsOf: legacy, encoding: .utf8).replacingOccurrences(
            of: #","chain":"[0-9a-f]{64}"\}"#, with: "}", options: .regularExpression)
        try Data(unchained.utf8).write(to: legacy)
        try FileManager.default.removeItem(at: old.store.appendingPathComponent("local"))
        try old.must(["add", "school", "--name", "Þingeyjarskóli"])
        let sent = try old.must(["sync", "--init", hub.bare.path])
        #expect(sent.contains("sent 2 changes"), "the old journal's change and the new one's: \(sent)")
        let laptop = try hub.clone("laptop")
        let names = try #require(try laptop.export()["schools"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["Escola Básica de São João", "Þingeyjarskóli"])
        // Private files never reach git, whatever lies in the store folder.
        for junk in ["reports/rede.md", "drafts/ana@vm-1.json", "local/snapshot.bin", "journal/.x.jsonl.1.tmp"] {
            let url = old.store.appendingPathComponent(junk)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x".write(to: url, atomically: true, encoding: .utf8)
        }
        try old.must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź"])
        _ = try old.sync()
        let tracked = try hub.git(["ls-files"], in: old.store).stdout.split(separator: "\n").map(String.init)
        #expect(
            tracked.filter { !$0.hasPrefix("journal/") || !$0.hasSuffix(".jsonl") || $0.contains("/.") }.sorted() == [
                ".cairn-store", ".gitignore",
            ])
    }

    @Test func a_sync_cut_off_in_the_middle_of_a_merge_is_done_again_by_the_next() throws {
        let hub = try SyncHub()
        let (server, laptop, _) = try serverAndLaptop(hub)
        try server.must(["add", "school", "--name", "Þingeyjarskóli"])
        _ = try server.sync()
        try laptop.must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź"])
        // A merge begun and never finished: the link dropped, the process was killed.
        try hub.git(["fetch", "--quiet", "origin"], in: laptop.store)
        try hub.git(["-c", "user.name=x", "-c", "user.email=x@y", "merge", "--no-commit", "--no-ff", "origin/master"], in: laptop.store)
        #expect(FileManager.default.fileExists(atPath: laptop.store.appendingPathComponent(".git/MERGE_HEAD").path))
        let synced = try laptop.sync()
        #expect(synced.contains("sent 1 change"), "\(synced)")
        _ = try server.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
        #expect(try #require(try server.export()["schools"] as? [[String: Any]]).count == 4)
    }

    /// A machine's journal files, by name.
    func journals(of m: SyncHub.Machine) throws -> [String: String] {
        let folder = m.store.appendingPathComponent("journal")
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".jsonl") {
            out[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    /// The journal file a machine's own copy writes.
    func laptopJournal(_ m: SyncHub.Machine) throws -> URL { try Shell.ownJournal(m.store) }

    static func isoNow(offsetHours: Double) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date().addingTimeInterval(offsetHours * 3600))
    }
}

/// A week of work done offline, sent in one sync.
@Suite(.serialized) struct LargeSyncTests {
    @Test func ten_thousand_changes_made_offline_sync_in_one_go_and_arrive_whole() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        _ = try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        var register = "Name,Municipality\n"
        for i in 0..<10_000 { register += "Escola \(i) de São João,Łódź \(i % 97)\n" }
        let file = hub.root.appendingPathComponent("register.csv")
        try register.write(to: file, atomically: true, encoding: .utf8)
        try laptop.must(["import", file.path])
        #expect(try laptop.must(["sync", "--status"]).hasPrefix("10000 changes unsent"))
        let sent = try laptop.sync()
        #expect(sent.contains("sent 10000 changes"), "\(sent)")
        let received = try server.sync()
        #expect(received.contains("received 10000 changes"), "\(received)")
        #expect(try server.exportJSON == laptop.exportJSON)
        #expect(try #require(try server.export()["schools"] as? [[String: Any]]).count == 10_000)
    }
}

/// `S` on Home in the built binary, in tmux: the laptop's screen before and after a sync.
@Suite(.serialized) struct SyncScreenTests {
    @Test func s_on_home_brings_the_servers_changes_into_the_open_screen_and_sends_the_laptops() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "school", "--name", "Escola Básica de São João"])
        _ = try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        try laptop.must(["add", "school", "--name", "Þingeyjarskóli"])
        let screen = try Tmux.cairn(store: laptop.store, environment: hub.tmuxEnvironment)
        try screen.waitFor("1 unsent · never synced")
        try screen.send("2")
        try screen.waitFor("Þingeyjarskóli")
        try server.must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź"])
        _ = try server.sync()

        try screen.send("S")
        let after = try screen.waitFor("Synced with origin: received 1 change (root 1), sent 1 change")
        #expect(after.contains("Szkoła Podstawowa nr 12 Łódź"), "the open list shows what came")
        #expect(after.contains("Schools (3)"))
        let title = try #require(after.split(separator: "\n").first)
        #expect(title.contains(" 0 unsent · synced "), "\(title)")
        _ = try server.sync()
        #expect(try server.exportJSON == laptop.exportJSON)
    }

    @Test func a_sync_that_fails_is_a_message_and_the_screen_stays_usable() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "school", "--name", "Escola Básica de São João"])
        _ = try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        try hub.git(["remote", "set-url", "origin", hub.root.appendingPathComponent("gone.git").path], in: laptop.store)
        let screen = try Tmux.cairn(store: laptop.store, environment: hub.tmuxEnvironment)
        try screen.send("S")
        try screen.waitFor("Sync failed: cannot reach origin")
        try screen.send("2")
        try screen.waitFor("Escola Básica de São João")
        try screen.send("a")
        try screen.waitFor("New school")
        try screen.type("Þingeyjarskóli")
        try screen.send("Enter")
        try screen.waitFor("1 unsent · never synced")
        #expect(screen.isRunning)
    }
}

/// Machines compare exports byte for byte: records of one name must not follow a dictionary's
/// order, which changes from process to process.
@Suite struct ExportOrderTests {
    @Test func two_schools_of_one_name_are_exported_in_the_same_order_by_every_process() throws {
        let hub = try SyncHub()
        let m = hub.machine("server")
        for _ in 0..<4 { try m.must(["add", "school", "--name", "Escola Básica n.º 1"]) }
        try m.must([
            "add", "checkpoint", "--cluster", try m.must(["add", "cluster", "--name", "Rede"]).trimmingCharacters(in: .newlines), "--title",
            "Reunião", "--due", "2027-01-15",
        ])
        try m.must(["add", "checkpoint", "--cluster", "Rede", "--title", "Reunião", "--due", "2027-01-15"])
        let first = try m.exportJSON
        for _ in 0..<8 { #expect(try m.exportJSON == first) }
        let csv = try m.must(["export", "--format", "csv", "--what", "schools"])
        for _ in 0..<8 { #expect(try m.must(["export", "--format", "csv", "--what", "schools"]) == csv) }
    }
}

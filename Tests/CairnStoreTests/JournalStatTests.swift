import CairnCore
import Foundation
import Testing

@testable import CairnStore

#if canImport(Glibc)
    import Glibc
#endif

/// A start trusts a journal the snapshot saw, found as it saw it by one `lstat` (device, inode,
/// size, change time), without opening it; any other file is fingerprinted, and nothing an
/// `lstat` can show makes a link, a folder or a misnamed file a journal.
@Suite struct JournalStatTests {
    let ana = Identity(user: "ana", host: "regional-server")

    /// A store of a few commits with a snapshot up to its end.
    func snapshotted(_ tmp: TemporaryDirectory) throws -> Store {
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        for name in ["Þingeyjarskóli", "Łódź 12", "São João", "漢字 🙂"] { try store.commit([.put(.school(School(name: name)))]) }
        // Left alone long enough for its stat to be noted (`JournalStat.quiet`).
        Thread.sleep(forTimeInterval: Double(JournalStat.quietSeconds) + 0.2)
        // Its own commits read back, as a session does before it writes one.
        try store.refresh()
        try #require(store.saveSnapshot())
        return store
    }

    func lstatOf(_ url: URL) throws -> JournalStat {
        var info = stat()
        try #require(lstat(url.path, &info) == 0)
        return JournalStat(info)
    }

    @Test func a_snapshot_notes_each_journal_as_it_saw_it_when_it_fingerprinted_it() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        let snapshot = try #require(StoreSnapshot.read(store.snapshotFile))
        let mark = try #require(snapshot.marks.first)
        #expect(mark.seen == (try lstatOf(store.journalFile)))
        #expect(mark.seen?.size == mark.offset)
    }

    @Test func a_journal_changed_a_moment_before_it_was_fingerprinted_is_not_noted_so_it_is_read_at_the_next_start() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        try store.commit([.put(.school(School(name: "Kāhui Ako")))])
        try store.refresh()
        try #require(store.saveSnapshot())
        // Written within a tick of a coarse change time, a same-size rewrite could look
        // unchanged: the open journal, just written, is fingerprinted instead.
        let mark = try #require(StoreSnapshot.read(store.snapshotFile)?.marks.first)
        #expect(mark.seen == nil)
        #expect(try Store(directory: tmp.store, identity: ana, snapshotAfter: .max).startedFromSnapshot)
    }

    @Test func a_journal_found_as_the_snapshot_saw_it_is_trusted_without_its_bytes_and_one_found_otherwise_is_read() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        let snapshot = try #require(StoreSnapshot.read(store.snapshotFile))
        let name = store.journalFile.lastPathComponent
        let files = [name: store.journalFile]
        let now = [name: try lstatOf(store.journalFile)]
        #expect(snapshot.fit(files, stats: now) == .fits)

        // A fingerprint that no longer matches the bytes: trusted while the file is as seen
        // (its bytes cannot have changed since), refused once it is seen otherwise.
        var forged = snapshot
        forged.marks[0].head ^= 1
        #expect(forged.fit(files, stats: now) == .fits)
        var touched = try #require(now[name])
        touched.changedNanoseconds += 1
        #expect(forged.fit(files, stats: [name: touched]) == .unfit)
        #expect(snapshot.fit(files, stats: [name: touched]) == .fits)
        // A place past the size seen is no place in that file.
        var beyond = forged
        beyond.marks[0].offset = touched.size + 1
        #expect(beyond.fit(files, stats: now) == .unfit)

        // A journal not noted (of the format before, or not left alone long enough) is fingerprinted.
        var unnoted = snapshot
        unnoted.marks[0].seen = nil
        #expect(unnoted.fit(files, stats: now) == .fits)
        unnoted.marks[0].head ^= 1
        #expect(unnoted.fit(files, stats: now) == .unfit)
    }

    @Test func a_journal_rewritten_in_place_to_the_same_length_after_the_snapshot_is_not_trusted() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        try store.commit([.put(.school(School(id: "sch-z", name: "Escola Z")))])
        try store.refresh()
        try #require(store.saveSnapshot())
        // The last school's name changed by hand: the same size, the same inode.
        let text = try String(contentsOf: store.journalFile, encoding: .utf8)
        let inode = try lstatOf(store.journalFile).inode
        try Data(text.replacingOccurrences(of: "Escola Z", with: "Escola Y").utf8).write(to: store.journalFile)
        #expect(try lstatOf(store.journalFile).inode == inode)
        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(!again.startedFromSnapshot)
        #expect(again.world.schools["sch-z"]?.name == "Escola Y")
    }

    @Test func a_session_started_from_the_snapshot_says_a_journal_changed_under_it() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        let session = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"), snapshotAfter: .max)
        #expect(session.startedFromSnapshot)
        #expect(try session.refresh() == false)
        #expect(session.takeAlarms().isEmpty)
        var bytes = try Data(contentsOf: store.journalFile)
        let at = bytes.count - 4
        bytes[at] = bytes[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try bytes.write(to: store.journalFile)
        #expect(try session.refresh())
        let said = session.takeAlarms()
        #expect(said.first?.contains("changed before the place this session had read to") == true, "\(said)")
        // Appended to, not changed: read on, nothing said.
        try store.commit([.put(.school(School(name: "Kāhui Ako")))])
        let next = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"), snapshotAfter: .max)
        try store.commit([.put(.school(School(name: "Escola 2")))])
        #expect(try next.refresh())
        #expect(next.takeAlarms().isEmpty)
        #expect(next.world.schools.values.contains { $0.name == "Escola 2" })
    }

    @Test func a_snapshot_of_the_format_before_stats_is_read_and_written_anew_noting_them() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        let snapshot = try #require(StoreSnapshot.read(store.snapshotFile))
        try Data(try snapshot.encoded(format: 17)).write(to: store.snapshotFile)
        let old = try #require(StoreSnapshot.read(store.snapshotFile))
        #expect(old.marks.allSatisfy { $0.seen == nil })
        #expect(old.marks.map(\.offset) == snapshot.marks.map(\.offset))

        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(again.startedFromSnapshot)
        #expect(again.world == store.world)
        let rewritten = try #require(StoreSnapshot.read(store.snapshotFile))
        #expect(rewritten.marks.first?.seen == (try lstatOf(store.journalFile)))
    }

    @Test func a_stat_as_trusted_never_makes_a_link_a_folder_or_a_misnamed_file_a_journal() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        let folder = store.journalFile.deletingLastPathComponent()
        func vet(_ name: String, trusting: Bool) throws -> JournalVetting.Verdict {
            let url = folder.appendingPathComponent(name)
            let seen = try lstatOf(url)
            return JournalVetting.vet(url, name: name, path: url.path, known: nil, trusted: trusting ? seen : nil)
        }
        let outside = tmp.url.appendingPathComponent("colleague.txt")
        try Data("not a journal\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link0000.jsonl"), withDestinationURL: outside)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir0000.jsonl"), withIntermediateDirectories: false)
        try Data("not a journal\n".utf8).write(to: folder.appendingPathComponent("not a copy's id.jsonl"))
        for name in ["link0000.jsonl", "dir0000.jsonl", "not a copy's id.jsonl"] {
            #expect(try vet(name, trusting: true).refusal != nil, "\(name)")
        }
        // A file of lines that are not events: refused when judged; a forged stat can spare it
        // the judging (the snapshot's level of trust), and it is then read as a journal whose
        // lines are damage, never followed or written.
        try Data("not a journal\n".utf8).write(to: folder.appendingPathComponent("text0000.jsonl"))
        #expect(try vet("text0000.jsonl", trusting: false).refusal != nil)
        #expect(try vet("text0000.jsonl", trusting: true).refusal == nil)
    }

    @Test func an_index_found_as_it_saw_its_journal_is_taken_without_reading_the_journal() throws {
        var (_, random) = replayableRandom("an_index_found_as_it_saw_its_journal_is_taken_without_reading_the_journal")
        let journals = try JournalIndexTests.Journals(&random, events: 600)
        let moments = ["2026-10-01T00:00:00.000Z", "2026-12-31T00:00:00.000Z"]
        let people = ["ana", "ben", "nobody"]
        let store = try journals.store()
        let records = (0..<12).map { "sch-\($0)" }
        let whole = try records.map { try store.logHeld(record: $0).entries }
        let counts = moments.map { since in people.map { store.changesSince(since, notBy: $0) } }
        // Each journal indexed to its end, once left alone long enough for its stat to be noted.
        Thread.sleep(forTimeInterval: Double(JournalStat.quietSeconds) + 0.2)
        for k in journals.copies.indices {
            let size = Array(journals.writers[k].text.utf8).count
            JournalIndex.update(journals.url(k), to: size, line: 1, store: journals.tmp.store, access: .personal)
        }
        let url = journals.url(0)
        let index = JournalIndex.file(of: url, store: journals.tmp.store)
        let now = try lstatOf(url)
        let sound = try #require(JournalIndexFile.open(url, store: journals.tmp.store, now: now))
        #expect(sound.index.mark.seen == now)
        // Through the listing's stats, every record's history and every count are the whole read's.
        let fresh = try journals.store()
        for (record, entries) in zip(records, whole) { #expect(try fresh.log(record: record).entries == entries, "\(record)") }
        for (m, since) in moments.enumerated() {
            for (p, user) in people.enumerated() { #expect(fresh.changesSince(since, notBy: user) == counts[m][p]) }
        }

        // A fingerprint that does not match: taken while the journal is as the index saw it,
        // fingerprinted (and refused) otherwise.
        var forged = sound.index
        forged.mark.head ^= 1
        let entries = try #require(sound.entries())
        try Data(forged.encoded(entries)).write(to: index)
        #expect(JournalIndexFile.open(url, store: journals.tmp.store, now: now) != nil)
        #expect(JournalIndexFile.open(url, store: journals.tmp.store) == nil)
        var touched = now
        touched.changedSeconds -= 1
        #expect(JournalIndexFile.open(url, store: journals.tmp.store, now: touched) == nil)
        // Covering less than the journal: the place is checked to be a line's end, so read.
        var short = sound.index
        short.mark.offset -= 3
        try Data(short.encoded(entries)).write(to: index)
        #expect(JournalIndexFile.open(url, store: journals.tmp.store, now: now) == nil)

        // The format before: read by its fingerprint, and written anew noting the stat, its
        // entries kept, when the snapshot next brings the indexes up to its marks.
        var before = sound.index
        before.mark.seen = nil
        try Data(before.encoded(entries, current: false)).write(to: index)
        let old = try #require(JournalIndexFile.open(url, store: journals.tmp.store, now: now))
        #expect(old.index.mark.seen == nil)
        JournalIndex.update(url, to: now.size, line: 1, store: journals.tmp.store, access: .personal)
        let renewed = try #require(JournalIndexFile.open(url, store: journals.tmp.store, now: now))
        #expect(renewed.index.mark.seen == now)
        #expect(renewed.entries().map { $0.count } == entries.count)
    }

    @Test func a_snapshot_of_the_format_before_the_cluster_order_is_written_anew_with_it() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        try store.commit(try Examples.changes(for: store.world, today: Day(iso: "2026-12-01")!, user: "ana"))
        try store.refresh()
        try #require(store.saveSnapshot())
        let snapshot = try #require(StoreSnapshot.read(store.snapshotFile, firstLookOnly: true))
        let order = try #require(snapshot.look.clusterOrder.ids)
        #expect(snapshot.look.clusterOrder.tag == Alphabet.session.tag)
        #expect(snapshot.look.clustersShown().map(\.id) == order)
        #expect(order == NameOrder.shown(store.world.clusters.values, by: \.name, id: \.id).map(\.id))
        try Data(try #require(StoreSnapshot.read(store.snapshotFile)).encoded(format: 18)).write(to: store.snapshotFile)
        let old = try #require(StoreSnapshot.read(store.snapshotFile, firstLookOnly: true))
        #expect(old.look.clusterOrder.ids == nil)
        #expect(old.look.clustersShown().map(\.id) == order)
        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(again.startedFromSnapshot)
        #expect(try #require(StoreSnapshot.read(store.snapshotFile)).look.clusterOrder.ids == order)
    }

    @Test func a_kept_cluster_order_that_is_another_alphabet_s_or_names_the_clusters_otherwise_is_not_used() throws {
        var look = FirstLook()
        for (id, name) in [("clu-1", "Łódź"), ("clu-2", "Lisboa"), ("clu-3", "Þingeyjarsveit"), ("clu-4", "Sa\u{0303}o João")] {
            look.clusters[id] = Cluster(id: id, name: name, kind: .network)
        }
        let sorted = NameOrder.shown(look.clusters.values, by: \.name, id: \.id).map(\.id)
        let tag = Alphabet.session.tag
        look.clusterOrder = ClusterOrder(tag: tag, ids: sorted.reversed())
        #expect(look.clustersShown().map(\.id) == sorted.reversed(), "kept, it is taken as it is")
        for forged in [
            ClusterOrder(tag: tag + "x", ids: sorted.reversed()), ClusterOrder(tag: tag, ids: ["clu-1", "clu-1", "clu-2", "clu-3"]),
            ClusterOrder(tag: tag, ids: ["clu-1", "clu-2", "clu-3", "clu-9"]), ClusterOrder(tag: tag, ids: ["clu-1"]),
        ] {
            look.clusterOrder = forged
            #expect(look.clustersShown().map(\.id) == sorted, "\(forged.ids ?? [])")
        }
    }

    @Test func an_order_checked_as_the_snapshot_was_read_is_checked_again_once_its_clusters_or_ids_change() throws {
        var look = FirstLook()
        for (id, name) in [("clu-1", "Łódź"), ("clu-2", "Lisboa"), ("clu-3", "漢字")] {
            look.clusters[id] = Cluster(id: id, name: name, kind: .network)
        }
        let sorted = NameOrder.shown(look.clusters.values, by: \.name, id: \.id).map(\.id)
        look.clusterOrder = ClusterOrder(tag: Alphabet.session.tag, ids: sorted.reversed())
        look.checkClusterOrder()
        #expect(look.clusterOrder.namesEachOnce)
        #expect(look.clusterIDsShown() == sorted.reversed())
        // A cluster put in another's place (same count): the kept order no longer names it.
        var swapped = look
        swapped.clusters["clu-1"] = nil
        swapped.clusters["clu-9"] = Cluster(id: "clu-9", name: "Þingeyjarsveit", kind: .network)
        #expect(!swapped.clusterOrder.namesEachOnce)
        #expect(swapped.clusterIDsShown() == NameOrder.shown(swapped.clusters.values, by: \.name, id: \.id).map(\.id))
        var renamed = look
        renamed.clusterOrder.ids = ["clu-1", "clu-1", "clu-2"]
        #expect(!renamed.clusterOrder.namesEachOnce)
        #expect(renamed.clusterIDsShown() == sorted)
    }

    @Test func a_forged_place_or_count_beside_a_true_stat_is_no_snapshot() throws {
        let tmp = TemporaryDirectory()
        let store = try snapshotted(tmp)
        let good = try #require(StoreSnapshot.read(store.snapshotFile))
        try #require(good.marks.first?.seen != nil)
        let schools = store.world.schools.count
        // A place before the start or before the first line, beside the journal's true stat
        // (anyone can lstat it): not a snapshot, and no start trips over it.
        for (offset, line) in [(-1, 1), (Int.min, 1), (good.marks[0].offset, 0), (good.marks[0].offset, good.marks[0].offset + 2)] {
            var forged = good
            forged.marks[0].offset = offset
            forged.marks[0].line = line
            try Data(try forged.encoded()).write(to: store.snapshotFile)
            #expect(StoreSnapshot.read(store.snapshotFile) == nil, "offset \(offset), line \(line)")
            let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
            #expect(!again.startedFromSnapshot && again.world.schools.count == schools)
        }
    }
}

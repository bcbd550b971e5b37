import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Nothing inside a store is followed: a link where Cairn writes is refused, named, and what
/// it points at is left byte for byte; files in `journal/` that are not journals are said and
/// never read.
@Suite struct LinkRefusalTests {
    let ana = Identity(user: "ana", host: "regional-server")

    /// A file outside the store, as a colleague keeps it (its last line without a break).
    func victim(_ tmp: TemporaryDirectory) throws -> (URL, Data) {
        let url = tmp.url.appendingPathComponent("bashrc")
        let bytes = Data("alias ll='ls -l'\necho ana".utf8)
        try bytes.write(to: url)
        return (url, bytes)
    }

    @Test func a_journal_that_is_a_link_is_refused_and_its_target_neither_appended_nor_cut() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        let (target, before) = try victim(tmp)
        try FileManager.default.removeItem(at: store.journalFile)
        try FileManager.default.createSymbolicLink(at: store.journalFile, withDestinationURL: target)

        let refusal = try #require(throws: StoreError.self) { try Store(directory: tmp.store, identity: ana) }
        #expect(refusal.message.hasPrefix("\(store.journalFile.path) is a link (to \(target.path))"), "\(refusal.message)")
        #expect(try Data(contentsOf: target) == before)
        // Another copy's journal that is a link is never read: said among the stray files.
        let other = store.journalDirectory.appendingPathComponent("laptop-abcdefgh.jsonl")
        try FileManager.default.moveItem(at: store.journalFile, to: other)
        let beside = try Store(directory: tmp.store, identity: ana)
        #expect(beside.strayFiles.map(\.file) == ["laptop-abcdefgh.jsonl"])
        #expect(beside.world.schools.isEmpty, "what the link points at is never read as a journal")
        try beside.commit([.put(.school(School(name: "Łódź 12")))])
        #expect(try Data(contentsOf: target) == before)
    }

    @Test func the_store_folder_itself_may_be_a_link() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        let link = tmp.url.appendingPathComponent("oeste")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: tmp.store)
        let through = try Store(directory: link, identity: ana)
        try through.commit([.put(.school(School(name: "Łódź 12")))])
        #expect(try Store(directory: tmp.store, identity: ana).world.schools.count == 2)
        #expect(try StoreCheck.run(through).links.isEmpty)
    }

    @Test func a_journal_with_a_second_name_is_refused() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        let other = tmp.url.appendingPathComponent("other-name")
        try FileManager.default.linkItem(at: store.journalFile, to: other)
        let size = try Data(contentsOf: other).count

        let again = try Store(directory: tmp.store, identity: ana)
        let refusal = try #require(throws: StoreError.self) { try again.commit([.put(.school(School(name: "Łódź 12")))]) }
        #expect(refusal.message.contains("another name"), "\(refusal.message)")
        #expect(try Data(contentsOf: other).count == size)
    }

    @Test func a_reports_folder_that_is_a_link_is_refused_and_nothing_is_written_where_it_points() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        let elsewhere = tmp.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: elsewhere.appendingPathComponent("every-cluster.ics"))
        let reports = tmp.store.appendingPathComponent("reports")
        try FileManager.default.createSymbolicLink(at: reports, withDestinationURL: elsewhere)

        let file = reports.appendingPathComponent("every-cluster.ics")
        let refusal = try #require(throws: StoreError.self) {
            try StoreFiles.createFolder(reports, mode: store.access.folderMode, store: store.directory)
            try StoreFiles.write(Data("BEGIN:VCALENDAR".utf8), to: file, mode: store.access.fileMode, store: store.directory)
        }
        #expect(refusal.message.hasPrefix("\(reports.path) is a link (to \(elsewhere.path))"), "\(refusal.message)")
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("every-cluster.ics"), encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["every-cluster.ics"])
        #expect(StoreCheck.links(in: store.directory).first?.hasPrefix("\(reports.path) is a link") == true)
    }

    @Test func a_file_in_the_store_that_is_a_link_is_not_replaced_through_or_over() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        let (target, before) = try victim(tmp)
        let marker = tmp.store.appendingPathComponent(StoreLayout.marker)
        try FileManager.default.removeItem(at: marker)
        try FileManager.default.createSymbolicLink(at: marker, withDestinationURL: target)
        #expect(throws: StoreError.self) { try StoreLayout.writeSharedFiles(store.directory, access: store.access) }
        #expect(try Data(contentsOf: target) == before)
        #expect(InsideStore.isLink(marker.path), "the link itself stays for cairn check to name")
    }

    @Test func a_local_folder_that_is_a_link_stops_the_store_from_opening_naming_it() throws {
        let tmp = TemporaryDirectory()
        _ = try Store(directory: tmp.store, identity: ana)
        let local = StoreLayout.localFolder(tmp.store)
        try? FileManager.default.removeItem(at: local)
        let elsewhere = tmp.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: local, withDestinationURL: elsewhere)
        let refusal = try #require(throws: StoreError.self) { try Store(directory: tmp.store, identity: ana) }
        #expect(refusal.message.hasPrefix("\(local.path) is a link"), "\(refusal.message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func a_snapshot_that_is_a_link_is_neither_read_nor_written_through() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        let (target, before) = try victim(tmp)
        try? FileManager.default.removeItem(at: store.snapshotFile)
        try FileManager.default.createSymbolicLink(at: store.snapshotFile, withDestinationURL: target)
        let again = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(!again.startedFromSnapshot)
        #expect(again.world.schools.count == 1)
        #expect(!again.saveSnapshot())
        #expect(try Data(contentsOf: target) == before)
    }

    @Test func a_sparse_file_and_a_file_of_something_else_in_journal_are_said_and_never_read() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        let sparse = store.journalDirectory.appendingPathComponent("big-aaaaaaaa.jsonl")
        #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
        let handle = try FileHandle(forWritingTo: sparse)
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        try Data("garbage\n".utf8).write(to: store.journalDirectory.appendingPathComponent("garbage.jsonl"))

        let again = try Store(directory: tmp.store, identity: ana)
        #expect(again.world.schools.count == 1)
        #expect(again.strayFiles.map(\.file) == ["big-aaaaaaaa.jsonl", "garbage.jsonl"])
        #expect(again.strayFiles[0].detail.contains("sparse"))
        #expect(again.strayFiles[1].detail == "its first line is not a Cairn event")
        #expect(again.problems.filter(\.isDamage).isEmpty, "a stray file is not a damaged journal: the snapshot still serves")
        let check = try StoreCheck.run(again)
        #expect(check.isDamaged)
        #expect(check.report.contains("NOT A JOURNAL: journal/garbage.jsonl is not a Cairn journal"))
        #expect(check.report.contains("`rm journal/garbage.jsonl` removes it"))
    }

    @Test func a_journal_copied_under_another_name_and_a_file_ending_in_zeros_are_not_journals() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana)
        try store.commit([.put(.school(School(name: "Þingeyjarskóli")))])
        let copy = store.journalDirectory.appendingPathComponent("backup-copy.jsonl")
        try FileManager.default.copyItem(at: store.journalFile, to: copy)
        let zeros = store.journalDirectory.appendingPathComponent("zeros-abcdefgh.jsonl")
        try (try Data(contentsOf: store.journalFile) + Data(count: 1 << 16)).write(to: zeros)
        let again = try Store(directory: tmp.store, identity: ana)
        #expect(again.world.schools.count == 1)
        let said = Dictionary(uniqueKeysWithValues: again.strayFiles.map { ($0.file, $0.detail) })
        #expect(said["backup-copy.jsonl"] == "its first line was written in another journal: it is a copy of another copy's journal")
        #expect(said["zeros-abcdefgh.jsonl"] == "it ends in NUL bytes, not in lines")
    }

    /// Without the journal it would be a copy of, a first line that does not chain to its
    /// journal's name is that line changed by hand: the journal is read, and the line is damage.
    @Test func a_journal_whose_first_line_was_changed_by_hand_is_read_and_its_first_line_named() throws {
        let tmp = TemporaryDirectory()
        let ben = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        try ben.commit([.put(.school(School(name: "Escola Básica de São João"))), .put(.school(School(name: "Łódź 12")))])
        let text = try String(contentsOf: ben.journalFile, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "São João", with: "Forjada").utf8).write(to: ben.journalFile)
        let server = try Store(directory: tmp.store, identity: ana)
        #expect(server.strayFiles.isEmpty, "\(server.strayFiles)")
        #expect(server.world.schools.count == 2)
        let check = try StoreCheck.run(server)
        #expect(check.isDamaged)
        #expect(
            check.report.contains("\(ben.journalFile.lastPathComponent) line 1 is damaged: its hash does not follow"), "\(check.report)")
    }
}

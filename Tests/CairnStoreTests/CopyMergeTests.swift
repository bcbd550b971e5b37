import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Two copies of one store, their journal files carried between them by hand as git would:
/// the merge rules alone, without the network.
@Suite struct CopyMergeTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let ben = Identity(user: "ben", host: "laptop")
    let today = Day(iso: "2026-12-01")!

    /// Copies every journal file of `from` that `to` does not write into `to`.
    func carry(_ from: Store, to: Store) throws {
        for file in try from.journalFiles() where file.lastPathComponent != to.journalFile.lastPathComponent {
            let target = to.directory.appendingPathComponent("journal/\(file.lastPathComponent)")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: file, to: target)
        }
        try to.refresh()
    }

    @Test func a_delete_that_never_saw_an_edit_stands_and_choosing_the_edit_brings_the_record_back_on_both() throws {
        let tmp = TemporaryDirectory()
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: ana)
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: ben)
        #expect(server.journalFile.lastPathComponent != laptop.journalFile.lastPathComponent)
        let school = School(id: "sch-1", name: "Szkoła Podstawowa nr 12 Łódź")
        try server.commit([.put(.school(school))])
        try carry(server, to: laptop)

        var edited = school
        edited.phone = "42 123 45 67"
        try server.commit([.put(.school(edited))])  // first in time
        let delete = try laptop.world.perform(.delete(.school, id: "sch-1"), by: Author(user: "ben", today: today))
        try laptop.commit(delete.changes)  // later, not having seen the edit
        try carry(server, to: laptop)
        try carry(laptop, to: server)

        for store in [server, laptop] {
            #expect(store.world.schools["sch-1"] == nil, "the delete stands")
            let conflict = try #require(store.world.openConflicts.first)
            #expect(store.world.openConflicts.count == 1)
            #expect(conflict.recordDeleted && conflict.field == "phone" && conflict.kept.by == "ben")
            #expect(conflict.others.map(\.value) == [.string("42 123 45 67")])
        }
        let conflict = try #require(server.world.openConflicts.first)
        let restore = try server.world.perform(
            .resolve(conflict, choosing: try #require(conflict.others.first)), by: Author(user: "ana", today: today))
        try server.commit(restore.changes)
        try carry(server, to: laptop)
        for store in [server, laptop] {
            #expect(store.world.schools["sch-1"]?.phone == "42 123 45 67")
            #expect(store.world.openConflicts.isEmpty)
        }
    }

    @Test func a_delete_that_saw_every_edit_opens_no_conflict() throws {
        let tmp = TemporaryDirectory()
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: ana)
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: ben)
        var school = School(id: "sch-1", name: "Þingeyjarskóli")
        try server.commit([.put(.school(school))])
        school.phone = "464 3580"
        try server.commit([.put(.school(school))])
        try carry(server, to: laptop)
        try laptop.commit(try laptop.world.perform(.delete(.school, id: "sch-1"), by: Author(user: "ben", today: today)).changes)
        try carry(laptop, to: server)
        #expect(server.world.schools["sch-1"] == nil)
        #expect(server.world.openConflicts.isEmpty)
        let line = try #require(try String(contentsOf: laptop.journalFile, encoding: .utf8).split(separator: "\n").last)
        #expect(line.contains(#""seen":{"#) && line.contains(#""phone":"464 3580""#), "the delete says what it saw")
    }
}

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

    @Test func records_made_in_a_cluster_deleted_elsewhere_stay_out_and_can_bring_it_back() throws {
        let tmp = TemporaryDirectory()
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: ana)
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: ben)
        try server.commit([.put(.cluster(Cluster(id: "clu-1", name: "Kāhui Ako Ōtautahi")))])
        try carry(server, to: laptop)
        let gone = try server.world.perform(.delete(.cluster, id: "clu-1"), by: Author(user: "ana", today: today))
        let deletedAt = Date()
        try server.commit(gone.changes, at: deletedAt)
        // Not knowing, the laptop plans a checkpoint for it and adds a member, a minute later.
        let visit = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Visita", due: today)
        let school = School(id: "sch-1", name: "Escola Básica de São João")
        let member = Membership(id: "mem-1", cluster: "clu-1", memberType: .school, memberId: "sch-1")
        try laptop.commit([.put(.checkpoint(visit))], at: deletedAt.addingTimeInterval(60))
        try laptop.commit([.put(.school(school)), .put(.membership(member))], at: deletedAt.addingTimeInterval(61))
        try carry(laptop, to: server)
        try carry(server, to: laptop)
        for store in [server, laptop] {
            #expect(store.world.clusters["clu-1"] == nil && store.world.checkpoints["chk-1"] == nil)
            #expect(store.world.memberships["mem-1"] == nil)
            #expect(store.world.schools["sch-1"] != nil, "the school itself belongs to no cluster")
            #expect(store.world.openConflicts.map(\.record) == ["chk-1", "mem-1"])
            #expect(!(try StoreCheck.run(store).isDamaged), "nothing dangles")
            let c = try #require(store.world.openConflicts.first)
            #expect(store.world.deletedParent(in: c)?.id == "clu-1")
        }
        let c = try #require(server.world.openConflicts.first)
        let back = try server.world.perform(.resolve(c, choosing: try #require(c.others.first)), by: Author(user: "ana", today: today))
        try server.commit(back.changes)
        try carry(server, to: laptop)
        for store in [server, laptop] {
            #expect(store.world.clusters["clu-1"]?.name == "Kāhui Ako Ōtautahi", "the cluster comes back with it")
            #expect(store.world.checkpoints["chk-1"]?.title == "Visita")
            #expect(store.world.openConflicts.map(\.record) == ["mem-1"], "the member is still to choose")
        }
    }

    @Test func a_poll_while_a_merge_holds_the_journal_reads_nothing_and_the_next_reads_it_whole() throws {
        let tmp = TemporaryDirectory()
        let a = try Store(directory: tmp.store, identity: ana)
        let b = try Store(directory: tmp.store, identity: ana)
        try a.commit([.put(.school(School(id: "sch-1", name: "Þingeyjarskóli")))])
        // A sync's merge (here `flock`) holds this copy's journal while git rewrites the others.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [a.journalFile.path, "sleep", "1"]
        try holder.run()
        repeat {
            Thread.sleep(forTimeInterval: 0.02)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            p.arguments = ["-n", a.journalFile.path, "true"]
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 { break }
        } while holder.isRunning
        #expect(holder.isRunning, "the lock was taken")
        #expect(try b.refresh() == false)
        #expect(b.world.schools.isEmpty)
        holder.waitUntilExit()
        #expect(try b.refresh() == true)
        #expect(b.world.schools["sch-1"]?.name == "Þingeyjarskóli")
    }

    @Test func each_host_keeps_its_instance_and_a_copy_made_elsewhere_makes_its_own() throws {
        let tmp = TemporaryDirectory()
        let first = try Store(directory: tmp.store, identity: ana).journalFile
        let other = try Store(directory: tmp.store, identity: ben).journalFile
        #expect(first != other, "two hosts on one folder (a shared mount) never share a journal")
        #expect(try Store(directory: tmp.store, identity: ana).journalFile == first, "and keep theirs across openings")
        #expect(try Store(directory: tmp.store, identity: ben).journalFile == other)
        #expect(first.lastPathComponent.hasPrefix("regional-server-") && other.lastPathComponent.hasPrefix("laptop-"))
        // `cp -r`: the same host, another folder.
        let copy = tmp.url.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: tmp.store, to: copy)
        #expect(try Store(directory: copy, identity: ana).journalFile.lastPathComponent != first.lastPathComponent)
    }

    @Test func records_made_in_a_cluster_before_it_was_deleted_elsewhere_go_with_it_and_can_bring_it_back() throws {
        let tmp = TemporaryDirectory()
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: ana)
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: ben)
        let start = Date()
        try server.commit([.put(.cluster(Cluster(id: "clu-1", name: "Kāhui Ako Ōtautahi")))], at: start)
        try carry(server, to: laptop)
        // At 10:00 the laptop plans a checkpoint; at 11:00 the server, not knowing, deletes the cluster.
        let visit = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Visita", due: today)
        try laptop.commit([.put(.checkpoint(visit))], at: start.addingTimeInterval(60))
        let gone = try server.world.perform(.delete(.cluster, id: "clu-1"), by: Author(user: "ana", today: today))
        try server.commit(gone.changes, at: start.addingTimeInterval(3600))
        try carry(laptop, to: server)
        try carry(server, to: laptop)
        for store in [server, laptop] {
            #expect(store.world.clusters["clu-1"] == nil && store.world.checkpoints["chk-1"] == nil, "it goes with its cluster")
            #expect(!(try StoreCheck.run(store).isDamaged), "nothing is left pointing at the deleted cluster")
            let c = try #require(store.world.openConflicts.first)
            #expect(store.world.openConflicts.count == 1 && c.record == "chk-1" && c.field == "cluster" && c.kept.by == "ana")
            #expect(store.world.deletedParent(in: c)?.id == "clu-1")
        }
        #expect(server.world.openConflicts == laptop.world.openConflicts)
        let c = try #require(laptop.world.openConflicts.first)
        let back = try laptop.world.perform(.resolve(c, choosing: try #require(c.others.first)), by: Author(user: "ben", today: today))
        try laptop.commit(back.changes)
        try carry(laptop, to: server)
        for store in [server, laptop] {
            #expect(store.world.clusters["clu-1"] != nil && store.world.checkpoints["chk-1"]?.title == "Visita")
            #expect(store.world.openConflicts.isEmpty)
        }
    }
}

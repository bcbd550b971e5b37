import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A record deleted on one copy while another edited it, or made inside it: the conflict is
/// ended through the store, as every door ends it, by keeping the delete.
@Suite struct KeepDeletedTests {
    let today = Day(iso: "2026-12-01")!

    func copies(_ tmp: TemporaryDirectory) throws -> (Store, Store) {
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: Identity(user: "ana", host: "server"))
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "ben", host: "laptop"))
        return (server, laptop)
    }

    @Test func keeping_the_delete_of_a_school_edited_meanwhile_is_written_and_ends_the_conflict_on_both_copies() throws {
        let tmp = TemporaryDirectory()
        let (server, laptop) = try copies(tmp)
        try server.perform(.add(.school(School(id: "sch-1", name: "Þingeyjarskóli"))), by: Author(user: "ana", today: today))
        try carry(server, to: laptop)
        try server.perform(.setFields(.school, id: "sch-1", [FieldValue("phone", "464 3580")]), by: Author(user: "ana", today: today))
        try laptop.perform(.delete(.school, id: "sch-1"), by: Author(user: "ben", today: today))
        try carry(server, to: laptop)
        let conflict = try #require(laptop.world.openConflicts.first)
        #expect(conflict.recordDeleted)

        let kept = try laptop.perform(.resolve(conflict, choosing: conflict.kept), by: Author(user: "ben", today: today))
        #expect(kept.outcome.summary == "Kept school sch-1 deleted")
        try carry(laptop, to: server)
        for store in [server, laptop] {
            #expect(store.world.openConflicts.isEmpty)
            #expect(store.world.schools["sch-1"] == nil)
        }
    }

    @Test func keeping_the_delete_of_a_cluster_a_checkpoint_was_made_in_meanwhile_is_written() throws {
        let tmp = TemporaryDirectory()
        let (server, laptop) = try copies(tmp)
        try server.perform(.add(.cluster(Cluster(id: "clu-1", name: "Kāhui Ako Ōtautahi"))), by: Author(user: "ana", today: today))
        try carry(server, to: laptop)
        let checkpoint = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Ársfundur", due: Day(iso: "2027-01-15")!)
        try server.perform(.add(.checkpoint(checkpoint)), by: Author(user: "ana", today: today))
        try laptop.perform(.delete(.cluster, id: "clu-1"), by: Author(user: "ben", today: today))
        try carry(server, to: laptop)
        let conflict = try #require(laptop.world.openConflicts.first)
        #expect(conflict.record == "chk-1" && conflict.recordDeleted)

        try laptop.perform(.resolve(conflict, choosing: conflict.kept), by: Author(user: "ben", today: today))
        try carry(laptop, to: server)
        for store in [server, laptop] {
            #expect(store.world.openConflicts.isEmpty)
            #expect(store.world.checkpoints["chk-1"] == nil && store.world.clusters["clu-1"] == nil)
        }
    }
}

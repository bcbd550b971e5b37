import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// One conflict over a deleted record ended on two copies before they synced: both bring it
/// back, or one keeps it deleted while the other brings it back. Either way the copies agree,
/// the record is back (nothing is lost that way), and nothing in a journal is read as damage.
@Suite struct ResolutionRaceTests {
    let today = Day(iso: "2026-12-01")!

    /// A school deleted on the laptop while the server set its phone: a conflict on both
    /// copies once they have synced.
    func conflicted(_ tmp: TemporaryDirectory) throws -> (server: Store, laptop: Store, conflict: Conflict) {
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: Identity(user: "ana", host: "server"))
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "ben", host: "laptop"))
        try server.perform(.add(.school(School(id: "sch-1", name: "Escola Básica de São João"))), by: Author(user: "ana", today: today))
        try carry(server, to: laptop)
        try server.perform(.setFields(.school, id: "sch-1", [FieldValue("phone", "262 959 100")]), by: Author(user: "ana", today: today))
        try laptop.perform(.delete(.school, id: "sch-1"), by: Author(user: "ben", today: today))
        try carry(server, to: laptop)
        try carry(laptop, to: server)
        let conflict = try #require(laptop.world.openConflicts.first)
        #expect(conflict.recordDeleted)
        #expect(server.world.openConflicts == laptop.world.openConflicts)
        return (server, laptop, conflict)
    }

    func expectBackAndSound(_ stores: [Store]) throws {
        for store in stores {
            #expect(store.world.schools["sch-1"]?.phone == "262 959 100", "the school is back with the phone set")
            #expect(store.world.openConflicts.isEmpty)
            #expect(store.problems.isEmpty, "\(store.problems.map(\.detail))")
            let check = try StoreCheck.run(store)
            #expect(!check.isDamaged, "\(check.report)")
        }
        #expect(stores[0].world == stores[1].world)
    }

    @Test func two_copies_bringing_back_one_deleted_school_agree_and_read_no_id_given_twice() throws {
        let tmp = TemporaryDirectory()
        let (server, laptop, conflict) = try conflicted(tmp)
        let edit = try #require(conflict.others.first)
        try server.perform(.resolve(conflict, choosing: edit), by: Author(user: "ana", today: today))
        try laptop.perform(.resolve(conflict, choosing: edit), by: Author(user: "ben", today: today))
        try carry(server, to: laptop)
        try carry(laptop, to: server)
        try expectBackAndSound([server, laptop])
    }

    @Test func kept_deleted_on_one_copy_and_brought_back_on_another_the_school_is_back_on_both() throws {
        for keeperFirst in [true, false] {
            let tmp = TemporaryDirectory()
            let (server, laptop, conflict) = try conflicted(tmp)
            let keep = { _ = try laptop.perform(.resolve(conflict, choosing: conflict.kept), by: Author(user: "ben", today: today)) }
            let bringBack = {
                _ = try server.perform(
                    .resolve(conflict, choosing: try #require(conflict.others.first)), by: Author(user: "ana", today: today))
            }
            if keeperFirst {
                try keep()
                try bringBack()
            } else {
                try bringBack()
                try keep()
            }
            try carry(server, to: laptop)
            try carry(laptop, to: server)
            try expectBackAndSound([server, laptop])
        }
    }

    /// A checkpoint deleted on one copy, then ticked and reopened on another that had not seen it: bringing it
    /// back with the tick's day brings back the tick whole (who, when, evidence), never a day
    /// without its author, which every copy would refuse to read.
    @Test func bringing_back_a_deleted_checkpoint_with_a_ticks_day_brings_back_that_whole_tick() throws {
        let tmp = TemporaryDirectory()
        let server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: Identity(user: "ana", host: "server"))
        let laptop = try Store(directory: tmp.url.appendingPathComponent("laptop"), identity: Identity(user: "chidi", host: "laptop"))
        let ana = Author(user: "ana", today: today)
        let chidi = Author(user: "chidi", today: today)
        try server.perform(.add(.cluster(Cluster(id: "clu-1", name: "Agrupamento de Óbidos"))), by: ana)
        let checkpoint = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Reunião de articulação", due: Day(iso: "2026-12-10")!)
        try server.perform(.add(.checkpoint(checkpoint)), by: ana)
        try carry(server, to: laptop)
        try server.perform(.delete(.checkpoint, id: "chk-1"), by: ana)
        try laptop.perform(.tick(checkpoint: "chk-1", evidence: "Café on Fridays", on: today), by: chidi)
        try laptop.perform(.reopen(checkpoint: "chk-1"), by: chidi)
        try carry(laptop, to: server)
        let conflict = try #require(server.world.openConflicts.first { $0.field == "doneOn" })
        let tick = try #require(conflict.others.first { $0.value == .string(today.description) })

        try server.perform(.resolve(conflict, choosing: tick), by: ana)
        let back = try #require(server.world.checkpoints["chk-1"])
        #expect(back.doneOn == today && back.doneBy == "chidi" && back.evidence == "Café on Fridays")
        try carry(server, to: laptop)
        #expect(laptop.world == server.world)
        #expect(laptop.problems.isEmpty, "\(laptop.problems.map(\.detail))")
    }
}

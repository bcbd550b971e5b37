import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Two officers on one regional store: each session computes its change against the world it
/// last read, and the store writes it against the world as it is.
@Suite struct ConcurrentEditTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let ben = Identity(user: "ben", host: "regional-server")
    let today = Day(iso: "2026-12-01")!
    let school = School(id: "sch-1", name: "Escola Básica de São João", municipality: "Lisboa", phone: "210 000 000")

    /// Two sessions of one store that have both read the school.
    func twoSessions(_ tmp: TemporaryDirectory) throws -> (Store, Store) {
        let a = try Store(directory: tmp.store, identity: ana)
        try a.commit([.put(.school(school))])
        let b = try Store(directory: tmp.store, identity: ben)
        return (a, b)
    }

    /// What a form on `world` writes when the person saves `edited`.
    func save(_ edited: School, from world: World, as user: String) throws -> [Change] {
        try world.perform(.edit(.school(edited)), by: Author(user: user, today: today)).changes
    }

    @Test func edits_of_different_fields_of_one_record_both_survive() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        let anaSees = a.world
        var phone = school
        phone.phone = "219 999 999"
        try b.commit(try save(phone, from: b.world, as: "ben"))
        // Ana's form was opened before Ben saved: it still shows the old phone.
        var municipality = school
        municipality.municipality = "Loures"
        let receipt = try a.commit(try save(municipality, from: anaSees, as: "ana"))
        #expect(receipt.conflicts.isEmpty)
        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools["sch-1"]?.phone == "219 999 999")
        #expect(reopened.world.schools["sch-1"]?.municipality == "Loures")
        #expect(reopened.world.openConflicts.isEmpty)
        #expect(reopened.problems.isEmpty)
    }

    @Test func the_same_field_edited_unseen_is_a_conflict_the_later_stands_and_the_loser_is_told() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        let benSees = b.world
        var anas = school
        anas.phone = "211 111 111"
        try a.commit(try save(anas, from: a.world, as: "ana"))
        var bens = school
        bens.phone = "222 222 222"
        let receipt = try b.commit(try save(bens, from: benSees, as: "ben"))
        // Ben is told at once that Ana had changed it; his value stands.
        let conflict = try #require(receipt.conflicts.first)
        #expect(conflict.field == "phone")
        #expect(conflict.kept.value == .string("222 222 222") && conflict.kept.by == "ben")
        #expect(conflict.others.map(\.value) == [.string("211 111 111")])
        #expect(conflict.others.map(\.by) == ["ana"])
        // Ana's session hears of it when it reads Ben's change.
        try a.refresh()
        let told = a.takeOverruled()
        #expect(told.map(\.field) == ["phone"])
        #expect(a.takeOverruled().isEmpty)
        // Both stay in the journal, and every session lists the same conflict.
        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools["sch-1"]?.phone == "222 222 222")
        #expect(reopened.world.openConflicts.map(\.key) == a.world.openConflicts.map(\.key))
        #expect(reopened.world.openConflicts.first?.others.first?.value == .string("211 111 111"))
        let lines = try String(contentsOf: reopened.journalFile, encoding: .utf8)
        #expect(lines.contains("211 111 111") && lines.contains("222 222 222"))
    }

    @Test func choosing_the_value_to_keep_ends_the_conflict_everywhere() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        let benSees = b.world
        var anas = school
        anas.phone = "211 111 111"
        try a.commit(try save(anas, from: a.world, as: "ana"))
        var bens = school
        bens.phone = "222 222 222"
        try b.commit(try save(bens, from: benSees, as: "ben"))
        let conflict = try #require(b.world.openConflicts.first)
        let anasSide = try #require(conflict.others.first)
        let resolve = try b.world.perform(.resolve(conflict, choosing: anasSide), by: Author(user: "ben", today: today))
        try b.commit(resolve.changes)
        #expect(b.world.schools["sch-1"]?.phone == "211 111 111")
        #expect(b.world.openConflicts.isEmpty)
        try a.refresh()
        #expect(a.world.openConflicts.isEmpty)
        #expect(try Store(directory: tmp.store, identity: ana).world.openConflicts.isEmpty)
        #expect(throws: Refusal.self) { try b.world.perform(.resolve(conflict, choosing: anasSide), by: Author(user: "ben", today: today)) }
    }

    @Test func a_stale_form_does_not_undo_a_tick_and_undo_does_not_overwrite_a_later_change() throws {
        let tmp = TemporaryDirectory()
        let a = try Store(directory: tmp.store, identity: ana)
        let cp = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Reunião", due: today)
        try a.commit([.put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))), .put(.checkpoint(cp))])
        let b = try Store(directory: tmp.store, identity: ben)
        let stale = b.world
        // Ana ticks it.
        let tick = try a.world.perform(.tick(checkpoint: "chk-1", evidence: "acta"), by: Author(user: "ana", today: today))
        try a.commit(tick.changes)
        // Ben's form, opened before the tick, renames it.
        var renamed = cp
        renamed.title = "Reunião trimestral"
        try b.commit(try stale.perform(.edit(.checkpoint(renamed)), by: Author(user: "ben", today: today)).changes)
        let both = try Store(directory: tmp.store, identity: ana).world.checkpoints["chk-1"]
        #expect(both?.title == "Reunião trimestral")
        #expect(both?.doneBy == "ana" && both?.evidence == "acta")
        // Ben changes the evidence; Ana's undo of her tick must not wipe it.
        try b.refresh()
        var evidence = try #require(b.world.checkpoints["chk-1"])
        evidence.evidence = "acta n.º 3"
        try b.commit(try b.world.perform(.edit(.checkpoint(evidence)), by: Author(user: "ben", today: today)).changes)
        let undo = try a.world.perform(.undo(tick.inverse, summary: tick.summary), by: Author(user: "ana", today: today))
        let refused = try #require(throws: StoreError.self) { try a.commit(undo.changes, exact: undo.putsBack) }
        #expect(refused.message.contains("evidence of checkpoint “Reunião trimestral” was changed since, to “acta n.º 3”"))
        #expect(try Store(directory: tmp.store, identity: ana).world.checkpoints["chk-1"]?.evidence == "acta n.º 3")
    }

    @Test func an_edit_of_a_record_deleted_meanwhile_is_refused_and_never_recreates_it() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        let anaSees = a.world
        try b.commit(try b.world.perform(.delete(.school, id: "sch-1"), by: Author(user: "ben", today: today)).changes)
        var edited = school
        edited.phone = "219 999 999"
        let refused = try #require(throws: StoreError.self) { try a.commit(try save(edited, from: anaSees, as: "ana")) }
        #expect(refused.message.contains("school “Escola Básica de São João” was deleted by ben at"))
        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools.isEmpty)
    }

    @Test func a_change_made_after_another_was_read_is_ordered_after_it_whatever_the_clocks_say() throws {
        let tmp = TemporaryDirectory()
        // The server's clock is an hour ahead of the laptop's.
        let server = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        try server.commit([.put(.school(school))], at: Date(timeIntervalSince1970: 1_800_003_600))
        let laptop = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        var renamed = school
        renamed.name = "Escola Básica de São João da Madeira"
        let receipt = try laptop.commit(
            try save(renamed, from: laptop.world, as: "ben"), at: Date(timeIntervalSince1970: 1_800_000_000))
        let event = try #require(receipt.events.first)
        #expect(event.at == "2027-01-15T09:00:00.000Z")
        #expect(event.clock == 1)
        // Read in any order of files, the rename comes after the create it saw.
        let reopened = try Store(directory: tmp.store, identity: ana)
        #expect(reopened.world.schools["sch-1"]?.name == "Escola Básica de São João da Madeira")
        #expect(reopened.problems.isEmpty)
    }
}

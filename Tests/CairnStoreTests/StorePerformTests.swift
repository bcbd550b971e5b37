import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// `Store.perform` is the one door: the rule book judges each operation on the world as it is
/// on disk, under the journal's lock, not on the world a screen last read.
@Suite struct StorePerformTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let ben = Identity(user: "ben", host: "regional-server")
    let today = Day(iso: "2026-12-01")!
    let school = School(id: "sch-1", name: "Escola Básica de São João", municipality: "Lisboa", phone: "210 000 000")
    let checkpoint = Checkpoint(id: "chk-1", cluster: "clu-1", title: "Reunião trimestral", due: Day(iso: "2026-11-20")!)

    func by(_ user: String) -> Author { Author(user: user, today: today) }

    /// Two sessions of one store that have both read a cluster, its checkpoint and a school.
    func twoSessions(_ tmp: TemporaryDirectory) throws -> (Store, Store) {
        let a = try Store(directory: tmp.store, identity: ana)
        let setUp: [DomainOperation] = [
            .add(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))), .add(.checkpoint(checkpoint)), .add(.school(school)),
        ]
        try a.perform(.all(setUp, summary: "set up"), by: by("ana"))
        return (a, try Store(directory: tmp.store, identity: ben))
    }

    func journalLines(_ tmp: TemporaryDirectory) throws -> Int {
        let folder = tmp.store.appendingPathComponent("journal")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).reduce(0) {
            $0 + (try String(contentsOf: $1, encoding: .utf8)).split(separator: "\n").count
        }
    }

    @Test func a_tick_of_a_checkpoint_someone_ticked_meanwhile_is_refused_and_writes_nothing() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        try a.perform(.tick(checkpoint: "chk-1", evidence: "acta n.º 3"), by: by("ana"))
        // Ben's screen still shows it open; the store judges the world as it is on disk.
        #expect(b.world.checkpoints["chk-1"]?.isDone == false)
        let lines = try journalLines(tmp)
        let refused = try #require(throws: PerformError.self) { try b.perform(.tick(checkpoint: "chk-1", evidence: "ata"), by: by("ben")) }
        #expect(refused.message == "“Reunião trimestral” was already ticked by ana on 2026-12-01")
        #expect(try journalLines(tmp) == lines)
        #expect(b.world.checkpoints["chk-1"]?.evidence == "acta n.º 3")
    }

    @Test func an_edit_is_based_on_what_the_form_saw_so_an_unseen_change_of_its_field_is_still_a_conflict() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        let anaSaw = try #require(a.world.schools["sch-1"])
        var bens = school
        bens.phone = "222 222 222"
        bens.municipality = "Loures"
        try b.perform(.edit(.school(bens), basis: .school(school)), by: by("ben"))
        // Ana's form, opened before Ben saved, changes the phone only.
        var anas = anaSaw
        anas.phone = "211 111 111"
        let saved = try a.perform(.edit(.school(anas), basis: .school(anaSaw)), by: by("ana"))
        #expect(saved.conflicts.map(\.field) == ["phone"])
        let now = try #require(a.world.schools["sch-1"])
        #expect(now.phone == "211 111 111" && now.municipality == "Loures")
    }

    @Test func an_edit_of_a_record_deleted_meanwhile_is_refused_saying_who_deleted_it() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        try b.perform(.delete(.school, id: "sch-1"), by: by("ben"))
        var edited = school
        edited.phone = "219 999 999"
        let refused = try #require(throws: PerformError.self) {
            try a.perform(.edit(.school(edited), basis: .school(school)), by: by("ana"))
        }
        #expect(refused.message.hasPrefix("school “Escola Básica de São João” was deleted by ben at "))
        #expect(refused.message.hasSuffix(" while you edited it"))
        #expect(try Store(directory: tmp.store, identity: ana).world.schools.isEmpty)
    }

    @Test func the_second_of_two_sessions_resolving_one_conflict_is_told_who_resolved_it_and_writes_nothing() throws {
        let tmp = TemporaryDirectory()
        let (a, b) = try twoSessions(tmp)
        var anas = school
        anas.phone = "211 111 111"
        try a.perform(.edit(.school(anas), basis: .school(school)), by: by("ana"))
        var bens = school
        bens.phone = "222 222 222"
        try b.perform(.edit(.school(bens), basis: .school(school)), by: by("ben"))
        try a.refresh()
        // Both sessions show the conflict; Ana keeps her value first.
        let conflict = try #require(a.world.openConflicts.first)
        #expect(b.world.openConflicts == [conflict])
        let anasSide = try #require(conflict.others.first)
        let kept = try a.perform(.resolve(conflict, choosing: anasSide), by: by("ana"))
        #expect(kept.outcome.summary.hasPrefix("Kept phone “211 111 111”"))
        let lines = try journalLines(tmp)
        let refused = try #require(throws: PerformError.self) { try b.perform(.resolve(conflict, choosing: conflict.kept), by: by("ben")) }
        let when = EventTime.minute(try #require(kept.events.first).at)
        #expect(refused.message == "already resolved by ana at \(when): kept “211 111 111”")
        #expect(try journalLines(tmp) == lines)
        #expect(b.world.schools["sch-1"]?.phone == "211 111 111")
    }
}

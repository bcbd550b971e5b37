import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Undoing an import from the journal: what it added goes, what it changed comes back, and
/// what someone changed since is kept.
@Suite struct ImportUndoTests {
    func importing(_ text: String, into store: Store, file: String = "rede.csv", run: String, in batches: Int = 1) throws {
        var options = ImportOptions()
        options.clusterBy = "Agrupamento ID,Agrupamento"
        let (changes, _) = try RegisterImport.plan(try RegisterTable.read(Data(text.utf8)), options: options, world: store.world)
        let size = max(1, (changes.count + batches - 1) / batches)
        for start in stride(from: 0, to: changes.count, by: size) {
            try store.commit(Array(changes[start..<min(changes.count, start + size)]), source: ImportRun.source(file: file, run: run))
        }
    }

    func undo(_ reference: String, in store: Store) throws -> ImportUndo.Plan {
        let plan = ImportUndo.plan(try store.importRun(reference), world: store.world)
        let outcome = try store.world.perform(.undo(plan.inverse, summary: plan.summary), by: Author(user: "ana", today: Day.today()))
        try store.commit(outcome.changes, source: ImportRun.undoPrefix + reference, exact: true)
        return plan
    }

    let first = """
        Código,Nome,Concelho,Agrupamento ID,Agrupamento
        1,Escola Básica de A-da-Gorda,Óbidos,171074,Agrupamento de Escolas Josefa de Óbidos
        2,Escola Básica do Furadouro,Óbidos,171074,Agrupamento de Escolas Josefa de Óbidos

        """

    @Test func an_import_in_batches_is_undone_whole_and_a_second_import_puts_back_what_it_changed() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        try importing(first, into: store, run: "imp-first001")
        let before = store.world
        #expect(before.schools.count == 2 && before.clusters.count == 1 && before.memberships.count == 2)
        // The second file moves a school and adds one, written in two batches.
        let second = """
            Código,Nome,Concelho,Agrupamento ID,Agrupamento
            1,Escola Básica de A-da-Gorda,Caldas da Rainha,171074,Agrupamento de Escolas Josefa de Óbidos
            3,Jardim de Infância de Óbidos,Óbidos,171074,Agrupamento de Escolas Josefa de Óbidos

            """
        try importing(second, into: store, run: "imp-second02", in: 2)
        #expect(store.world.schools.count == 3)
        let runs = try store.importRuns()
        #expect(runs.map(\.id) == ["imp-first001", "imp-second02"])
        #expect(try store.importRun("rede.csv").id == "imp-second02", "a file names its latest import")
        let plan = try undo("imp-second02", in: store)
        #expect(plan.deleted == 2 && plan.restored == 1 && plan.kept.isEmpty, "a school and its membership go; a town comes back")
        #expect(store.world.schools == before.schools && store.world.memberships == before.memberships)
        #expect(try store.importRun("imp-second02").undone?.by == "ana")
        // Reopened from disk, the undo holds: it was written as new events.
        let reopened = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        #expect(reopened.world.schools == before.schools)
    }

    @Test func a_field_changed_since_is_kept_and_a_link_made_since_refuses_the_undo() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        try importing(first, into: store, run: "imp-first001")
        let moved = """
            Código,Nome,Concelho,Agrupamento ID,Agrupamento
            1,Escola Básica de A-da-Gorda,Caldas da Rainha,171074,Agrupamento de Escolas Josefa de Óbidos
            2,Escola Básica do Furadouro,Peniche,171074,Agrupamento de Escolas Josefa de Óbidos

            """
        try importing(moved, into: store, run: "imp-moved003")
        var furadouro = try #require(store.world.schools.values.first { $0.officialId == "2" })
        furadouro.municipality = "Bombarral"
        try store.commit([.put(.school(furadouro))])
        let plan = try undo("imp-moved003", in: store)
        #expect(plan.restored == 1)
        #expect(plan.kept == ["municipality of school “Escola Básica do Furadouro”: changed since, to “Bombarral”"])
        #expect(store.world.schools.values.first { $0.officialId == "1" }?.municipality == "Óbidos")
        #expect(store.world.schools.values.first { $0.officialId == "2" }?.municipality == "Bombarral")

        // A checkpoint added since to the cluster the first import made: that undo is refused whole.
        let cluster = try #require(store.world.clusters.values.first)
        try store.commit([.put(.checkpoint(Checkpoint(cluster: cluster.id, title: "Reunião", due: Day.today())))])
        let refused = ImportUndo.plan(try store.importRun("imp-first001"), world: store.world)
        #expect(throws: Refusal.self) {
            try store.world.perform(.undo(refused.inverse, summary: refused.summary), by: Author(user: "ana", today: Day.today()))
        }
    }

    @Test func a_record_it_added_that_was_edited_since_is_kept_and_named_with_what_it_belongs_to() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: Identity(user: "ana", host: "server"))
        try importing(first, into: store, run: "imp-first001")
        let today = Day.today()
        let gorda = try #require(store.world.schools.values.first { $0.officialId == "1" })
        let furadouro = try #require(store.world.schools.values.first { $0.officialId == "2" })
        let cluster = try #require(store.world.clusters.values.first)
        // Ben corrects a school's phone; Carla gives the other school's membership its role.
        let ben = try Store(directory: tmp.store, identity: Identity(user: "ben", host: "laptop"))
        try ben.perform(.setFields(.school, id: gorda.id, [FieldValue("phone", "262 959 000")]), by: Author(user: "ben", today: today))
        let carla = try Store(directory: tmp.store, identity: Identity(user: "carla", host: "office"))
        let membership = try #require(carla.world.memberships.values.first { $0.memberId == furadouro.id })
        try carla.perform(
            .setFields(.membership, id: membership.id, [FieldValue("role", "1.º ciclo")]), by: Author(user: "carla", today: today))
        try store.refresh()
        let plan = ImportUndo.plan(try store.importRun("imp-first001"), world: store.world)
        #expect(plan.keptRecords == 4 && plan.deleted == 1, "\(plan.kept)")
        #expect(plan.kept.count == 4)
        #expect(plan.kept.contains { $0.hasPrefix("school “Escola Básica de A-da-Gorda” (\(gorda.id)): phone edited since by ben at ") })
        #expect(
            plan.kept.contains { $0.hasPrefix("member “Escola Básica do Furadouro” (\(membership.id)): role edited since by carla at ") })
        #expect(
            plan.kept.contains(
                "cluster “Agrupamento de Escolas Josefa de Óbidos” (\(cluster.id)): member “Escola Básica do Furadouro” is kept and belongs to it"
            ))
        #expect(plan.kept.contains { $0.hasPrefix("school “Escola Básica do Furadouro” (\(furadouro.id)): member ") })
        try store.perform(
            .undo(plan.inverse, summary: plan.summary), by: Author(user: "ana", today: today), source: ImportRun.undoPrefix + "imp-first001"
        )
        #expect(store.world.schools[gorda.id]?.phone == "262 959 000")
        #expect(store.world.memberships[membership.id]?.role == "1.º ciclo")
        #expect(store.world.memberships.count == 1, "the untouched membership of A-da-Gorda went")
        #expect(store.world.danglingReferences().isEmpty)
    }

    @Test func sources_name_the_file_and_the_run_and_old_imports_are_known_by_their_commit() {
        #expect(ImportRun.source(file: "nz [2026].csv", run: "imp-abc") == "import of nz [2026].csv [imp-abc]")
        #expect(ImportRun.parse("import of nz [2026].csv [imp-abc]")! == ("nz [2026].csv", "imp-abc"))
        #expect(ImportRun.parse("import of nz.csv")! == ("nz.csv", nil))
        #expect(ImportRun.parse("typed") == nil)
    }
}

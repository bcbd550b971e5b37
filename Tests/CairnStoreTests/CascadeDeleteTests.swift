import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A delete with everything that belongs to it is one change: it never conflicts with itself,
/// leaves nothing pointing at a record that is gone, and its undo brings every record back.
@Suite struct CascadeDeleteTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let today = Day(iso: "2026-11-22")!
    var author: Author { Author(user: "ana", today: today) }

    /// Every record of the world, kind by kind.
    func records(_ world: World) -> [RecordKind: Set<Record>] {
        Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, Set(world.records(of: $0))) })
    }

    /// A store alone with the example clusters, and their names.
    func examples(_ tmp: TemporaryDirectory) throws -> (Store, [String]) {
        let store = try Store(directory: tmp.store, identity: ana)
        let changes = try Examples.changes(for: store.world, today: today, user: "ana")
        try store.perform(.carry(changes, summary: "Loaded the examples"), by: author)
        return (store, store.world.clusters.values.map(\.name).sorted())
    }

    /// The id of the cluster named `name` (each load of the examples makes new ids).
    func cluster(_ name: String, in store: Store) throws -> String {
        try #require(store.world.clusters.values.first { $0.name == name }).id
    }

    @Test func deleting_each_example_cluster_opens_no_conflict_and_leaves_a_sound_store() throws {
        let names = try examples(TemporaryDirectory()).1
        #expect(names.count == 7)
        for name in names {
            let tmp = TemporaryDirectory()
            let (store, _) = try examples(tmp)
            let id = try cluster(name, in: store)
            #expect(!store.world.measurements.isEmpty)
            let deleted = try store.perform(.delete(.cluster, id: id), by: author)
            #expect(deleted.conflicts.isEmpty, "deleting \(name): \(deleted.conflicts.map(\.key))")
            #expect(store.world.openConflicts.isEmpty, "deleting \(name)")
            #expect(store.world.danglingReferences().isEmpty, "deleting \(name)")
            let reopened = try Store(directory: tmp.store, identity: ana)
            #expect(reopened.world.openConflicts.isEmpty, "deleting \(name), read again")
            let check = try StoreCheck.run(reopened)
            #expect(!check.isDamaged, "deleting \(name): \(check.danglingReferences) \(check.problems)")
        }
    }

    @Test func undoing_the_delete_of_each_example_cluster_brings_back_every_record() throws {
        for name in try examples(TemporaryDirectory()).1 {
            let tmp = TemporaryDirectory()
            let (store, _) = try examples(tmp)
            let id = try cluster(name, in: store)
            let before = records(store.world)
            let deleted = try store.perform(.delete(.cluster, id: id), by: author)
            let undone = try store.perform(.undo(deleted.outcome.inverse, summary: deleted.outcome.summary), by: author)
            #expect(undone.conflicts.isEmpty)
            #expect(store.world.openConflicts.isEmpty)
            #expect(records(store.world) == before, "undoing \(deleted.outcome.summary)")
            let reopened = try Store(directory: tmp.store, identity: ana)
            #expect(records(reopened.world) == before, "undoing \(deleted.outcome.summary), read again")
            #expect(reopened.world.measurements.count == before[.measurement]?.count)
        }
    }

    @Test func a_cascade_deletes_what_belongs_to_a_record_before_the_record() throws {
        let store = try examples(TemporaryDirectory()).0
        for id in store.world.clusters.keys.sorted() {
            let changes = store.world.cascadeDelete(.cluster, id: id)
            var gone: Set<String> = []
            for case .delete(let kind, let deleted) in changes {
                let record = try #require(store.world.record(kind, id: deleted))
                // What it belongs to is still there when it goes.
                for parent in store.world.parents(of: record) { #expect(!gone.contains(parent.id), "\(deleted) after \(parent.id)") }
                gone.insert(deleted)
            }
        }
    }
}

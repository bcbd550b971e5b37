import Foundation
import Testing

/// The rule book through the built `cairn`: a delete of a whole cluster, an import undone, a
/// JSON restore, each judged whole.
@Suite struct RuleBookCommandTests {
    /// The records of one kind in a store's JSON export.
    func records(_ kind: String, _ store: TemporaryStore) throws -> [[String: Any]] {
        try #require(try Shell.export(store.url)[kind] as? [[String: Any]])
    }

    @Test func deleting_each_example_cluster_opens_no_conflict_and_leaves_the_store_sound() throws {
        let store = TemporaryStore()
        let demo = try Shell.cairn(["demo"], store: store.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        let clusters = try records("clusters", store).compactMap { $0["id"] as? String }
        #expect(clusters.count == 5)
        #expect(try records("measurements", store).count > 0)
        for id in clusters {
            let deleted = try Shell.cairn(["delete", id], store: store.url)
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(deleted.stderr.isEmpty, "deleting \(id): \(deleted.stderr)")
            let conflicts = try Shell.cairn(["conflicts"], store: store.url)
            #expect(conflicts.stdout == "no conflicts\n", "deleting \(id): \(conflicts.stdout)")
            let check = try Shell.cairn(["check"], store: store.url)
            #expect(check.status == 0, "deleting \(id): \(check.stdout)")
        }
        #expect(try records("measurements", store).isEmpty)
        #expect(try records("goals", store).isEmpty)
    }
}

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
        #expect(clusters.count == 7)
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

    @Test func undo_import_keeps_and_names_every_record_edited_since_and_its_dry_run_says_the_same() throws {
        let store = TemporaryStore()
        let file = store.root.appendingPathComponent("rede.csv")
        try Data("id,name,city\n1,Alpha,Aveiro\n2,Beta,Braga\n3,Gama,Guarda\n".utf8).write(to: file)
        let imported = try Shell.cairn(["import", file.path], store: store.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let edited = try Shell.cairn(["edit", "Beta", "phone=253 000 000"], store: store.url)
        #expect(edited.status == 0, "\(edited.stderr)")
        let beta = try #require(try records("schools", store).first { $0["name"] as? String == "Beta" }?["id"] as? String)
        let dry = try Shell.cairn(["undo-import", "rede.csv", "--dry-run"], store: store.url)
        let kept = "kept: school “Beta” (\(beta)): phone edited since by "
        #expect(dry.stdout.contains(kept), "\(dry.stdout)")
        #expect(
            dry.stdout.contains("dry run: 2 records deleted, 0 put back as before, 1 kept (edited since); nothing written"), "\(dry.stdout)"
        )
        let undone = try Shell.cairn(["undo-import", "rede.csv"], store: store.url)
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.contains(kept), "\(undone.stdout)")
        #expect(undone.stdout.contains("undone: 2 records deleted, 0 put back as before, 1 kept (edited since)"), "\(undone.stdout)")
        let schools = try records("schools", store)
        #expect(schools.map { $0["name"] as? String } == ["Beta"])
        #expect(schools.first?["phone"] as? String == "253 000 000")
    }

    @Test func a_json_restore_with_two_records_of_one_id_is_refused_naming_both_and_writes_nothing() throws {
        let source = TemporaryStore()
        #expect(try Shell.cairn(["demo"], store: source.url).status == 0)
        let export = try Shell.cairn(["export", "--format", "json"], store: source.url)
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        var schools = try #require(doc["schools"] as? [[String: Any]])
        var twin = schools[0]
        let name = try #require(twin["name"] as? String)
        let id = try #require(twin["id"] as? String)
        twin["name"] = "Szkoła Podstawowa nr 3 w Łodzi"
        twin["officialId"] = NSNull()
        schools.append(twin)
        doc["schools"] = schools
        let file = source.root.appendingPathComponent("restore.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        let target = TemporaryStore()
        for args in [["import", file.path, "--dry-run"], ["import", file.path]] {
            let restored = try Shell.cairn(args, store: target.url)
            #expect(restored.status != 0, "\(args): \(restored.stdout)")
            #expect(
                restored.stderr.contains(
                    "school “\(name)” and school “Szkoła Podstawowa nr 3 w Łodzi” have one id, \(id): each record needs its own"),
                "\(restored.stderr)")
            #expect(!restored.stdout.contains("written"))
        }
        #expect(try records("schools", target).isEmpty)
        #expect(try records("clusters", target).isEmpty)
    }
}

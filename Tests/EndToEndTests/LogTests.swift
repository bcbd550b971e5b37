import Foundation
import Testing

/// `cairn log`: the trail of who changed what, read without grepping the journal.
@Suite struct LogTests {
    func must(_ args: [String], _ store: TemporaryStore, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try Shell.cairn(args, store: store.url)
        #expect(r.status == 0, "cairn \(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    @Test func one_records_history_newest_first_with_each_fields_old_and_new_value() throws {
        let store = TemporaryStore()
        let school = try must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź", "--municipality", "Łódź"], store)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try must(["edit", school, "phone=42 123 45 67", "municipality=Łódź-Bałuty"], store)
        _ = try must(["edit", school, "phone="], store)
        let text = try must(["log", "Szkoła Podstawowa nr 12 Łódź"], store)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("  edit  school “Szkoła Podstawowa nr 12 Łódź” (\(school))"), "\(text)")
        #expect(lines[1] == "    phone: “42 123 45 67” → (nothing)")
        #expect(lines[2].contains("  edit  "))
        #expect(lines[3] == "    municipality: “Łódź” → “Łódź-Bałuty”")
        #expect(lines[4] == "    phone: (nothing) → “42 123 45 67”")
        #expect(lines[5].contains("  create  school"))
        #expect(lines.contains("    name: “Szkoła Podstawowa nr 12 Łódź”"))
        let user = try Shell.run("/usr/bin/id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(lines[0].contains("  \(user) on "), "who, from which machine")

        let json = try must(["log", school, "--json"], store)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["op"] as? String } == ["edit", "edit", "create"])
        let first = try #require(entries.first)
        #expect(Set(first.keys) == ["at", "by", "host", "source", "record", "kind", "op", "fields"])
        #expect(first["record"] as? String == school && first["kind"] as? String == "school" && first["source"] as? String == "typed")
        let phone = try #require((first["fields"] as? [String: Any])?["phone"] as? [String: Any])
        #expect(phone["old"] as? String == "42 123 45 67" && phone["new"] as? String == "")
    }

    @Test func the_stores_changes_filtered_by_person_and_day_and_a_deleted_record_by_its_id() throws {
        let store = TemporaryStore()
        let cluster = try must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"], store).trimmingCharacters(in: .whitespacesAndNewlines)
        let checkpoint = try must(["add", "checkpoint", "--cluster", cluster, "--title", "Hui", "--due", "today"], store)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try must(["tick", checkpoint, "--evidence", "minutes 😀"], store)
        _ = try must(["delete", cluster], store)
        let all = try must(["log", "--json"], store)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(all.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["op"] as? String } == ["delete", "delete", "edit", "create", "create"], "\(all)")
        // The deleted checkpoint's trail is still there, by its id: what the tick set, then what it held.
        let trail = try must(["log", checkpoint], store)
        #expect(trail.contains("  delete  checkpoint “Hui”"), "\(trail)")
        #expect(trail.contains("    evidence was “minutes 😀”"))
        #expect(trail.contains("    evidence: (nothing) → “minutes 😀”"))
        #expect(try must(["log", "--by", "nobody-here"], store) == "no changes match\n")
        #expect(try must(["log", "--since", "+1d"], store) == "no changes match\n")
        #expect(try must(["log", "--since", "today"], store).contains("create  cluster “Kāhui Ako Ōtautahi”"))
        let unknown = try Shell.cairn(["log", "no such school"], store: store.url)
        #expect(unknown.status != 0 && unknown.stderr.contains("no record has the id or name “no such school”"))
    }
}

import Testing

@testable import CairnCore

/// The direct field path folds an edit exactly as the `Codable` path does.
@Suite struct FastFieldsTests {
    let records: [Record] = [
        .school(School(id: "s1", name: "Þingeyjarskóli", phases: [.primary, .lowerSecondary], municipality: "Þingeyjarsveit")),
        .school(
            School(id: "s2", officialId: "PT-1", name: "Escola Básica", contactPerson: "Ana", email: "a@b.pt", phone: "1", notes: "x\ny")),
        .checkpoint(Checkpoint(id: "c1", cluster: "k", title: "Reunião", due: Day(iso: "2026-12-10")!)),
        .checkpoint(
            Checkpoint(
                id: "c2", cluster: "k", title: "Term", due: Day(iso: "2026-11-10")!, concerns: "m", doneOn: Day(iso: "2026-11-11")!,
                doneBy: "ana", evidence: "minutes", goal: "g", agreement: "a")),
    ]

    /// Values each field might be set to: right ones, nothing, and wrong kinds.
    let values: [JSONValue] = [
        .string("Łódź 漢字"), .string(""), .null, .string("2027-01-31"), .string("2027-02-30"), .number(3), .bool(true),
        .array([.string("primary"), .string("special")]), .array([.string("sixth-form")]), .array([]),
    ]

    @Test func every_field_reads_as_the_records_json_and_sets_as_decoding_would() throws {
        for record in records {
            let json = record.fieldValues
            // Optional fields left out of the JSON when nothing is in them are named too.
            let optional: Set<String> =
                record.kind == .school ? ["officialId"] : ["concerns", "goal", "agreement", "doneOn", "doneBy", "evidence"]
            let names = Set(json.keys).union(optional).subtracting(["id"])
            for name in names {
                // Every field of a school and a checkpoint is on the direct path.
                let fast = try #require(FastFields.value(name, of: record), "\(record.kind) \(name)")
                #expect(fast == (json[name] ?? .null), "\(record.kind) \(name)")
                for v in values {
                    let edit = [FieldEdit(name, old: fast, new: v)]
                    let slow = try? record.applying(edit)
                    let quick = FastFields.applying(edit, to: record)
                    if let quick {
                        #expect(quick == slow, "\(record.kind) \(name) = \(v)")
                    } else {
                        // Refused by the direct path: the Codable path says why, or sets it alike.
                        #expect(slow == nil || slow.map { $0.fieldValues[name] ?? .null } == v, "\(record.kind) \(name) = \(v)")
                    }
                }
            }
        }
    }

    @Test func a_world_folds_edits_alike_through_either_path() throws {
        var w = World()
        w.apply(records.map { .put($0) })
        let side = Conflict.Side(value: .null, by: "ana", at: "2026-12-02T10:00:00.000Z")
        _ = try w.fold(
            .edit(Edit(kind: .school, id: "s1", fields: [FieldEdit("notes", old: .string(""), new: .string("visited"))])), by: side)
        _ = try w.fold(
            .edit(Edit(kind: .checkpoint, id: "c1", fields: [FieldEdit("doneOn", old: .null, new: .string("2026-12-01"))])), by: side)
        #expect(w.schools["s1"]?.notes == "visited")
        #expect(w.checkpoints["c1"]?.doneOn == Day(iso: "2026-12-01"))
        // An edit whose old value is no longer there is a conflict, as before.
        let found = try w.fold(
            .edit(Edit(kind: .school, id: "s1", fields: [FieldEdit("notes", old: .string(""), new: .string("other"))])),
            by: Conflict.Side(value: .null, by: "ben", at: "2026-12-02T10:01:00.000Z"))
        #expect(found.map(\.field) == ["notes"])
        #expect(throws: InputError.self) {
            try w.fold(.edit(Edit(kind: .checkpoint, id: "c1", fields: [FieldEdit("due", old: .null, new: .string("soon"))])), by: side)
        }
    }
}

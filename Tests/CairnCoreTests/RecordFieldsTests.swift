import Testing

@testable import CairnCore

/// Each kind's one description reads every field as the record's JSON does and sets it as
/// decoding would: the fold's edits, conflicts and `cairn edit` all go through it.
@Suite struct RecordFieldsTests {
    /// Every kind twice: once with its optional fields empty, once with each set.
    let records: [Record] = [
        .school(School(id: "s1", name: "Þingeyjarskóli", phases: [.primary, .lowerSecondary], municipality: "Þingeyjarsveit")),
        .school(
            School(id: "s2", officialId: "PT-1", name: "Escola Básica", contactPerson: "Ana", email: "a@b.pt", phone: "1", notes: "x\ny")),
        .agency(Agency(id: "a1", name: "Kāhui Ako Health", sector: .health, level: .regional, contactPerson: "漢字 🙂")),
        .cluster(Cluster(id: "k1", name: "Rede de Óbidos")),
        .cluster(
            Cluster(
                id: "k2", officialId: "AG-1", name: "Sieć Łódź", kind: .network, formality: .formal, level: .regional, region: "Łódzkie",
                purpose: "transitions", leadershipModel: "rotating", startedOn: Day(iso: "2025-09-01"), fundingSource: "EU",
                fundingEndsOn: Day(iso: "2027-08-31"), notes: "n")),
        .membership(Membership(id: "m1", cluster: "k1", memberType: .school, memberId: "s1")),
        .membership(
            Membership(
                id: "m2", cluster: "k1", memberType: .agency, memberId: "a1", role: "lead", responsibilities: "r", lead: true,
                from: Day(iso: "2025-09-01"), to: Day(iso: "2026-11-30"))),
        .checkpoint(Checkpoint(id: "c1", cluster: "k", title: "Reunião", due: Day(iso: "2026-12-10")!)),
        .checkpoint(
            Checkpoint(
                id: "c2", cluster: "k", title: "Term", due: Day(iso: "2026-11-10")!, concerns: "m", doneOn: Day(iso: "2026-11-11")!,
                doneBy: "ana", evidence: "minutes", goal: "g", agreement: "a")),
        .goal(Goal(id: "g1", cluster: "k1", statement: "Attendance up", indicator: "")),
        .goal(
            Goal(
                id: "g2", cluster: "k1", statement: "Fewer leavers", indicator: "early leavers", unit: "%", baseline: 12.5,
                baselineDate: Day(iso: "2025-06-30"), target: 8, deadline: Day(iso: "2027-06-30"), priority: .high,
                direction: .decrease, owner: "m1", contributesTo: "g9")),
        .measurement(Measurement(id: "v1", goal: "g1", value: 3, date: Day(iso: "2026-11-01")!, by: "ana")),
        .measurement(
            Measurement(id: "v2", goal: "g1", value: -0.25, date: Day(iso: "2026-11-02")!, by: "ben", source: "survey", ticked: "c2")),
        .action(Action(id: "x1", cluster: "k1", description: "Wspólne warsztaty")),
        .action(
            Action(
                id: "x2", cluster: "k1", description: "Visits", goal: "g2", responsible: "m2", actionClass: .intervention,
                start: Day(iso: "2026-10-01"), due: Day(iso: "2027-01-31"), status: .inProgress, note: "n")),
        .agreement(
            Agreement(
                id: "r1", cluster: "k1", meetingsPerYear: 4, reporting: "r", evaluation: "e", periodStart: Day(iso: "2026-09-01")!,
                periodEnd: Day(iso: "2027-08-31")!)),
        .link(Link(id: "l1", from: "s1", to: "s2", relation: .feeds)),
        .link(
            Link(
                id: "l2", from: "s1", to: "s2", relation: .lineage, phases: [.primary], on: Day(iso: "2024-09-01"), how: .merged,
                notes: "one school")),
        .assessment(Assessment(id: "h1", cluster: "k1", date: Day(iso: "2026-11-20")!, by: "ana")),
    ]

    /// Values each field might be set to: right ones, nothing, and wrong kinds.
    let values: [JSONValue] = [
        .string("Łódź 漢字"), .string(""), .null, .string("2027-01-31"), .string("2027-02-30"), .number(3), .number(2.5), .bool(true),
        .array([.string("primary"), .string("special")]), .array([.string("sixth-form")]), .array([]), .string("health"),
        .string("high"), .string("network"), .object(["trust": .number(3)]), .object(["trust": .string("fine")]), .object([:]),
    ]

    @Test func the_description_names_every_field_of_every_kind_as_its_json_does() throws {
        var assessment = try #require(records.last.flatMap { if case .assessment(let a) = $0 { a } else { nil } })
        assessment.ratings = ["trust": 3]
        assessment.notes = ["trust": "good"]
        for record in records + [.assessment(assessment)] {
            let described = Set(RecordFields.all(of: record.kind).filter(\.inJSON).map(\.name))
            let json = Set(record.encodedFieldValues.keys).subtracting(["id"])
            #expect(json.isSubset(of: described), "\(record.kind): \(json.subtracting(described)) not described")
        }
        for kind in RecordKind.allCases {
            let named = records.filter { $0.kind == kind }.reduce(into: Set<String>()) { $0.formUnion($1.encodedFieldValues.keys) }
            let described = Set(RecordFields.all(of: kind).filter(\.inJSON).map(\.name))
            #expect(described.isSubset(of: named.union(["ratings", "notes"])), "\(kind): \(described.subtracting(named)) is no field")
        }
    }

    @Test func a_records_fields_read_through_the_description_are_its_json_as_encoded() {
        for record in records { #expect(record.fieldValues == record.encodedFieldValues, "\(record.kind)") }
    }

    @Test func every_field_reads_as_the_records_json_and_sets_as_decoding_would() throws {
        for record in records {
            let json = record.encodedFieldValues
            for field in RecordFields.all(of: record.kind) where field.inJSON {
                let name = field.name
                let described = try #require(RecordFields.value(name, of: record), "\(record.kind) \(name)")
                #expect(described == (json[name] ?? .null), "\(record.kind) \(name)")
                for v in values {
                    let edit = [FieldEdit(name, old: described, new: v)]
                    let slow = try? record.applying(edit)
                    if let quick = RecordFields.applying(edit, to: record) {
                        #expect(quick == slow, "\(record.kind) \(name) = \(v)")
                    } else {
                        // Refused by the description: the Codable path says why, or sets it alike.
                        #expect(slow == nil || slow.map { $0.encodedFieldValues[name] ?? .null } == v, "\(record.kind) \(name) = \(v)")
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

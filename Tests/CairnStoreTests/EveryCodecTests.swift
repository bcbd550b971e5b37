import Foundation
import Testing

@testable import CairnCore
@testable import CairnStore

/// Every field of every kind through every codec the store has (the journal's reader and
/// writer, the snapshot, the JSON export and its restore, the CSV tables of one kind, the record's JSON
/// values, `cairn edit`'s text), each compared with what `Codable` makes of the same record:
/// the codecs are all driven by the kinds' one description, and this holds them to it.
@Suite struct EveryCodecTests {
    /// Every kind with each field set to something it can hold (hostile text, a list, days,
    /// numbers, a flag), and once with every optional empty.
    static let today = Day(iso: "2026-12-06")!
    static let text = "Þingeyjarskóli \"Łódź\", São Joa\u{303}o; 漢字 🙂\\ e\u{301}"

    static var full: [Record] {
        let t = text
        let day = Day(iso: "2026-09-01")!
        return [
            .school(
                School(
                    id: "s1", officialId: "PT-17", name: t, phases: [.primary, .lowerSecondary], municipality: t, contactPerson: t,
                    email: "a@b.pt", phone: "+351 262 000", notes: t + "\nline two")),
            .agency(Agency(id: "a1", name: t, sector: .socialCare, level: .regional, contactPerson: t, email: "e", phone: "1", notes: t)),
            .cluster(
                Cluster(
                    id: "k1", officialId: "AG-1", name: t, kind: .regionalCollaborative, formality: .sharedGovernance, region: t,
                    purpose: t, leadershipModel: t, startedOn: day, fundingSource: t, fundingEndsOn: day.adding(days: 700), notes: t)),
            .membership(
                Membership(
                    id: "m1", cluster: "k1", memberType: .agency, memberId: "a1", role: t, responsibilities: t, lead: true, from: day,
                    to: day.adding(days: 90))),
            .checkpoint(
                Checkpoint(
                    id: "c1", cluster: "k1", title: t, due: day, concerns: "m1", doneOn: day.adding(days: 1), doneBy: "ana", evidence: t,
                    goal: "g1", agreement: "r1")),
            .goal(
                Goal(
                    id: "g1", cluster: "k1", statement: t, indicator: t, unit: "%", baseline: 12.5, baselineDate: day, target: -0.25,
                    deadline: day.adding(days: 300), priority: .high, direction: .decrease, owner: "m1", contributesTo: "g2")),
            .measurement(Measurement(id: "v1", goal: "g1", value: 1e-7, date: day, by: "ana", source: t, ticked: "c1")),
            .action(
                Action(
                    id: "x1", cluster: "k1", description: t, goal: "g1", responsible: "m1", actionClass: .compensation, start: day,
                    due: day.adding(days: 30), status: .inProgress, note: t)),
            .agreement(
                Agreement(
                    id: "r1", cluster: "k1", meetingsPerYear: 12, reporting: t, evaluation: t, periodStart: day,
                    periodEnd: day.adding(days: 365))),
            .assessment(
                Assessment(id: "h1", cluster: "k1", date: day, by: "ana", ratings: [.leadership: 4, .funding: 1], notes: [.power: t])),
            .link(
                Link(
                    id: "l1", from: "s1", to: "s2", relation: .lineage, phases: [.primary, .vocational], on: day, how: .amalgamated,
                    notes: t)),
        ]
    }

    static var empty: [Record] {
        RecordKind.allCases.map { kind in
            var r = Record.blank(kind)
            var id = Identify(id: "\(kind.rawValue)-0")
            r.visitFields(&id)
            return r
        }
    }

    /// Gives a blank record an id and a parent, as the store never holds one without.
    struct Identify: UniformFieldVisitor {
        let id: String
        mutating func field<V: FieldType>(_ key: String, _ value: inout V, _ traits: FieldTraits) {
            if traits.contains(.identity) || traits.contains(.parent), let v = V(fieldJSON: .string(traits.contains(.identity) ? id : "k1"))
            {
                value = v
            }
        }
    }

    static var all: [Record] { full + empty }

    func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The record as `Codable` writes it, and as the description writes it.
    struct Described: Encodable {
        let record: Record
        func encode(to encoder: Encoder) throws { try record.encodeFields(to: encoder) }
    }

    func codable(_ record: Record) throws -> Data {
        switch record {
        case .school(let r): return try encoded(r)
        case .agency(let r): return try encoded(r)
        case .cluster(let r): return try encoded(r)
        case .membership(let r): return try encoded(r)
        case .checkpoint(let r): return try encoded(r)
        case .goal(let r): return try encoded(r)
        case .measurement(let r): return try encoded(r)
        case .action(let r): return try encoded(r)
        case .agreement(let r): return try encoded(r)
        case .assessment(let r): return try encoded(r)
        case .link(let r): return try encoded(r)
        }
    }

    @Test func every_kind_is_written_as_codable_writes_it_and_read_back_by_every_reader() throws {
        for record in Self.all {
            let reference = try codable(record)
            #expect(try encoded(Described(record: record)) == reference, "\(record.kind): the journal's writer")
            // The journal's line, read by the fast reader and by the decoder that phrases errors.
            let event = Event(
                id: "ev-1", at: "2026-12-06T10:00:00.000Z", by: "ana", host: "h", base: nil, source: nil, change: .put(record))
            let line = try encoded(event)
            let fast = line.withUnsafeBytes { EventParser.parse($0.bindMemory(to: UInt8.self)) }
            #expect(fast?.change == .put(record), "\(record.kind): the journal's fast reader")
            #expect(try JSONDecoder().decode(Event.self, from: line).change == .put(record), "\(record.kind): the journal's decoder")
            // Its JSON values, and a record made again from them.
            #expect(record.fieldValues == record.encodedFieldValues, "\(record.kind): its values")
            #expect(try Record(kind: record.kind, fieldValues: record.fieldValues) == record, "\(record.kind): made from values")
            #expect(try Record.decoded(kind: record.kind, fieldValues: record.fieldValues) == record)
            // As `cairn edit` and a form set each field: from its own text, it is unchanged.
            for field in RecordFields.fields(of: record.kind) {
                var again = record
                if record.kind == .checkpoint, field.name == "doneOn", field.text(of: record).isEmpty { continue }
                try field.set(field.text(of: record), on: &again, today: Self.today)
                #expect(again == record, "\(record.kind).\(field.name): its text")
            }
        }
    }

    /// A value of the wrong type, a word no vocabulary has, a day that is none, or a field left
    /// out: the description's readers refuse exactly what `Codable` refuses, and read the rest
    /// alike.
    @Test func every_reader_refuses_what_codable_refuses() throws {
        let wrong: [JSONValue?] = [
            nil, .null, .string(""), .string("x"), .string("2027-02-30"), .string("2027-01-31"), .number(3), .number(2.5), .bool(true),
            .array([.string("primary")]), .array([.number(1)]), .object(["leadership": .number(2)]), .object(["a": .string("b")]),
        ]
        var compared = 0
        for record in Self.all {
            let values = record.encodedFieldValues
            for key in Set(values.keys).union(RecordFields.all(of: record.kind).filter(\.inJSON).map(\.name)) where key != "id" {
                for value in wrong {
                    var changed = values
                    changed[key] = value
                    let reference = try? Record.decoded(kind: record.kind, fieldValues: changed)
                    let described = try? Record(kind: record.kind, fieldValues: changed)
                    #expect(described == reference, "\(record.kind).\(key) = \(String(describing: value))")
                    // The journal's fast reader may leave a line to the decoder, never read it otherwise.
                    let object = JSONValue.object(changed.filter { !$0.value.isNull })
                    let line = try encoded(
                        Event(
                            id: "ev-1", at: "2026-12-06T10:00:00.000Z", by: "ana", host: "h", base: nil, source: nil,
                            change: .put(record))
                    )
                    var doc = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
                    doc["record"] = try JSONSerialization.jsonObject(with: try encoded(object))
                    let mutated = try JSONSerialization.data(withJSONObject: doc)
                    let fast = mutated.withUnsafeBytes { EventParser.parse($0.bindMemory(to: UInt8.self)) }
                    let slow = try? JSONDecoder().decode(Event.self, from: mutated)
                    if let fast { #expect(fast.change == slow?.change, "\(record.kind).\(key) = \(String(describing: value))") }
                    if let reference, reference.id == record.id { #expect(slow?.change == .put(reference)) }
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test func the_snapshot_reads_back_every_field_of_every_kind() throws {
        for record in Self.all {
            var w = SnapshotWriter()
            RecordSnapshot.write(record, to: &w)
            let back: Record? = w.bytes.withUnsafeBytes { raw in
                var r = SnapshotReader(raw)
                let read = try? RecordSnapshot.read(&r)
                return r.isAtEnd ? read : nil
            }
            #expect(back == record, "\(record.kind)")
        }
    }

    @Test func the_json_export_restores_every_field_of_every_kind() throws {
        var world = World()
        world.apply(Self.full.map { .put($0) })
        let export = try JSONExport.data(world, today: Self.today)
        var restored = World()
        restored.apply(try JSONImport.changes(export))
        for record in Self.full {
            #expect(restored.record(record.kind, id: record.id) == record, "\(record.kind)")
        }
    }

    @Test func the_csv_tables_of_one_kind_hold_each_field_as_its_json_has_it() throws {
        var world = World()
        world.apply(Self.full.map { .put($0) })
        for (what, record) in [(CSVExport.What.schools, Self.full[0]), (.agencies, Self.full[1])] {
            let rows = CSVExport.rows(what, world: world, today: Self.today)
            let header = try #require(rows.first)
            let cells = try #require(rows.last)
            #expect(rows.count == 2)
            let values = record.encodedFieldValues
            #expect(Set(header) == Set(values.keys).union(["officialId"]).intersection(header), "\(what)")
            #expect(header.prefix(1) == ["id"])
            for (key, cell) in zip(header, cells) {
                switch values[key] {
                case .string(let s)?: #expect(cell == s, "\(what).\(key)")
                case .array(let words)?: #expect(cell == words.map(\.display).joined(separator: " "), "\(what).\(key)")
                case nil: #expect(cell == "", "\(what).\(key)")
                default: Issue.record("\(what).\(key) holds \(cell)")
                }
            }
        }
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct EventParserTests {
    func fast(_ text: String) -> Event? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { EventParser.parse(UnsafeBufferPointer($0)) }
    }

    func roundTrip(_ change: Change) throws -> (fast: Event?, slow: Event) {
        let event = Event(
            id: "ev-1", at: "2026-11-22T12:00:00.000Z", by: "ana", host: "h", base: nil, source: "import of nz.csv", change: change)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(event), as: UTF8.self)
        return (fast(text), try JSONDecoder().decode(Event.self, from: Data(text.utf8)))
    }

    @Test func every_kind_of_record_reads_the_same_as_with_jsondecoder() throws {
        var w = World()
        w.apply(try Examples.changes(for: w, today: Day(iso: "2026-11-22")!, user: "t"))
        let tricky = School(
            officialId: nil, name: "Say \"hi\" \\ to 東京 😀 Þingeyjarskóli\ttab", phases: [.special, .other],
            notes: "line 1\nline 2 \u{0007}")
        var all: [Change] = [.put(.school(tricky)), .delete(.checkpoint, id: "chk-9")]
        all += w.schools.values.map { .put(.school($0)) } + w.agencies.values.map { .put(.agency($0)) }
        all += w.clusters.values.map { .put(.cluster($0)) } + w.memberships.values.map { .put(.membership($0)) }
        all += w.checkpoints.values.map { .put(.checkpoint($0)) }
        // The few kinds, read as values: each must be read here, not left to JSONDecoder.
        all += w.goals.values.map { .put(.goal($0)) } + w.measurements.values.map { .put(.measurement($0)) }
        all += w.actions.values.map { .put(.action($0)) } + w.agreements.values.map { .put(.agreement($0)) }
        all += w.assessments.values.map { .put(.assessment($0)) }
        #expect(!w.goals.isEmpty && !w.measurements.isEmpty && !w.actions.isEmpty && !w.agreements.isEmpty && !w.assessments.isEmpty)
        for change in all {
            let (fast, slow) = try roundTrip(change)
            #expect(fast != nil, "left to JSONDecoder: \(change)")
            #expect(fast == slow, "\(change)")
            #expect(slow.change == change)
        }
    }

    @Test func key_order_white_space_escapes_and_unknown_fields_are_read() throws {
        let line = """
            { "type" : "school", "op":"put", "future": {"x": [1, 2.5e3, null, true]}, "recordId":"sch-1",
              "record": {"phases":["primary"],"notes":"","phone":"","email":"","contactPerson":"","municipality":"\\u0141\\u00f3d\\u017a",
                         "name":"Szko\\u0142a \\ud83d\\ude00","id":"sch-1","officialId":null},
              "host":"h","by":"ana","at":"2026-11-22T12:00:00.000Z","id":"ev-2" }
            """
        let change = try #require(fast(line)?.change)
        let s = try #require(
            { () -> School? in
                if case .put(.school(let s)) = change { return s }
                return nil
            }(), "not read as a school: \(change)")
        #expect(s.municipality == "Łódź")
        #expect(s.name == "Szkoła 😀")
        #expect(s.officialId == nil)
    }

    @Test func what_it_cannot_read_is_left_to_the_general_reader() {
        #expect(fast("{\"id\": this is not json") == nil)
        #expect(
            fast("{\"id\":\"ev\",\"at\":\"t\",\"by\":\"a\",\"host\":\"h\",\"op\":\"put\",\"type\":\"school\",\"record\":{\"id\":\"s\"}}")
                == nil)
        #expect(
            fast(
                "{\"id\":\"ev\",\"at\":\"t\",\"by\":\"a\",\"host\":\"h\",\"op\":\"delete\",\"type\":\"school\",\"recordId\":\"s\"} trailing"
            ) == nil)
    }
}

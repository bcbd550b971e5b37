import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Cairn's JSON writer against Foundation's, byte for byte: the export's format is a contract.
@Suite struct PrettyJSONTests {
    func foundation(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Bytes as Foundation writes them again once it has read them: the same bytes, or our
    /// writer and Foundation's differ somewhere (order of keys, escapes, numbers, empty lists).
    func asFoundationWrites(_ data: Data) throws -> Data {
        try foundation(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    @Test func the_framework_document_is_written_as_foundation_writes_it() throws {
        var world = World()
        world.apply(try Examples.changes(for: World(), today: Day(iso: "2026-12-02")!, user: "ana"))
        let document = JSONExport.frameworkDocument(world, today: Day(iso: "2026-12-02")!)
        #expect(try PrettyJSON.data(document) == (try foundation(document)))
        #expect(!world.goals.isEmpty && !world.measurements.isEmpty && !world.assessments.isEmpty)
    }

    /// The export and `cairn list --json` write their records straight into bytes: Foundation,
    /// reading them back and writing them again, gives the same bytes, on the examples, on
    /// hostile text, on an agreement without members and on no records at all.
    @Test func the_export_and_the_lists_are_written_as_foundation_writes_them() throws {
        let today = Day(iso: "2026-12-02")!
        var world = World()
        let empty = try JSONExport.data(world, today: today)
        #expect(try empty == asFoundationWrites(empty))
        #expect(JSONExport.listData(checkpoints: []) == (try foundation([Any]())))
        world.apply(try Examples.changes(for: World(), today: today, user: "ana"))
        let hostile = "Meet; \"agree\", then \\ review\n\t— 漢字 🙂 e\u{301} \u{1B}[31m \u{7F}\u{85}"
        world.apply(.put(.cluster(Cluster(id: "clu-h", name: hostile, region: hostile, notes: hostile))))
        world.apply(
            .put(
                .agreement(
                    Agreement(
                        cluster: "clu-h", meetingsPerYear: 12, reporting: hostile, periodStart: today, periodEnd: today.adding(days: 365))))
        )
        world.apply(.put(.school(School(id: "sch-h", officialId: hostile, name: hostile, phases: [.primary, .upperSecondary]))))
        world.apply(.put(.agency(Agency(id: "agy-h", name: hostile, sector: .health, notes: hostile))))
        world.apply(.put(.checkpoint(Checkpoint(id: "chk-h", cluster: "clu-h", title: hostile, due: today, evidence: hostile))))
        let export = try JSONExport.data(world, today: today)
        #expect(try export == asFoundationWrites(export))
        #expect(!world.agreements.isEmpty && world.members(of: "clu-h").isEmpty)
        // Each list holds what the export's table holds, in the bytes Foundation would write.
        let doc = try #require(try JSONSerialization.jsonObject(with: export) as? [String: Any])
        let lists: [(String, Data)] = [
            ("clusters", JSONExport.listData(clusters: JSONExport.sortedClusters(world), of: world)),
            ("schools", JSONExport.listData(schools: NameOrder.sorted(world.schools.values, by: \.name, id: \.id))),
            ("agencies", JSONExport.listData(agencies: NameOrder.sorted(world.agencies.values, by: \.name, id: \.id))),
            ("checkpoints", JSONExport.listData(checkpoints: JSONExport.checkpointsInExportOrder(world))),
        ]
        for (table, data) in lists {
            let rows = try #require(doc[table] as? [Any])
            #expect(!rows.isEmpty)
            #expect(data == (try foundation(rows)), "\(table)")
        }
    }

    @Test func hostile_keys_strings_numbers_and_empty_containers() throws {
        var controls = ""
        for v in 0..<0x21 { controls.unicodeScalars.append(Unicode.Scalar(v)!) }
        controls += "\u{7f}\u{80}\u{9f}\u{a0}\u{2028}\u{2029}\u{feff}\"\\/ São João 漢字 🙂 e\u{301}"
        let numbers: [Any] = [
            7.0, 8.2, 0.1, -2.5, 1e21, 1e-7, 123456789.125, Double(Int64.max), -0.0, 0.30000000000000004, 100.0, 1e15, 1e16,
            2.5e-5, 9_999_999_999_999_998.0, 3, -40, Int.max, Int.min, true, false, NSNull(),
        ]
        let document: [String: Any] = [
            "a10": 1, "a9": 2, "aB": 3, "ab": 4, "b": 5, "B": 6, "é": 7, "_x": 8, "a_b": 9, "Zed": 10, "zed2": 11,
            "text": controls, "numbers": numbers, "emptyObject": [String: Any](), "emptyArray": [Any](),
            "nested": [[String: Any](), [Any](), [[1, 2], ["x": [String: Int]()]]] as [Any],
            "ratings": ["leadership": 4, "power": 2], "notes": ["power": "the city\ndecides"], "phases": ["primary"],
        ]
        let ours = String(decoding: try PrettyJSON.data(document), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = String(decoding: try foundation(document), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
            ours == theirs,
            "first difference at line \(first?.offset ?? -1): ours \(first.map { String($0.element.0) } ?? "") theirs \(first.map { String($0.element.1) } ?? "")"
        )
    }

    @Test func random_documents_are_written_alike() throws {
        var rng = SystemRandomNumberGenerator()
        let words = ["a", "B", "é", "id", "doneOn", "done", "x1", "x10", "x2", "", " ", "\u{1}", "漢", "Zz", "zZ", "a b", "a-b"]
        func value(_ depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &rng) {
            case 0: return words.randomElement(using: &rng)! + String(Int.random(in: 0..<3, using: &rng))
            case 1: return Int.random(in: -1000...1000, using: &rng)
            case 2: return Double.random(in: -1e6...1e6, using: &rng) * pow(10, Double(Int.random(in: -8...8, using: &rng)))
            case 3: return Bool.random(using: &rng)
            case 4: return NSNull()
            case 5: return (0..<Int.random(in: 0..<4, using: &rng)).map { _ in value(depth + 1) }
            default:
                var o: [String: Any] = [:]
                for _ in 0..<Int.random(in: 0..<5, using: &rng) { o[words.randomElement(using: &rng)!] = value(depth + 1) }
                return o
            }
        }
        for _ in 0..<2_000 {
            let document = ["root": value(0)]
            let ours = String(decoding: try PrettyJSON.data(document), as: UTF8.self)
            let theirs = String(decoding: try foundation(document), as: UTF8.self)
            try #require(ours == theirs, "ours:\n\(ours)\ntheirs:\n\(theirs)")
        }
    }
}

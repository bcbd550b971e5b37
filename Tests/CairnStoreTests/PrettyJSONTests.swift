import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Cairn's JSON writer against Foundation's, byte for byte: the export's format is a contract.
/// Foundation leaves DEL, C1 controls, U+2028/2029 and the bidirectional controls raw, which
/// Cairn writes as `\u` escapes: Foundation's bytes are compared with those escaped.
@Suite struct PrettyJSONTests {
    func foundation(_ value: Any) throws -> Data {
        Data(
            PrettyJSON.escapingTerminalControls(
                try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])))
    }

    /// Bytes as Foundation writes them again once it has read them: the same bytes, or our
    /// writer and Foundation's differ somewhere (order of keys, escapes, numbers, empty lists).
    func asFoundationWrites(_ data: Data) throws -> Data {
        try foundation(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    @Test func the_framework_records_are_written_as_foundation_writes_them() throws {
        var world = World()
        world.apply(try Examples.changes(for: World(), today: Day(iso: "2026-12-02")!, user: "ana"))
        #expect(!world.goals.isEmpty && !world.measurements.isEmpty && !world.assessments.isEmpty && !world.actions.isEmpty)
        let export = try JSONExport.data(world, today: Day(iso: "2026-12-02")!)
        #expect(try export == asFoundationWrites(export))
        let doc = try #require(try JSONSerialization.jsonObject(with: export) as? [String: Any])
        let goals = try #require(doc["goals"] as? [[String: Any]])
        #expect(goals.allSatisfy { Set($0.keys).isSuperset(of: ["status", "progress", "latest", "owner", "priority"]) })
        let assessments = try #require(doc["assessments"] as? [[String: Any]])
        #expect(assessments.contains { ($0["ratings"] as? [String: Any])?.isEmpty == false })
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

    /// What would act on a terminal, or end a line in a script, never stands raw in the JSON
    /// Cairn writes: it is a `\u` escape that reads back as the same text.
    @Test func c1_controls_separators_and_bidirectional_controls_are_written_as_escapes() throws {
        var text = "a"
        for v in [0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            text.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
        }
        text += " – “ok” § \u{A0} \u{202F} \u{2065} 漢字"
        var world = World()
        world.apply(.put(.school(School(id: "sch-x", name: text, notes: text))))
        for data in [
            try PrettyJSON.data(["name": text]), try JSONExport.data(world), JSONExport.listData(schools: Array(world.schools.values)),
        ] {
            let written = String(decoding: data, as: UTF8.self)
            #expect(
                written.contains(
                    #"a\u007f\u0080\u0085\u009b\u009f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 – “ok” §"#))
            let raw = written.unicodeScalars.filter {
                (0x7F...0x9F).contains($0.value) || (0x2028...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
            }
            #expect(raw.isEmpty, "\(raw.map { String($0.value, radix: 16) })")
            let read = try JSONSerialization.jsonObject(with: data)
            let names = [
                (read as? [String: Any])?["name"], ((read as? [String: Any])?["schools"] as? [[String: Any]])?.first?["name"],
                (read as? [[String: Any]])?.first?["name"],
            ]
            #expect(names.compactMap { $0 as? String } == [text], "reads back as the same text")
        }
    }

    @Test func random_documents_are_written_alike() throws {
        let (seed, generator) = replayableRandom("random_documents_are_written_alike")
        var rng = generator
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
            try #require(ours == theirs, "seed \(seed): ours:\n\(ours)\ntheirs:\n\(theirs)")
        }
    }

    /// A national export is given in pieces of about a megabyte, never whole: the pieces joined
    /// are the document Foundation would write, and no piece holds the checkpoints' table whole.
    @Test func a_large_export_is_given_in_pieces_that_make_the_document() throws {
        let today = Day(iso: "2026-12-02")!
        var world = World()
        world.apply(try Examples.changes(for: World(), today: today, user: "ana"))
        let cluster = try #require(world.clusters.values.first).id
        for i in 0..<6_000 {
            let title = "Visita \(i) à Escola de São João — 漢字 🙂 " + String(repeating: "notes ", count: 20)
            world.apply(.put(.checkpoint(Checkpoint(id: "chk-\(i)", cluster: cluster, title: title, due: today.adding(days: i % 400)))))
        }
        var pieces: [[UInt8]] = []
        try JSONExport.write(world, today: today) { pieces.append($0) }
        let whole = Data(pieces.joined())
        #expect(whole.count > 2 << 20)
        #expect(try whole == asFoundationWrites(whole))
        #expect(pieces.allSatisfy { $0.count < 2 << 20 }, "\(pieces.map(\.count).max() ?? 0)")
        let doc = try #require(try JSONSerialization.jsonObject(with: whole) as? [String: Any])
        #expect((doc["checkpoints"] as? [Any])?.count == world.checkpoints.count)
    }
}

import CSV
import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct CSVExportTests {
    let today = Day(iso: "2026-11-22")!

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "c", officialId: "171074", name: "Agrupamento, \"Óbidos\"", region: "Oeste"))),
            .put(
                .school(
                    School(id: "s1", officialId: "PT-1", name: "=HYPERLINK(\"http://evil\")", phases: [.primary], municipality: "Óbidos"))),
            .put(
                .school(
                    School(
                        id: "s2", officialId: "PT-2", name: "Escola Básica de São João", phases: [.earlyChildhood, .primary],
                        notes: "line 1\nline 2"))),
            .put(.school(School(id: "s3", officialId: "-3", name: "@risk +plus", municipality: "Łódź"))),
            .put(.membership(Membership(id: "m", cluster: "c", memberType: .school, memberId: "s2", lead: true))),
        ])
        return w
    }

    func parse(_ data: Data) throws -> [[String]] {
        let reader = try CSVReader(string: String(decoding: data, as: UTF8.self))
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test func cells_a_spreadsheet_would_run_are_written_as_text() throws {
        let rows = try parse(CSVExport.data(CSVExport.rows(.schools, world: world(), today: today)))
        #expect(rows[0] == ["id", "officialId", "name", "phases", "municipality", "contactPerson", "email", "phone", "notes"])
        let names = rows.dropFirst().map { $0[2] }
        #expect(names.contains("'=HYPERLINK(\"http://evil\")"))
        #expect(names.contains("'@risk +plus"))
        #expect(rows.contains { $0[1] == "'-3" })
        #expect(rows.contains { $0[2] == "Escola Básica de São João" && $0[8] == "line 1\nline 2" && $0[3] == "early-childhood primary" })
    }

    @Test func a_leading_tab_or_return_is_guarded_and_a_negative_number_stays_a_number() throws {
        var w = world()
        w.apply(.put(.school(School(id: "s4", name: "\tcmd|' /C calc'!A0", municipality: "\rLisboa"))))
        let schools = try parse(CSVExport.data(CSVExport.rows(.schools, world: w, today: today)))
        #expect(schools.contains { $0[2] == "'\tcmd|' /C calc'!A0" && $0[4] == "'\rLisboa" })
        w.apply(
            .put(
                .goal(
                    Goal(
                        id: "g", cluster: "c", statement: "-2.5 points of absence", indicator: "=1+1", baseline: -2.5, target: -4,
                        deadline: today))))
        let goals = try parse(CSVExport.data(CSVExport.rows(.goals, world: w, today: today)))
        let header = goals[0]
        let row = try #require(goals.first { $0.first == "g" })
        #expect(row[try #require(header.firstIndex(of: "baseline"))] == "-2.5")
        #expect(row[try #require(header.firstIndex(of: "target"))] == "-4")
        #expect(row[try #require(header.firstIndex(of: "statement"))] == "'-2.5 points of absence")
        #expect(row[try #require(header.firstIndex(of: "indicator"))] == "'=1+1")
    }

    @Test func members_and_clusters_are_filtered_by_cluster_and_quoted_where_needed() throws {
        let w = world()
        let members = try parse(CSVExport.data(CSVExport.rows(.members, world: w, cluster: "c", today: today)))
        #expect(members.count == 2)
        #expect(members[1][1] == "Agrupamento, \"Óbidos\"")
        #expect(members[1][7] == "yes")
        let schools = CSVExport.rows(.schools, world: w, cluster: "c", today: today)
        #expect(schools.count == 2)  // the header and the one member school
    }

    @Test func a_schools_export_imports_back_into_an_empty_store() throws {
        let w = world()
        let data = try CSVExport.data(CSVExport.rows(.schools, world: w, today: today))
        let (changes, summary) = try RegisterImport.plan(try RegisterTable.read(data), options: ImportOptions(), world: World())
        #expect(summary.added == 3)
        var back = World()
        back.apply(changes)
        #expect(Set(back.schools.values.map(\.officialId)) == ["PT-1", "PT-2", "'-3"])  // the guard stays: it is what the file says
        #expect(back.schools.values.contains { $0.name == "Escola Básica de São João" && $0.phases == [.earlyChildhood, .primary] })
        #expect(back.schools.values.contains { $0.municipality == "Łódź" })
    }
}

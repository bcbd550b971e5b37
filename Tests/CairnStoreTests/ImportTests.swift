import CairnCore
import Foundation
import Testing

@testable import CairnStore

@Suite struct ImportTests {
    static let nz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/nz-schools-directory.csv")

    func plan(_ text: Data, _ configure: (inout ImportOptions) -> Void = { _ in }, world: World = World()) throws -> (
        [Change], ImportSummary
    ) {
        var options = ImportOptions()
        configure(&options)
        return try RegisterImport.plan(try RegisterTable.read(text), options: options, world: world)
    }

    @Test func the_new_zealand_register_with_its_communities_of_learning() throws {
        let data = try Data(contentsOf: Self.nz)
        let (changes, summary) = try plan(data) { $0.clusterBy = "Community of Learning: ID,Community of Learning: Name" }
        #expect(summary.added == 2539)
        #expect(summary.clustersAdded == 197)
        #expect(summary.membershipsAdded == 2539 - 910)
        #expect(summary.skipped.isEmpty)
        #expect(summary.mapping.contains { $0.field == "municipality" && $0.column == "Territorial Authority with Auckland Local Board" })
        #expect(summary.unknownPhaseWords.isEmpty)
        var world = World()
        world.apply(changes)
        let teKao = try #require(world.schools.values.first { $0.officialId == "1" })
        #expect(teKao.name == "Te Kao School")
        #expect(teKao.phases == [.primary])
        #expect(teKao.municipality == "Far North District")
        #expect(world.clusters(withMember: teKao.id).first?.name == "Far North Community of Learning")
        // A second import of the same file adds nothing and changes nothing.
        let (again, second) = try plan(data, { $0.clusterBy = "Community of Learning: ID,Community of Learning: Name" }, world: world)
        #expect(again.isEmpty)
        #expect(second.unchanged == 2539 && second.added == 0 && second.clustersAdded == 0)
    }

    @Test func a_register_with_a_preamble_semicolons_windows_1252_quotes_and_broken_rows() throws {
        var text = "Registo de escolas do concelho\n"
        text += "Exportado em 2026-11-01; não editar\n"
        text += "\n"
        text += "Código;Nome;Tipo;Concelho;Email\n"
        text += "PT-1;Escola Básica de São João;Primary;Óbidos;sj@escola.pt\n"
        text += "PT-2;\"Escola \"\"Nova\"\"; pólo 2\";Nursery;Óbidos;\n"
        text += "PT-3;\"Agrupamento\nde Caldas\";Secondary;Caldas da Rainha;\n"
        text += "PT-4;Escola a mais;Primary;Óbidos;x@y.pt;extra;fields\n"
        text += ";Sem código nem nome;;;\n"
        text += "PT-1;Escola repetida;Primary;Óbidos;\n"
        text += ";;;;\n\n"
        let cp1252 = Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })  // Latin letters fit one byte each
        let (changes, summary) = try plan(cp1252)
        #expect(summary.encoding == .windows1252)
        #expect(summary.report.first?.contains("Windows-1252") == true)
        #expect(summary.delimiter == ";")
        #expect(summary.headerLine == 4)
        #expect(summary.added == 4)
        var w = World()
        w.apply(changes)
        #expect(
            w.schools.values.contains { $0.name == "Escola Básica de São João" && $0.municipality == "Óbidos" && $0.phases == [.primary] })
        #expect(w.schools.values.contains { $0.name == "Escola \"Nova\"; pólo 2" && $0.phases == [.earlyChildhood] })
        #expect(w.schools.values.contains { $0.name == "Agrupamento de Caldas" })
        #expect(summary.skipped.map(\.line) == [9, 11])  // PT-3 spans lines 7 and 8 (a quoted line break)
        #expect(summary.skipped[0].reason == "7 fields where the header has 5")
        #expect(summary.skipped[1].reason.contains("already on an earlier line"))
    }

    @Test func a_row_without_a_name_is_skipped_with_its_line() throws {
        let (_, summary) = try plan(Data("id,name\n1,Alpha\n2,\n3,Gamma\n".utf8))
        #expect(summary.added == 2)
        #expect(summary.skipped.map(\.line) == [3])
        #expect(summary.skipped[0].reason == "no name")
    }

    @Test func map_set_and_map_phase_override_the_guesses() throws {
        let csv = Data("Ref\tTitle\tStage\n10\tKindergarten Akaroa\tKindy\n11\tKura Kaupapa Māori o Te Whānau\tKura\n".utf8)
        let (changes, summary) = try plan(csv) {
            $0.maps = ["officialId=Ref", "name=2"]
            $0.phaseOverrides = ["Kindy=early-childhood", "Kura=primary,lower-secondary"]
            $0.maps.append("phases=Stage")
            $0.sets = ["municipality=Christchurch"]
        }
        #expect(summary.delimiter == "\t")
        var w = World()
        w.apply(changes)
        #expect(w.schools.values.first { $0.officialId == "10" }?.phases == [.earlyChildhood])
        #expect(w.schools.values.first { $0.officialId == "11" }?.phases == [.primary, .lowerSecondary])
        #expect(w.schools.values.allSatisfy { $0.municipality == "Christchurch" })
        #expect(throws: StoreError.self) { try plan(csv) { $0.maps = ["name=Nowhere"] } }
    }

    @Test func a_changed_field_is_an_update_and_a_renamed_cluster_keeps_the_stores_name() throws {
        let first = Data("id,name,city,col id,col name\n1,Alpha,Aveiro,C1,Rede Norte\n".utf8)
        var w = World()
        w.apply(try plan(first) { $0.clusterBy = "col id,col name" }.0)
        let second = Data("id,name,city,col id,col name\n1,Alpha,Porto,C1,Rede do Norte\n".utf8)
        let (changes, summary) = try plan(second, { $0.clusterBy = "col id,col name" }, world: w)
        #expect(summary.updated == 1 && summary.added == 0)
        #expect(summary.clusterNameDifferences.map(\.store) == ["Rede Norte"])
        #expect(changes.count == 1)
        let (renaming, _) = try plan(
            second,
            {
                $0.clusterBy = "col id,col name"
                $0.useFileClusterNames = true
            }, world: w)
        w.apply(renaming)
        #expect(w.clusters.values.first?.name == "Rede do Norte")
    }
}

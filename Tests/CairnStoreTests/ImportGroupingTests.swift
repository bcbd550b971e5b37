import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// A register that names a grouping above each cluster (a region, a parent id and name):
/// `--grouping-by` makes the grouping if absent and each imported cluster its member, once.
@Suite struct ImportGroupingTests {
    let register = """
        Código,Nome,Concelho,Agrupamento ID,Agrupamento,Região
        1,Escola Básica de A-da-Gorda,Óbidos,171074,Agrupamento de Escolas Josefa de Óbidos,Oeste
        2,Escola Básica do Furadouro,Óbidos,171074,Agrupamento de Escolas Josefa de Óbidos,Oeste
        3,Escola Básica de Peniche,Peniche,170500,Agrupamento de Escolas de Peniche,OESTE
        4,Escola Secundária de Leiria,Leiria,170100,Agrupamento de Escolas de Leiria,Região de Leiria

        """

    func plan(_ text: String, world: World, by column: String = "Região", kind: ClusterKind = .regionalCollaborative) throws -> (
        [Change], ImportSummary
    ) {
        var options = ImportOptions()
        options.clusterBy = "Agrupamento ID,Agrupamento"
        options.groupingBy = column
        options.groupingKind = kind
        return try RegisterImport.plan(try RegisterTable.read(Data(text.utf8)), options: options, world: world)
    }

    @Test func each_cluster_joins_the_grouping_its_rows_name_made_once_and_matched_by_name_blind_to_case() throws {
        var w = World()
        let (changes, summary) = try plan(register, world: w)
        w.apply(try w.perform(.carry(changes, summary: "import"), by: Author(user: "ana", today: Day.today())).changes)
        let oeste = try #require(w.clusters.values.first { $0.name == "Oeste" })
        #expect(oeste.kind == .regionalCollaborative && oeste.level == .regional)
        #expect(w.clusters.values.filter { $0.kind == .regionalCollaborative }.count == 2, "“OESTE” is Oeste")
        #expect(
            Set(w.memberClusters(of: oeste.id).map(\.name)) == [
                "Agrupamento de Escolas de Peniche", "Agrupamento de Escolas Josefa de Óbidos",
            ])
        #expect(summary.groupingsAdded == 2 && summary.groupingMembershipsAdded == 3)
        #expect(summary.report.contains("2 groupings added, 3 clusters joined the grouping its rows name"), "\(summary.report)")
        #expect(w.groupingForest().map(\.cluster.name) == ["Oeste", "Região de Leiria"])

        // Safe to run again: nothing new.
        let (again, second) = try plan(register, world: w)
        #expect(again.isEmpty, "\(again)")
        #expect(second.groupingsAdded == 0 && second.groupingMembershipsAdded == 0)
    }

    /// The cluster whose rows write “OESTE” comes first (its id is lower): the grouping is still
    /// written as most rows write it.
    @Test func a_grouping_is_named_as_most_rows_write_it_whatever_order_the_clusters_come_in() throws {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-0", officialId: "170500", name: "Agrupamento de Escolas de Peniche"))),
            .put(.cluster(Cluster(id: "clu-9", officialId: "171074", name: "Agrupamento de Escolas Josefa de Óbidos"))),
        ])
        let (changes, _) = try plan(register, world: w)
        w.apply(try w.perform(.carry(changes, summary: "import"), by: Author(user: "ana", today: Day.today())).changes)
        #expect(w.clusters.values.filter { $0.kind == .regionalCollaborative }.map(\.name).sorted() == ["Oeste", "Região de Leiria"])
    }

    @Test func a_parent_given_by_id_and_name_is_matched_by_its_id_and_takes_the_kind_asked_for() throws {
        var w = World()
        w.apply(.put(.cluster(Cluster(id: "clu-t", officialId: "T-9", name: "Trust of the West", kind: .trust))))
        let text = """
            URN,Name,Group id,Group name,Trust ID,Trust name
            101,Tees Valley Primary,G1,Tees Valley Hub,T-9,West Trust (renamed)
            102,Redcar Academy,G2,Redcar Hub,T-10,North Trust

            """
        var options = ImportOptions()
        options.clusterBy = "Group id,Group name"
        options.groupingBy = "Trust ID,Trust name"
        options.groupingKind = .trust
        let (changes, summary) = try RegisterImport.plan(try RegisterTable.read(Data(text.utf8)), options: options, world: w)
        w.apply(try w.perform(.carry(changes, summary: "import"), by: Author(user: "ana", today: Day.today())).changes)
        #expect(w.memberClusters(of: "clu-t").map(\.name) == ["Tees Valley Hub"], "matched by id, its name kept")
        let north = try #require(w.clusters.values.first { $0.officialId == "T-10" })
        #expect(north.name == "North Trust" && north.kind == .trust && north.level == nil)
        #expect(summary.groupingsAdded == 1 && summary.groupingMembershipsAdded == 2)
    }

    @Test func a_grouping_column_without_clusters_or_naming_no_column_is_refused_in_one_line() throws {
        var options = ImportOptions()
        options.groupingBy = "Região"
        let table = try RegisterTable.read(Data(register.utf8))
        let alone = #expect(throws: StoreError.self) { try RegisterImport.plan(table, options: options, world: World()) }
        #expect(alone?.message == "--grouping-by needs --cluster-by: the clusters the rows are in are what join the grouping")
        options.clusterBy = "Agrupamento ID,Agrupamento"
        options.groupingBy = "Distrito"
        let missing = #expect(throws: StoreError.self) { try RegisterImport.plan(table, options: options, world: World()) }
        #expect(missing?.message == "--grouping-by Distrito: the register has no column “Distrito”")
    }

    @Test func a_cluster_that_would_end_up_within_itself_is_named_and_not_joined() throws {
        var w = World()
        // The store already has Óbidos's agrupamento above the grouping the register names.
        w.apply([
            .put(.cluster(Cluster(id: "clu-a", officialId: "171074", name: "Agrupamento de Escolas Josefa de Óbidos"))),
            .put(.cluster(Cluster(id: "clu-o", name: "Oeste", kind: .regionalCollaborative))),
            .put(.membership(Membership(id: "mem-x", cluster: "clu-a", memberType: .cluster, memberId: "clu-o"))),
        ])
        let (changes, summary) = try plan(register, world: w)
        w.apply(try w.perform(.carry(changes, summary: "import"), by: Author(user: "ana", today: Day.today())).changes)
        #expect(!w.memberClusters(of: "clu-o").contains { $0.id == "clu-a" })
        #expect(summary.groupingsRefused.count == 1)
        #expect(summary.groupingsRefused.first?.hasPrefix("“Agrupamento de Escolas Josefa de Óbidos” did not join “Oeste”: ") == true)
    }
}

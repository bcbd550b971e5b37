import Foundation
import Testing

/// `cairn import --grouping-by`: a register's region (or parent) column makes the grouping
/// above its clusters, idempotently, and `cairn undo-import` takes it away again.
@Suite struct ImportGroupingCommandTests {
    @Test func import_makes_the_region_a_grouping_of_its_clusters_twice_safely_and_undo_import_undoes_it() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        let file = store.root.appendingPathComponent("rede.csv")
        try """
        Código,Nome,Concelho,Agrupamento ID,Agrupamento,Região
        1,Escola Básica de A-da-Gorda,Óbidos,171074,Agrupamento de Escolas Josefa de Óbidos,Oeste
        2,Escola Básica de Peniche,Peniche,170500,Agrupamento de Escolas de Peniche,Oeste

        """.write(to: file, atomically: true, encoding: .utf8)
        let args = ["import", file.path, "--cluster-by", "Agrupamento ID,Agrupamento", "--grouping-by", "Região"]
        let first = try Shell.cairn(args, store: store.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 grouping added, 2 clusters joined the grouping its rows name"), "\(first.stdout)")
        let tree = try cairn("tree")
        #expect(tree.stdout.hasPrefix("Oeste (regional collaborative, regional)\n  Agrupamento de Escolas"), "\(tree.stdout)")

        let second = try Shell.cairn(args, store: store.url)
        #expect(second.status == 0 && !second.stdout.contains("written:"), "nothing new: \(second.stdout)")
        #expect(try cairn("tree").stdout == tree.stdout)

        let undone = try cairn("undo-import", "rede.csv")
        #expect(undone.status == 0, "\(undone.stderr)")
        let export = try Shell.export(store.url)
        #expect((export["clusters"] as? [Any])?.isEmpty == true, "the grouping and the clusters are gone: \(export)")

        let alone = try cairn("import", file.path, "--grouping-kind", "trust")
        #expect(alone.status != 0 && alone.stderr == "Error: --grouping-kind needs --grouping-by: the column naming the grouping\n")
        let noClusters = try cairn("import", file.path, "--grouping-by", "Região")
        #expect(
            noClusters.status != 0
                && noClusters.stderr
                    == "Error: --grouping-by needs --cluster-by: the clusters the rows are in are what join the grouping\n",
            "\(noClusters.stderr)")
    }
}

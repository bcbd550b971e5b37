import Foundation
import Testing

/// Regions from a register, and regions named as people type them.
@Suite struct RegionTests {
    @Test func import_maps_a_region_each_cluster_takes_the_one_most_rows_name_and_reports_find_it_by_prefix() throws {
        let store = TemporaryStore()
        let register = store.root.appendingPathComponent("register.csv")
        try Data(
            """
            School ID,Name,Type,Town,Group ID,Group name,Area
            1,Szkoła Podstawowa nr 3,primary,Łódź,G1,Sieć Bałuty,Łódź (województwo łódzkie)
            2,Szkoła Podstawowa nr 12,primary,Łódź,G1,Sieć Bałuty,Łódź (województwo łódzkie)
            3,Przedszkole nr 7,early-childhood,Zgierz,G1,Sieć Bałuty,Zgierz
            4,Portree Primary,primary,Portree,G2,Portree Learning Community,Highland (Northern Alliance)

            """.utf8
        ).write(to: register)
        let imported = try Shell.cairn(
            ["import", register.path, "--cluster-by", "Group ID,Group name", "--map", "region=Area"], store: store.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 clusters given the region most of its rows name"), "\(imported.stdout)")
        let clusters = try Shell.export(store.url)["clusters"] as? [[String: Any]] ?? []
        let regions = Dictionary(uniqueKeysWithValues: clusters.map { ($0["name"] as? String ?? "", $0["region"] as? String ?? "") })
        #expect(regions == ["Sieć Bałuty": "Łódź (województwo łódzkie)", "Portree Learning Community": "Highland (Northern Alliance)"])

        let highland = try Shell.cairn(["report", "--region", "highland"], store: store.url)
        #expect(highland.status == 0 && highland.stdout.contains("Portree Learning Community"), "\(highland.stderr)")
        let lodz = try Shell.cairn(["report", "--region", "LODZ"], store: store.url)
        #expect(lodz.status == 0 && lodz.stdout.contains("Sieć Bałuty"), "accent- and case-blind: \(lodz.stderr)")
        let nowhere = try Shell.cairn(["report", "--region", "Grampian"], store: store.url)
        #expect(nowhere.status != 0)
        #expect(
            nowhere.stderr.contains(
                "no cluster's region matches “Grampian”: the regions are Highland (Northern Alliance), Łódź (województwo łódzkie)"),
            "\(nowhere.stderr)")
        let coverage = try Shell.cairn(["coverage", "--region", "Nowhere"], store: store.url)
        #expect(coverage.status != 0 && coverage.stderr.contains("the regions are"))
    }
}

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

/// The command line warns of a likely duplicate, and adds it as asked.
@Suite struct DuplicateWarningTests {
    @Test func adding_the_same_school_twice_warns_on_stderr_and_adds_it() throws {
        let store = TemporaryStore()
        let args = ["add", "school", "--name", "Þingeyjarskóli", "--municipality", "Þingeyjarsveit"]
        let first = try Shell.cairn(args, store: store.url)
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        let second = try Shell.cairn(["add", "school", "--name", "ÞINGEYJARSKÓLI ", "--municipality", "þingeyjarsveit"], store: store.url)
        #expect(second.status == 0)
        #expect(second.stderr.contains("warning: school “Þingeyjarskóli” in Þingeyjarsveit is already here"), "\(second.stderr)")
        #expect((try Shell.export(store.url)["schools"] as? [Any])?.count == 2)
        let agency = ["add", "agency", "--name", "Câmara Municipal de Óbidos", "--sector", "local-authority"]
        _ = try Shell.cairn(agency, store: store.url)
        #expect(try Shell.cairn(agency, store: store.url).stderr.contains("is already here"))
    }
}

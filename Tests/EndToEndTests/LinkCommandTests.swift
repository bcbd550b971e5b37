import Foundation
import Testing

/// Links between schools from the command line: `cairn link` records a feed or a succession,
/// refuses what makes no sense in one line, and the link travels like any record: in the export
/// and its restore, the CSV table, the history and a sync to another machine.
@Suite struct LinkCommandTests {
    @Test func link_records_feeds_and_a_succession_that_sync_to_another_machine() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        for name in ["EB1 de A-da-Gorda", "EB 2,3 Josefa de Óbidos", "Escola Velha de Óbidos"] {
            try server.must(["add", "school", "--name", name])
        }
        let fed = try server.must([
            "link", "EB1 de A-da-Gorda", "--feeds", "EB 2,3 Josefa de Óbidos", "--phases", "primary,lower-secondary",
        ])
        #expect(fed.contains("“EB1 de A-da-Gorda” feeds “EB 2,3 Josefa de Óbidos” (primary → lower secondary)"), "\(fed)")
        let json = try server.must([
            "link", "EB 2,3 Josefa de Óbidos", "--succeeds", "Escola Velha de Óbidos", "--on", "2024-09-01", "--how", "merged", "--json",
        ])
        let succession = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(succession["relation"] as? String == "lineage" && succession["how"] as? String == "merged")
        #expect(succession["on"] as? String == "2024-09-01")

        for (args, message) in [
            (["link", "EB1 de A-da-Gorda", "--feeds", "EB1 de A-da-Gorda"], "a school cannot be linked to itself"),
            (["link", "EB1 de A-da-Gorda", "--feeds", "EB 2,3 Josefa de Óbidos"], "is already recorded"),
            (["link", "EB1 de A-da-Gorda", "--succeeds", "Escola Velha de Óbidos", "--on", "2024-09-01"], "--succeeds needs --how"),
            (
                ["link", "Escola Velha de Óbidos", "--succeeds", "EB 2,3 Josefa de Óbidos", "--on", "today", "--how", "split"],
                "predecessor"
            ),
            (["link", "EB1 de A-da-Gorda", "--feeds", "EB 2,3 Josefa de Óbidos", "--phases", "sixth-form"], "“sixth-form” is not one of"),
        ] {
            let r = try server.cairn(args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        }

        let csv = try server.must(["export", "--format", "csv", "--what", "links"])
        #expect(csv.split(separator: "\n").count == 3, "\(csv)")
        #expect(csv.contains("feeds,") && csv.contains("EB1 de A-da-Gorda") && csv.contains("merged"))

        try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        _ = try laptop.sync()
        let links = try #require(try laptop.export()["links"] as? [[String: Any]])
        #expect(links.count == 2)
        let id = try #require(links.first { $0["relation"] as? String == "feeds" }?["id"] as? String)
        let history = try laptop.must(["log", id])
        #expect(history.contains("create") && history.contains("feeds"), "\(history)")

        // Deleting a school on the laptop takes its links with it, on the server once synced.
        try laptop.must(["delete", "Escola Velha de Óbidos"])
        _ = try laptop.sync()
        _ = try server.sync()
        #expect((try server.export()["links"] as? [[String: Any]])?.count == 1)
    }
}

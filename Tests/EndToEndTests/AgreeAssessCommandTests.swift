import Foundation
import Testing

/// The command line does what the screens do: `cairn agree` sets a cluster's monitoring
/// agreement as `M` does, `cairn assess` records a health check as the Health tab's form does.
@Suite struct AgreeAssessCommandTests {
    @Test func agree_makes_the_agreement_then_changes_only_what_it_names_and_prints_json_like_the_export() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Agrupamento de Escolas Josefa de Óbidos")
        let none = try cairn("agree", "Agrupamento de Escolas Josefa de Óbidos")
        #expect(none.status != 0)
        #expect(
            none.stderr
                == "Error: “Agrupamento de Escolas Josefa de Óbidos” has no monitoring agreement yet: make one with --meetings N --from DATE --to DATE\n"
        )
        let made = try cairn(
            "agree", "Agrupamento de Escolas Josefa de Óbidos", "--meetings", "4", "--from", "2026-09-01", "--to", "2027-08-31",
            "--reporting", "Acta trimestral ao conselho pedagógico")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            made.stdout
                == "Added monitoring agreement (4 meetings a year) for “Agrupamento de Escolas Josefa de Óbidos”\nperiod 2026-09-01 to 2027-08-31, 4 meetings in it\nreporting: Acta trimestral ao conselho pedagógico\n"
        )
        let changed = try cairn("agree", "Agrupamento de Escolas Josefa de Óbidos", "--evaluation", "Relatório anual", "--json")
        #expect(changed.status == 0, "\(changed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [String: Any])
        #expect(object["meetingsPerYear"] as? Int == 4, "kept what was not named")
        #expect(object["reporting"] as? String == "Acta trimestral ao conselho pedagógico")
        #expect(object["evaluation"] as? String == "Relatório anual")
        #expect(object["periodStart"] as? String == "2026-09-01" && object["periodEnd"] as? String == "2027-08-31")
        // The same fields as the export's agreement of that cluster.
        let export = try Shell.export(store.url)
        let cluster = try #require((export["clusters"] as? [[String: Any]])?.first)
        let exported = try #require(cluster["agreement"] as? [String: Any])
        #expect(Set(exported.keys).isSubset(of: Set(object.keys)) && object.keys.count == exported.keys.count + 1, "\(object.keys)")
    }

    @Test func agree_refuses_bad_values_in_one_line_naming_the_option() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Sieć Bałuty")
        let cases: [([String], String)] = [
            (["--meetings", "four"], "Error: --meetings: “four” is not a whole number: meetings a year, 1 to 52\n"),
            (["--meetings", "60"], "Error: --meetings: meetings a year must be a whole number from 1 to 52\n"),
            (
                ["--from", "2026-09-01", "--to", "2026-01-01"],
                "Error: --to: the period must end (2026-01-01) after it starts (2026-09-01)\n"
            ),
        ]
        for (args, message) in cases {
            let refused = try Shell.cairn(["agree", "Sieć Bałuty"] + args, store: store.url)
            #expect(refused.status != 0 && refused.stderr == message, "\(args): \(refused.stderr)")
        }
        #expect((try Shell.export(store.url)["clusters"] as? [[String: Any]])?.first?["agreement"] is NSNull, "nothing written")
        let help = try cairn("agree", "--help")
        #expect(help.status == 0 && help.stdout.contains("--meetings <meetings>") && help.stdout.contains("--reporting"))
    }

    @Test func assess_records_ratings_and_notes_that_health_then_shows_and_from_latest_keeps_the_rest() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Kāhui Ako o Ōtautahi")
        let first = try cairn(
            "assess", "Kāhui Ako o Ōtautahi", "leadership=3", "communication=2", "funding=1", "--note", "funding=ends 2027 🙁",
            "--date", "2026-06-01")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Added health check of 2026-06-01 for “Kāhui Ako o Ōtautahi”\n"))
        #expect(first.stdout.contains("score 2.0 of 4 (1 fragile, 4 solid); weakest point: funding ending (1)"), "\(first.stdout)")

        let second = try cairn("assess", "Kāhui Ako o Ōtautahi", "--from-latest", "funding=3", "--json")
        #expect(second.status == 0, "\(second.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(object["ratings"] as? [String: Int] == ["leadership": 3, "communication": 2, "funding": 3])
        #expect(object["notes"] as? [String: String] == ["funding": "ends 2027 🙁"])
        #expect(object["by"] as? String != nil && object["cluster"] as? String != nil)

        let health = try cairn("health", "Kāhui Ako o Ōtautahi", "--json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(health.stdout.utf8)) as? [String: Any])
        #expect(doc["previous"] as? String == "2026-06-01")
        let items = try #require(doc["items"] as? [[String: Any]])
        let funding = try #require(items.first { $0["item"] as? String == "funding" })
        #expect(funding["rating"] as? Int == 3 && funding["change"] as? Int == 2)
    }

    @Test func assess_refuses_an_unknown_item_a_bad_rating_and_nothing_rated_in_one_line() throws {
        let store = TemporaryStore()
        func cairn(_ args: String...) throws -> Shell.Result { try Shell.cairn(args, store: store.url) }
        _ = try cairn("add", "cluster", "--name", "Þingeyjarskóli network", "--kind", "network")
        let cases: [([String], String)] = [
            (
                ["leadrship=3"],
                "Error: “leadrship” is not a condition or challenge: use one of leadership, structures, history, communication, context, autonomy, power, workload, objectives, funding\n"
            ),
            (["power=5"], "Error: power=5: a rating is a whole number from 1 (fragile) to 4 (solid)\n"),
            (["power=2", "power=3"], "Error: power is given twice\n"),
            ([], "Error: rate at least one condition or challenge: ITEM=1..4 (leadership=3), or --from-latest\n"),
            (["--from-latest"], "Error: --from-latest: “Þingeyjarskóli network” has no health check yet\n"),
        ]
        for (args, message) in cases {
            let refused = try Shell.cairn(["assess", "Þingeyjarskóli network"] + args, store: store.url)
            #expect(refused.status != 0 && refused.stderr == message, "\(args): \(refused.stderr)")
        }
        #expect((try Shell.export(store.url)["assessments"] as? [Any])?.isEmpty == true, "nothing written")
        let help = try cairn("assess", "--help")
        #expect(help.status == 0 && help.stdout.contains("--from-latest") && help.stdout.contains("ITEM=RATING"))
    }
}

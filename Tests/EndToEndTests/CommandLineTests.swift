import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// The CLI as scripts use it: exit codes, one-line messages, and the journal under two writers.
@Suite struct CommandLineTests {
    @Test func bad_input_gets_a_one_line_message_and_a_non_zero_exit() throws {
        let store = TemporaryStore()
        let cases: [[String]] = [
            ["add", "cluster", "--name", ""],
            ["add", "cluster", "--name", "X", "--kind", "galaxy"],
            ["add", "checkpoint", "--cluster", "nowhere", "--title", "T", "--due", "today"],
            ["tick", "no such checkpoint"],
        ]
        for args in cases {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status != 0, "\(args) was accepted")
            #expect(!r.stderr.contains("Fatal error"), "\(args) crashed: \(r.stderr)")
            #expect(!r.stderr.isEmpty, "\(args) said nothing")
        }
        _ = try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako"], store: store.url)
        let r = try Shell.cairn(["add", "checkpoint", "--cluster", "Kāhui Ako", "--title", "T", "--due", "31/12"], store: store.url)
        #expect(r.status != 0)
        #expect(r.stderr.contains("“31/12” is not a date"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func two_processes_appending_at_once_lose_nothing() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Shared"], store: store.url)
        let url = store.url
        let group = DispatchGroup()
        let failures = Failures()
        for writer in ["a", "b"] {
            DispatchQueue.global().async(group: group) {
                for i in 0..<25 {
                    let r = try? Shell.cairn(["add", "school", "--name", "School \(writer)\(i)", "--cluster", "Shared"], store: url)
                    if r?.status != 0 { failures.add("\(writer)\(i): \(r?.stderr ?? "did not run")") }
                }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        let doc = try Shell.export(store.url)
        #expect((doc["schools"] as? [Any])?.count == 50)
        let members = ((doc["clusters"] as? [[String: Any]])?.first?["members"] as? [Any])?.count
        #expect(members == 50)
        let check = try Shell.cairn(["check"], store: store.url)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("101 events"))  // 1 cluster, 50 schools, 50 memberships
    }

    @Test func check_reports_a_damaged_line_and_exits_non_zero() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "school", "--name", "One"], store: store.url)
        _ = try Shell.cairn(["add", "school", "--name", "Two"], store: store.url)
        let journal = try #require(
            FileManager.default.contentsOfDirectory(at: store.url.appendingPathComponent("journal"), includingPropertiesForKeys: nil).first)
        var lines = try String(contentsOf: journal, encoding: .utf8).components(separatedBy: "\n")
        lines[0] = String(lines[0].dropLast(5))
        try lines.joined(separator: "\n").write(to: journal, atomically: false, encoding: .utf8)
        let r = try Shell.cairn(["check"], store: store.url)
        #expect(r.status == 1)
        #expect(r.stdout.contains("line 1 is damaged"))
        let list = try Shell.cairn(["list", "schools"], store: store.url)
        #expect(list.stdout.contains("Two"))
    }

    @Test func without_a_terminal_the_screens_refuse_politely() throws {
        let store = TemporaryStore()
        let r = try Shell.cairn([], store: store.url)
        #expect(r.status != 0)
        #expect(r.stderr.contains("need a terminal"))
    }

    /// `cairn`, `cairn --store DIR` and `cairn --store=DIR` start the screens without the
    /// argument parser; `cairn open --store DIR` through it. In a terminal, each opens the store
    /// its arguments name (`$CAIRN_STORE` when none do); without one, each refuses alike; a
    /// `--store` without its directory, or a misspelt flag, is the parser's to refuse.
    @Test func the_plain_starts_and_the_parsers_agree() throws {
        let named = TemporaryStore()
        let fallback = TemporaryStore()
        #expect(try Shell.cairn(["add", "cluster", "--name", "Named by the flag"], store: named.url).status == 0)
        #expect(try Shell.cairn(["add", "cluster", "--name", "Named by CAIRN_STORE"], store: fallback.url).status == 0)
        let starts: [([String], String)] = [
            ([], "Named by CAIRN_STORE"), (["--store", named.url.path], "Named by the flag"),
            (["--store=\(named.url.path)"], "Named by the flag"), (["open", "--store", named.url.path], "Named by the flag"),
        ]
        for (args, shown) in starts {
            let tmux = try Tmux(
                width: 80, height: 24, environment: ["CAIRN_STORE": fallback.url.path, "XDG_STATE_HOME": named.state.path],
                command: [Shell.cairn] + args)
            let screen = try tmux.waitFor("Clusters (")
            #expect(screen.contains(shown), "\(args) showed:\n\(screen)")
            try tmux.send("q")
            try tmux.waitForExit()
        }
        var env = ProcessInfo.processInfo.environment
        env["CAIRN_STORE"] = fallback.url.path
        for (args, _) in starts {
            let r = try Shell.run(Shell.cairn, args, environment: env)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == "Error: cairn's screens need a terminal; without one, use the commands (cairn --help)\n", "\(args)")
        }
        let missing = try Shell.run(Shell.cairn, ["--store"], environment: env)
        #expect(missing.status != 0 && missing.stderr.contains("Missing value for '--store <dir>'"))
        let unknown = try Shell.run(Shell.cairn, ["--stor", named.url.path], environment: env)
        #expect(unknown.status != 0 && unknown.stderr.contains("Unknown option '--stor'"))
    }

    @Test func demo_loads_the_examples_once_and_list_shows_overdue() throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["demo"], store: store.url).stdout.contains("loaded 7 example clusters"))
        #expect(try Shell.cairn(["demo"], store: store.url).stdout.contains("already"))
        let overdue = try Shell.cairn(["list", "checkpoints", "--overdue", "--json"], store: store.url)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count >= 4)
        #expect(rows.allSatisfy { $0["done"] as? Bool == false })
    }
}

/// Failures gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) {
        lock.lock()
        items.append(s)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

@Suite struct FrameworkCommandLineTests {
    @Test func goals_actions_and_measurements_from_the_command_line_reach_the_export() throws {
        let store = TemporaryStore()
        let gent = "Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"
        _ = try Shell.cairn(["demo"], store: store.url)
        let goal = try Shell.cairn(
            [
                "add", "goal", "--cluster", gent, "--statement", "Minder spijbelen in de eerste graad", "--indicator",
                "aandeel zonder kwalificatie",
                "--unit", "%", "--baseline", "12", "--baseline-date", "-12m", "--target", "8", "--deadline", "+12m", "--owner", "CLB Gent",
            ],
            store: store.url)
        #expect(goal.status == 0, "\(goal.stderr)")
        let measure = try Shell.cairn(
            ["measure", "Minder spijbelen in de eerste graad", "--value", "10", "--date", "-1d"], store: store.url)
        #expect(measure.stdout.contains("on-track [#####-----]"), "\(measure.stdout) \(measure.stderr)")
        let action = try Shell.cairn(
            [
                "add", "action", "--cluster", gent, "--goal", "Minder spijbelen in de eerste graad", "--description", "Spijbelen opvolgen",
                "--responsible", "VDAB", "--class", "intervention",
            ],
            store: store.url)
        #expect(action.status == 0, "\(action.stderr)")
        let bad = try Shell.cairn(
            [
                "add", "action", "--cluster", gent, "--goal", "Minder spijbelen in de eerste graad", "--description", "x", "--responsible",
                "Nobody", "--class", "prevention",
            ],
            store: store.url)
        #expect(bad.status != 0 && bad.stderr.contains("is not a member"))
        let asked = try Shell.cairn(["measure", "Minder vroegtijdige schoolverlaters", "--value", "11.2"], store: store.url)
        #expect(asked.stdout.contains("ticked “Cijfers vroegtijdige schoolverlaters verzameld”"), "\(asked.stdout)")
        let doc = try Shell.export(store.url)
        let done = (doc["checkpoints"] as? [[String: Any]])?.first {
            $0["title"] as? String == "Cijfers vroegtijdige schoolverlaters verzameld"
        }
        #expect(done?["done"] as? Bool == true)
        #expect((done?["evidence"] as? String)?.hasPrefix("measured 11.2% on") == true)
        let goals = try #require(doc["goals"] as? [[String: Any]])
        let ours = try #require(goals.first { $0["statement"] as? String == "Minder spijbelen in de eerste graad" })
        #expect(ours["status"] as? String == "on-track")
        #expect(ours["direction"] as? String == "decrease")
        let goalID = goals.first { $0["statement"] as? String == "Minder spijbelen in de eerste graad" }?["id"] as? String
        #expect((doc["actions"] as? [[String: Any]])?.first { $0["goal"] as? String == goalID }?["class"] as? String == "intervention")
        #expect((doc["measurements"] as? [[String: Any]])?.first { $0["goal"] as? String == goalID }?["value"] as? Double == 10)
    }
}

@Suite struct CoverageCommandLineTests {
    @Test func coverage_and_gaps_by_cluster_and_region() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let cov = try Shell.cairn(["coverage", "Portree Learning Community", "--json"], store: store.url)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(cov.stdout.utf8)) as? [String: Any])
        let sectors = try #require(doc["sectors"] as? [[String: Any]])
        #expect(sectors.first { $0["sector"] as? String == "health" }?["regional"] as? Int == 1)
        #expect((doc["gaps"] as? [String])?.contains("health is absent locally (present at regional level)") == true)
        let region = try Shell.cairn(["coverage", "--region", "lodz"], store: store.url)
        #expect(region.status == 0, "\(region.stderr)")
        #expect(
            region.stdout.contains("region Łódź (1 cluster):"),
            "named as the clusters name it, one cluster in the singular: \(region.stdout)")
        #expect(try Shell.cairn(["coverage", "--region", "Atlantis"], store: store.url).status != 0)
        let gaps = try Shell.cairn(["gaps", "Sieć Współpracy Szkół Bałuty", "--json"], store: store.url)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(gaps.stdout.utf8)) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["kind"] as? String }).count == 7)
    }

    @Test func coverage_of_a_region_counts_one_cluster_in_the_singular_and_two_in_the_plural() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Þingeyjarskóli og nágrenni", "--region", "Norðurland eystra"], store: store.url)
        let one = try Shell.cairn(["coverage", "--region", "Norðurland eystra"], store: store.url)
        #expect(one.stdout.hasPrefix("Coverage of region Norðurland eystra (1 cluster): 0 schools;"), "\(one.stdout)")
        #expect(!one.stdout.contains("1 clusters"), "\(one.stdout)")
        _ = try Shell.cairn(["add", "cluster", "--name", "Akureyri skólar", "--region", "Norðurland eystra"], store: store.url)
        let two = try Shell.cairn(["coverage", "--region", "Norðurland eystra"], store: store.url)
        #expect(two.stdout.hasPrefix("Coverage of region Norðurland eystra (2 clusters): 0 schools;"), "\(two.stdout)")
    }
}

@Suite struct ImportCommandLineTests {
    static let nz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CairnStoreTests/Fixtures/nz-schools-directory.csv").path

    @Test func importing_the_register_twice_adds_it_once_and_a_dry_run_writes_nothing() throws {
        let store = TemporaryStore()
        let args = ["import", Self.nz, "--cluster-by", "Community of Learning: ID,Community of Learning: Name"]
        let dry = try Shell.cairn(args + ["--dry-run"], store: store.url)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("2539 added"))
        #expect(dry.stdout.contains("dry run: nothing written"))
        #expect((try Shell.export(store.url)["schools"] as? [Any])?.isEmpty == true)
        let real = try Shell.cairn(args, store: store.url)
        #expect(real.stdout.contains("197 clusters added, 1629 memberships added"))
        let again = try Shell.cairn(args, store: store.url)
        #expect(again.stdout.contains("0 added, 0 updated, 2539 unchanged, 0 skipped"))
        let doc = try Shell.export(store.url)
        #expect((doc["schools"] as? [Any])?.count == 2539)
        #expect((doc["clusters"] as? [Any])?.count == 197)
        let missing = try Shell.cairn(["import", "/nonexistent.csv"], store: store.url)
        #expect(missing.status != 0 && missing.stderr.contains("cannot read"))
    }
}

@Suite struct CSVExportCommandLineTests {
    @Test func export_csv_gives_one_table_and_bad_words_get_a_message() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let goals = try Shell.cairn(["export", "--format", "csv", "--what", "goals"], store: store.url)
        #expect(goals.status == 0, "\(goals.stderr)")
        let lines = goals.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "id,cluster,statement,indicator,unit,baseline,baselineDate,target,deadline,priority,direction,owner,latest,status,contributesTo"
        )
        #expect(lines.count == 10)  // header + 9 example goals
        let members = try Shell.cairn(
            ["export", "--format", "csv", "--what", "members", "--cluster", "Portree Learning Community"], store: store.url)
        #expect(members.stdout.split(separator: "\n").count == 7)
        #expect(members.stdout.contains("Bun-sgoil Phort Rìgh"))
        #expect(try Shell.cairn(["export", "--format", "csv"], store: store.url).stderr.contains("needs --what"))
        #expect(try Shell.cairn(["export", "--format", "xlsx"], store: store.url).status != 0)
    }
}

@Suite struct JSONRoundTripTests {
    @Test func importing_a_json_export_into_an_empty_store_rebuilds_the_same_state() throws {
        let first = TemporaryStore()
        let second = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: first.url)
        _ = try Shell.cairn(["measure", "Minder vroegtijdige schoolverlaters", "--value", "11"], store: first.url)
        let export = try Shell.cairn(["export", "--format", "json"], store: first.url)
        let file = first.root.appendingPathComponent("export.json")
        try Data(export.stdout.utf8).write(to: file)
        let imported = try Shell.cairn(["import", file.path], store: second.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Shell.cairn(["export", "--format", "json"], store: second.url).stdout == export.stdout)
        let again = try Shell.cairn(["import", file.path], store: second.url)
        #expect(again.status != 0 && again.stderr.contains("empty store only"))
    }
}

@Suite struct ReportCommandLineTests {
    @Test func report_to_a_file_for_a_cluster_and_for_a_region() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let file = store.root.appendingPathComponent("portree.md").path
        let r = try Shell.cairn(["report", "Portree Learning Community", "--format", "markdown", "--output", file], store: store.url)
        #expect(r.stdout.contains("report written to \(file)"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("# Portree Learning Community"))
        #expect(text.contains("funding ends"))
        let region = try Shell.cairn(["report", "--region", "Highland (Northern Alliance)"], store: store.url)
        #expect(region.stdout.contains("| Portree Learning Community |"))
        let html = try Shell.cairn(["report", "Portree Learning Community", "--format", "html"], store: store.url)
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<svg"))
        #expect(try Shell.cairn(["report", "Portree Learning Community", "--format", "pdf"], store: store.url).status != 0)
    }
}

@Suite struct ImportSourceTests {
    @Test func an_update_from_an_import_says_so_in_the_journal() throws {
        let store = TemporaryStore()
        let file = store.root.appendingPathComponent("register.csv")
        try Data("id,name,city\n1,Alpha,Aveiro\n".utf8).write(to: file)
        _ = try Shell.cairn(["import", file.path], store: store.url)
        try Data("id,name,city\n1,Alpha,Porto\n".utf8).write(to: file)
        let second = try Shell.cairn(["import", file.path], store: store.url)
        #expect(second.stdout.contains("0 added, 1 updated"))
        let journal = try #require(
            FileManager.default.contentsOfDirectory(at: store.url.appendingPathComponent("journal"), includingPropertiesForKeys: nil).first)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"source\":\"import of register.csv [imp-") })
        // The update writes the one field it changed, with what it was.
        #expect(lines[1].contains("\"op\":\"edit\""))
        #expect(lines[1].contains("\"municipality\":{\"new\":\"Porto\",\"old\":\"Aveiro\"}"), "\(lines[1])")
    }
}

@Suite struct UndoImportCommandTests {
    @Test func undo_import_by_file_or_by_id_deletes_what_it_added_and_puts_back_what_it_changed() throws {
        let store = TemporaryStore()
        let file = store.root.appendingPathComponent("rede.csv")
        try Data("id,name,city\n1,Alpha,Aveiro\n".utf8).write(to: file)
        let first = try Shell.cairn(["import", file.path], store: store.url)
        let id = try #require(first.stdout.split(separator: "\n").first { $0.hasPrefix("undo it with: cairn undo-import imp-") })
            .split(separator: " ").last.map(String.init)
        try Data("id,name,city\n1,Alpha,Porto\n2,Beta,Braga\n".utf8).write(to: file)
        #expect(try Shell.cairn(["import", file.path], store: store.url).stdout.contains("1 added, 1 updated"))
        let dry = try Shell.cairn(["undo-import", "rede.csv", "--dry-run"], store: store.url)
        #expect(dry.stdout.contains("dry run: 1 record deleted, 1 put back as before; nothing written"), "\(dry.stdout)\(dry.stderr)")
        let undone = try Shell.cairn(["undo-import", file.path], store: store.url)
        #expect(undone.status == 0 && undone.stdout.contains("undone: 1 record deleted, 1 put back as before"), "\(undone.stderr)")
        let schools = try Shell.export(store.url)["schools"] as? [[String: Any]] ?? []
        #expect(schools.count == 1 && schools.first?["municipality"] as? String == "Aveiro")
        let again = try Shell.cairn(["undo-import", "rede.csv"], store: store.url)
        #expect(again.status != 0 && again.stderr.contains("was undone already, by "), "\(again.stderr)")
        // The first import, by its id: the school it added goes too.
        let byID = try Shell.cairn(["undo-import", try #require(id)], store: store.url)
        #expect(byID.status == 0, "\(byID.stderr)")
        #expect((try Shell.export(store.url)["schools"] as? [Any])?.isEmpty == true)
        let log = try Shell.cairn(["log", "--json"], store: store.url)
        #expect(log.stdout.contains("\"source\" : \"undo of import imp-"), "\(log.stdout)")
        let unknown = try Shell.cairn(["undo-import", "nowhere.csv"], store: store.url)
        #expect(unknown.status != 0 && unknown.stderr.contains("no import is “nowhere.csv”: the latest are imp-"))
    }
}

/// `cairn edit` and `cairn delete`: the rule book's operations by field name, from a script.
@Suite struct EditAndDeleteCommandLineTests {
    @Test func edit_sets_fields_by_their_export_names_and_says_what_changed() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Rede de Óbidos"], store: store.url)
        let id = try Shell.cairn(["add", "school", "--name", "Escola de São João", "--municipality", "Óbidos"], store: store.url)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try Shell.cairn(["edit", "Escola de São João", "municipality=Loures", "phases=primary,lower-secondary"], store: store.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("municipality: Óbidos → Loures"))
        #expect(r.stdout.contains("phases: (none) → primary,lower-secondary"))
        let list = try Shell.cairn(["list", "schools", "--json"], store: store.url).stdout
        #expect(list.contains("\"municipality\" : \"Loures\""))
        for bad in [["colour=red"], ["phases=tertiary"], ["due=2027-01-15"]] {
            let refused = try Shell.cairn(["edit", id] + bad, store: store.url)
            #expect(refused.status != 0, "\(bad) was accepted")
            #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }
        // Not FIELD=VALUE at all: the parser's own error, with its usage line.
        let malformed = try Shell.cairn(["edit", id, "municipality"], store: store.url)
        #expect(malformed.stderr.hasPrefix("Error: “municipality” is not FIELD=VALUE"))
        let unknown = try Shell.cairn(["edit", id, "colour=red"], store: store.url)
        #expect(unknown.stderr.contains("school has no field “colour”: use one of name, officialId, phases"))
        let journal = try Shell.journalLines(store.url)
        #expect(journal == 3, "a refused edit wrote something")
    }

    @Test func delete_applies_the_tuis_cascade_and_prints_what_went_with_it() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Rede de Óbidos"], store: store.url)
        _ = try Shell.cairn(["add", "school", "--name", "Escola de São João", "--cluster", "Rede de Óbidos"], store: store.url)
        _ = try Shell.cairn(["add", "checkpoint", "--cluster", "Rede de Óbidos", "--title", "Reunião", "--due", "+1w"], store: store.url)
        let r = try Shell.cairn(["delete", "Rede de Óbidos"], store: store.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Deleted cluster “Rede de Óbidos”"))
        #expect(r.stdout.contains("removed member “Escola de São João”"))
        #expect(r.stdout.contains("deleted checkpoint “Reunião”"))
        let schools = try Shell.cairn(["list", "schools", "--json"], store: store.url).stdout
        #expect(schools.contains("Escola de São João"), "the school itself stays")
        #expect(try Shell.cairn(["delete", "Rede de Óbidos"], store: store.url).status != 0)
    }
}

/// One name order everywhere: case- and accent-folded, then the exact text.
@Suite struct NameOrderCommandLineTests {
    static let names = ["Zamość", "Lyon", "Łódź", "Ørsted", "Lisbon", "élan"]
    static let expected = ["élan", "Lisbon", "Łódź", "Lyon", "Ørsted", "Zamość"]

    @Test func list_exports_and_reports_put_names_in_the_same_order() throws {
        let store = TemporaryStore()
        for name in Self.names { _ = try Shell.cairn(["add", "cluster", "--name", name, "--region", "Norte"], store: store.url) }
        func order(_ text: String) -> [String] {
            Self.expected.sorted { text.range(of: $0)!.lowerBound < text.range(of: $1)!.lowerBound }
        }
        let list = try Shell.cairn(["list", "clusters"], store: store.url).stdout
        #expect(order(list) == Self.expected, "cairn list")
        let json = (try Shell.export(store.url)["clusters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(json == Self.expected, "JSON export")
        let csv = try Shell.cairn(["export", "--format", "csv", "--what", "clusters"], store: store.url).stdout
        #expect(order(csv) == Self.expected, "CSV export")
        let report = try Shell.cairn(["report", "--region", "Norte"], store: store.url).stdout
        #expect(order(report) == Self.expected, "region report")
    }
}

/// A tick that lost its day (an old restore could write one) is listed, not a crash.
@Suite struct HalfTickCommandLineTests {
    @Test func cairn_list_shows_a_tick_without_its_day() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Rede de Óbidos"], store: store.url)
        let written = try Store(directory: store.url)
        let cluster = try #require(written.world.clusters.values.first)
        var half = Checkpoint(cluster: cluster.id, title: "Visita sem data", due: Day.today())
        half.doneBy = "ana"
        try written.commit([.put(.checkpoint(half))])  // straight to the journal, as an old restore did
        let table = try Shell.cairn(["list", "checkpoints"], store: store.url)
        #expect(table.status == 0, "\(table.stderr)")
        let row = try #require(table.stdout.split(separator: "\n").first { $0.contains("Visita sem data") })
        #expect(row.contains("day unknown  ana"), "\(row)")
        let json = try Shell.cairn(["list", "checkpoints", "--json"], store: store.url)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"doneOn\" : null"))
    }
}

/// The register flags of issue 11 through the built binary.
@Suite struct RegisterFlagsTests {
    @Test func phase_columns_phase_words_and_clusters_by_name_alone() throws {
        let store = TemporaryStore()
        let register = store.root.appendingPathComponent("rede.csv")
        try Data(
            """
            Nome;Concelho;Tipo;JI (s/n);Secundário (s/n);Agrupamento
            Escola Básica Cesário Verde;Lisboa;EB1;n;n;Agrupamento de Escolas Eugénio dos Santos
            Escola Básica Cesário Verde;Loures;EB1;s;n;Agrupamento de Escolas de Loures
            Escola Artística António Arroio;Lisboa;Artística;n;s;Agrupamento de Escolas Eugénio dos Santos

            """.utf8
        ).write(to: register)
        let words = store.root.appendingPathComponent("words.txt")
        try Data("# Lisboa's own\nArtística = upper-secondary, vocational\n".utf8).write(to: words)
        let result = try Shell.cairn(
            [
                "import", register.path, "--phase-words", words.path, "--phase-column", "JI (s/n)=early-childhood",
                "--cluster-by", "Agrupamento",
            ], store: store.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("phase columns: early-childhood ← “JI (s/n)” (yes on 1)"), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "possible duplicate, line 3: “Escola Básica Cesário Verde” (Loures) has the name of line 2 (Lisboa); both kept"))
        #expect(result.stdout.contains("clusters are matched by their name"))
        let doc = try Shell.export(store.url)
        let schools = doc["schools"] as? [[String: Any]] ?? []
        #expect(schools.count == 3)
        #expect(schools.first { $0["municipality"] as? String == "Loures" }?["phases"] as? [String] == ["early-childhood", "primary"])
        #expect(
            schools.first { ($0["name"] as? String)?.hasPrefix("Escola Artística") == true }?["phases"] as? [String] == [
                "upper-secondary", "vocational",
            ])
        #expect(
            (doc["clusters"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.sorted() == [
                "Agrupamento de Escolas Eugénio dos Santos", "Agrupamento de Escolas de Loures",
            ])
        // The same file again: nothing new, the clusters found by their names.
        let again = try Shell.cairn(
            [
                "import", register.path, "--phase-words", words.path, "--phase-column", "JI (s/n)=early-childhood", "--cluster-by",
                "Agrupamento",
            ], store: store.url)
        #expect(again.stdout.contains("0 added, 0 updated, 3 unchanged"), "\(again.stdout)")
        #expect(!again.stdout.contains("clusters added"))
        let bad = try Shell.cairn(["import", register.path, "--phase-column", "Boarding=special", "--dry-run"], store: store.url)
        #expect(bad.status != 0 && bad.stderr.contains("the register has no column “Boarding”"), "\(bad.stderr)")
    }

    @Test func measurements_and_assessments_export_as_tables() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let m = try Shell.cairn(["export", "--format", "csv", "--what", "measurements"], store: store.url)
        #expect(m.status == 0 && m.stdout.hasPrefix("id,cluster,clusterName,goal,statement,indicator,date,value,unit,by,source,ticked\n"))
        #expect(m.stdout.split(separator: "\n").count > 2)
        let a = try Shell.cairn(
            ["export", "--format", "csv", "--what", "assessments", "--cluster", "Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"],
            store: store.url)
        #expect(a.status == 0 && a.stdout.contains("De stad beslist vaak alleen over het budget."), "\(a.stderr)")
    }
}

import Foundation
import Testing

/// What the built `cairn`'s commands print for a person, in the language `--lang` names, while
/// what a program reads (ids, `--json`) stays the same in every language.
@Suite struct CommandMessagesLanguageTests {
    static let bairro = "Sieć Współpracy Szkół Bałuty"

    @Test func list_prints_its_titles_in_polish_and_its_json_byte_for_byte_as_in_english() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let polish = try Shell.cairn(["--lang", "pl", "list", "checkpoints"], store: store.url)
        #expect(polish.status == 0, "\(polish.stderr)")
        let titles = try #require(polish.stdout.split(separator: "\n").first)
        for word in ["STAN", "TERMIN", "TYTUŁ", "SIEĆ", "WYKONANO", "KTO", "DOWÓD"] { #expect(titles.contains(word), "\(titles)") }
        let english = try Shell.cairn(["list", "checkpoints"], store: store.url)
        #expect(english.stdout.hasPrefix("ID "), "\(english.stdout.prefix(200))")
        let englishTitles = try #require(english.stdout.split(separator: "\n").first)
        for word in ["STATUS", "DUE", "TITLE", "CLUSTER", "DONE ON", "EVIDENCE"] {
            #expect(englishTitles.contains(word), "\(englishTitles)")
        }
        for what in ["clusters", "schools", "agencies", "checkpoints"] {
            let json = try Shell.cairn(["--lang", "pl", "list", what, "--json"], store: store.url)
            let plain = try Shell.cairn(["list", what, "--json"], store: store.url)
            #expect(Array(json.stdout.utf8) == Array(plain.stdout.utf8), "list \(what) --json changes with --lang pl")
        }
        let empty = TemporaryStore()
        let none = try Shell.cairn(["--lang", "pt", "list", "schools"], store: empty.url)
        #expect(none.stdout.hasPrefix("nenhuma escola em "), "\(none.stdout)")
    }

    @Test func add_and_tick_in_portuguese_print_the_id_and_say_the_rest_in_portuguese() throws {
        let store = TemporaryStore()
        let cluster = try Shell.cairn(["--lang", "pt", "add", "cluster", "--name", "Agrupamento de Escolas de Óbidos"], store: store.url)
        #expect(cluster.status == 0, "\(cluster.stderr)")
        #expect(cluster.stdout.hasPrefix("clu-"), "an id, the same in every language: \(cluster.stdout)")
        let school = try Shell.cairn(
            ["--lang", "pt", "add", "school", "--name", "Escola Básica de Óbidos", "--cluster", "Agrupamento de Escolas de Óbidos"],
            store: store.url)
        #expect(school.status == 0, "\(school.stderr)")
        let again = try Shell.cairn(["--lang", "pt", "add", "school", "--name", "Escola Básica de Óbidos"], store: store.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.hasPrefix("aviso: ") && again.stderr.contains("; foi acrescentado um segundo"), "\(again.stderr)")
        let checkpoint = try Shell.cairn(
            [
                "--lang", "pt", "add", "checkpoint", "--cluster", "Agrupamento de Escolas de Óbidos", "--title", "Reunião do conselho",
                "--due", "amanhã",
            ],
            store: store.url)
        #expect(checkpoint.status == 0, "a due day typed in Portuguese: \(checkpoint.stderr)")
        let wrong = try Shell.cairn(["--lang", "pt", "tick", "Reunião do conselho", "--on", "anteontem"], store: store.url)
        #expect(wrong.status != 0)
        #expect(
            wrong.stderr == "Erro: --on: “anteontem” não é uma data: use AAAA-MM-DD, hoje, ontem ou -3d (um dia posterior é recusado)\n",
            "\(wrong.stderr)")
        let ticked = try Shell.cairn(["--lang", "pt", "tick", "Reunião do conselho", "--on", "ontem"], store: store.url)
        #expect(ticked.status == 0, "the day the Portuguese hint offers is read: \(ticked.stderr)")
        let english = try Shell.cairn(["tick", "Reunião do conselho", "--on", "anteontem"], store: store.url)
        #expect(english.stderr.contains("“anteontem” is not a date: use YYYY-MM-DD, today, yesterday or -3d"), "\(english.stderr)")
    }

    @Test func a_validation_error_is_polish_and_ends_with_the_commands_help() throws {
        let store = TemporaryStore()
        let csv = try Shell.cairn(["--lang", "pl", "export", "--format", "csv"], store: store.url)
        #expect(csv.status != 0)
        #expect(csv.stderr.hasPrefix("Błąd: --format csv wymaga --what, czyli tabeli: jednej z "), "\(csv.stderr)")
        #expect(csv.stderr.hasSuffix("(cairn export --help)\n"), "\(csv.stderr)")
        let edit = try Shell.cairn(["--lang", "pl", "edit", "X", "Loures"], store: store.url)
        #expect(edit.stderr.hasPrefix("Błąd: „Loures” nie jest postaci FIELD=VALUE"), "\(edit.stderr)")
        let english = try Shell.cairn(["edit", "X", "Loures"], store: store.url)
        #expect(english.stderr.hasPrefix("Error: “Loures” is not FIELD=VALUE"), "\(english.stderr)")
    }

    @Test func the_parsers_own_mistakes_are_said_in_polish_and_a_refused_lang_in_the_environments_language() throws {
        let store = TemporaryStore()
        let missing = try Shell.cairn(["--lang", "pl", "tick"], store: store.url)
        #expect(missing.status != 0)
        #expect(missing.stderr == "Błąd: Brak oczekiwanego argumentu '<checkpoint>' (cairn tick --help)\n", "\(missing.stderr)")
        #expect(!missing.stderr.contains("Missing expected argument"), "\(missing.stderr)")
        let unknown = try Shell.cairn(["--lang", "pl", "list", "schools", "--bogus"], store: store.url)
        #expect(unknown.stderr.contains("'--bogus'") && !unknown.stderr.contains("Unknown option"), "\(unknown.stderr)")
        let value = try Shell.cairn(["--lang", "pl", "list", "nothing"], store: store.url)
        #expect(value.stderr.contains("'nothing'") && !value.stderr.contains("is invalid"), "\(value.stderr)")
        #expect(!value.stderr.contains("Please provide") && value.stderr.contains("'agencies' lub 'checkpoints'."), "\(value.stderr)")
        let english = try Shell.cairn(["tick"], store: store.url)
        #expect(english.stderr == "Error: Missing expected argument '<checkpoint>' (cairn tick --help)\n", "\(english.stderr)")
        var env = ProcessInfo.processInfo.environment
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_STORE"] { env[name] = nil }
        env["CAIRN_LANG"] = "pl"
        let lang = try Shell.run(Shell.cairn, ["--lang", "xx", "list", "schools", "--store", store.url.path], environment: env)
        #expect(lang.status != 0)
        #expect(lang.stderr.hasPrefix("Błąd: --lang xx") && !lang.stderr.contains("does not speak"), "\(lang.stderr)")
    }

    @Test func demo_gaps_and_log_count_in_polish_with_polish_plurals() throws {
        let store = TemporaryStore()
        let demo = try Shell.cairn(["--lang", "pl", "demo"], store: store.url)
        #expect(demo.stdout.hasPrefix("wczytano 7 przykładowych sieci do "), "\(demo.stdout)")
        let again = try Shell.cairn(["--lang", "pl", "demo"], store: store.url)
        #expect(again.stdout.hasPrefix("przykłady są już w "), "\(again.stdout)")
        let gaps = try Shell.cairn(["--lang", "pl", "gaps"], store: store.url)
        #expect(gaps.status == 0, "\(gaps.stderr)")
        let counts = gaps.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(!counts.isEmpty)
        for line in counts {
            let n = try #require(Int(line.split(separator: " ").dropLast().last ?? ""), "\(line)")
            let word = n == 1 ? "brak" : (2...4).contains(n % 10) && !(12...14).contains(n % 100) ? "braki" : "braków"
            #expect(line.hasSuffix(": \(n) \(word)"), "\(line)")
        }
        let log = try Shell.cairn(["--lang", "pl", "log", Self.bairro], store: store.url)
        #expect(log.stdout.contains(" na ") && log.stdout.contains("  utworzenie  "), "\(log.stdout)")
        let json = try Shell.cairn(["--lang", "pl", "log", Self.bairro, "--json"], store: store.url)
        #expect(json.stdout.contains("\"op\" : \"create\""), "\(json.stdout.prefix(400))")
    }

    @Test func conflicts_in_polish_say_what_stands_and_what_does_not() throws {
        let hub = try SyncHub()
        let server = hub.machine("server")
        try server.must(["add", "cluster", "--name", "Sieć Łódź-Bałuty", "--region", "łódzkie"])
        try server.must(["sync", "--init", hub.bare.path])
        let laptop = try hub.clone("laptop")
        try server.must(["edit", "Sieć Łódź-Bałuty", "region=Łódź"])
        try laptop.must(["edit", "Sieć Łódź-Bałuty", "region=Bałuty"])
        _ = try laptop.sync()
        _ = try server.sync()
        let polish = try server.must(["--lang", "pl", "conflicts"])
        #expect(polish.contains("\n  zostaje „"), "\(polish)")
        #expect(polish.contains("\n  odpada  „"), "the values in one column: \(polish)")
        #expect(polish.contains("”  przez "), "\(polish)")
        #expect(polish.hasSuffix("1 konflikt: wybierz, co zachować, klawiszem C na ekranie startowym\n"), "\(polish)")
        let english = try server.must(["conflicts"])
        #expect(english.contains("\n  kept    “") && english.contains("\n  not     “"), "\(english)")
        #expect(english.hasSuffix("1 conflict: choose what to keep with C on the terminal UI's Home\n"), "\(english)")
    }
}

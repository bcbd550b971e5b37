import Foundation
import Testing

/// What the built `cairn` writes for a person, in the language `--lang` names: a report, a
/// plan, a published site, a calendar and the commands' help, each read back as it was written.
@Suite struct LanguageOutputTests {
    static let gent = "Lokaal netwerk Gent tegen vroegtijdig schoolverlaten"

    @Test func cairn_lang_pl_report_writes_the_cluster_report_in_polish() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let report = try Shell.cairn(["--lang", "pl", "report", "Sieć Współpracy Szkół Bałuty"], store: store.url)
        #expect(report.status == 0, "\(report.stderr)")
        for polish in ["## Członkowie", "## Cele", "## Działania", "## Porozumienie o monitorowaniu", "## Punkty kontrolne", "## Braki"] {
            #expect(report.stdout.contains(polish), "\(polish) in\n\(report.stdout)")
        }
        #expect(report.stdout.contains("Raport z monitorowania z dnia "), "\(report.stdout)")
        for english in ["## Members", "## Goals", "Monitoring report of", "## Cross-sector coverage", "| Responsibilities |"] {
            #expect(!report.stdout.contains(english), "\(english) left in\n\(report.stdout)")
        }
        let english = try Shell.cairn(["report", "Sieć Współpracy Szkół Bałuty"], store: store.url)
        #expect(english.stdout.contains("## Members") && english.stdout.contains("## Cross-sector coverage"))
    }

    @Test func cairn_lang_pt_plan_as_html_is_a_portuguese_page() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let plan = try Shell.cairn(["--lang", "pt", "plan", Self.gent, "--format", "html"], store: store.url)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"pt\">"), "\(plan.stdout.prefix(300))")
        for words in [
            "Plano de ação local", "Passo 1 · Parceiros", "Passo 2 · Objetivos", "Passo 3 · Ações", "Passo 4 · Acordo de acompanhamento",
            "Ainda em falta",
        ] {
            #expect(plan.stdout.contains(words), "\(words)")
        }
        #expect(!plan.stdout.contains("Step 1") && !plan.stdout.contains("Local action plan"))
    }

    @Test func cairn_lang_pt_publish_writes_portuguese_pages_that_say_their_language() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let site = store.root.appendingPathComponent("site")
        let published = try Shell.cairn(["--lang", "pt", "publish", site.path], store: store.url)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.hasPrefix("publicadas "), "\(published.stdout)")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("lang=\"pt\""))
        #expect(index.contains("<h1>Agrupamentos</h1>") && index.contains("Feito "), "\(index.prefix(600))")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") && $0 != "index.html" }
        #expect(!pages.isEmpty)
        for page in pages {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("lang=\"pt\""), "\(page)")
            #expect(html.contains("Todos os agrupamentos") && !html.contains("All clusters"), "\(page)")
        }
        let gent = try #require(pages.first { $0.hasPrefix("lokaal-netwerk-gent") && !$0.contains("roll-up") })
        let html = try String(contentsOf: site.appendingPathComponent(gent), encoding: .utf8)
        for words in ["Objetivos ao longo do tempo", "Saúde ao longo do tempo", "Calendário (.ics)", "valor de partida"] {
            #expect(html.contains(words), "\(words)")
        }
        for english in ["Goals over time", "Health over time", ">Calendar<", "baseline "] { #expect(!html.contains(english), "\(english)") }
    }

    @Test func cairn_lang_pl_help_is_polish_for_cairn_and_for_report() throws {
        let store = TemporaryStore()
        // Without --store, which would make it the help of `open`, the command run by default.
        let root = try Shell.run(Shell.cairn, ["--lang", "pl", "--help"])
        #expect(root.status == 0, "\(root.stderr)")
        for polish in [
            "OPIS: Przeglądaj sieci szkół", "UŻYCIE:", "OPCJE:", "MONITOROWANIE:", "Pokaż pomoc.", "Raport z monitorowania sieci",
        ] {
            #expect(root.stdout.contains(polish), "\(polish) in\n\(root.stdout)")
        }
        for english in ["OVERVIEW:", "OPTIONS:", "SUBCOMMANDS:", "Show help information.", "Browse school clusters", "A monitoring report"]
        {
            #expect(!root.stdout.contains(english), "\(english) left in\n\(root.stdout)")
        }
        let report = try Shell.cairn(["--lang", "pl", "report", "--help"], store: store.url)
        #expect(report.status == 0, "\(report.stderr)")
        for polish in [
            "ARGUMENTY:", "Sieć (id lub dokładna nazwa).", "Zapisz do tego pliku zamiast na standardowe wyjście.", "(wartości:",
            "domyślnie:",
        ] {
            #expect(report.stdout.contains(polish), "\(polish) in\n\(report.stdout)")
        }
        for english in ["The cluster (id or exact name).", "Write to this file", "(values:", "default:", "With no cluster"] {
            #expect(!report.stdout.contains(english), "\(english) left in\n\(report.stdout)")
        }
        let plain = try Shell.cairn(["report", "--help"], store: store.url)
        #expect(plain.stdout.contains("OPTIONS:") && plain.stdout.contains("The cluster (id or exact name)."))
    }

    @Test func an_error_line_says_error_in_the_language() throws {
        let store = TemporaryStore()
        let both = try Shell.cairn(["--lang", "de", "report", "X", "--region", "Y"], store: store.url)
        #expect(both.status != 0)
        #expect(both.stderr.hasPrefix("Fehler: nennen Sie einen Verbund"), "\(both.stderr)")
        #expect(both.stderr.contains("(cairn report --help)"), "\(both.stderr)")
    }
}

/// The calendar in another language: its words translated, its structure the same, still read
/// by both calendar readers.
@Suite(.enabled(if: CalendarReaders.required)) struct CalendarLanguageTests {
    @Test func a_polish_calendar_parses_with_its_words_in_polish() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let result = try Shell.cairn(["--lang", "pl", "export", "--format", "ics"], store: store.url)
        #expect(result.status == 0, "\(result.stderr)")
        let file = store.root.appendingPathComponent("pl.ics")
        try Data(result.stdout.utf8).write(to: file)
        let english = try Shell.cairn(["export", "--format", "ics"], store: store.url)
        let events = try CalendarReaders.components(file)
        #expect(events.count == english.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1)
        #expect(events.allSatisfy { $0["DTSTART"] != nil && $0["DTEND"] != nil && $0["UID"]?.hasSuffix("@cairn") == true })
        let goal = try #require(events.first { $0["CATEGORIES"] == "Cel" && $0["SUMMARY"]?.contains("4.º para o 5.º ano") == true })
        #expect(goal["SUMMARY"]?.hasPrefix("Termin celu: ") == true, "\(goal)")
        #expect(goal["DESCRIPTION"]?.contains("Wskaźnik: taxa de retenção no 5.º ano") == true, "\(goal)")
        #expect(events.allSatisfy { !($0["DESCRIPTION"] ?? "").contains("Status: ") && $0["CATEGORIES"] != "Goal" })
        let khal = try CalendarReaders.khalEvents(file)
        #expect(khal.count == "\(events.count) events found in \(file.path)")
    }
}

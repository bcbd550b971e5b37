import Foundation
import Testing

/// The room's language on the built binary: chosen by `LANGUAGE` on a machine with no locale
/// of it generated (this one has only C), or by `--lang` anywhere on the line.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct LanguageJourneyTests {
    @Test func language_pt_shows_the_workshop_in_portuguese_without_a_pt_locale() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux(
            width: 64, height: 20,
            environment: ["LANGUAGE": "pt", "LANG": "C.UTF-8", "XDG_STATE_HOME": store.root.appendingPathComponent("state").path],
            command: [Shell.cairn, "workshop", "Agrupamento de Escolas Josefa de Óbidos", "--store", store.url.path])
        let screen = try tmux.waitFor("Passo 1 de 4")
        #expect(screen.contains("Mapear os parceiros"), "\(screen)")
        #expect(!screen.contains("Map the stakeholders"))
        try tmux.send("2")
        try tmux.waitFor("Acordar objetivos comuns")
    }

    @Test func the_lang_flag_anywhere_on_the_line_chooses_and_an_unknown_one_is_one_line() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux(
            width: 80, height: 24, environment: ["LANGUAGE": "pt", "XDG_STATE_HOME": store.root.appendingPathComponent("state").path],
            command: [Shell.cairn, "--lang", "pl", "workshop", "Sieć Współpracy Szkół Bałuty", "--store", store.url.path])
        try tmux.waitFor("Krok 1 z 4 · Zmapujcie partnerów")
        let refused = try Shell.cairn(["list", "clusters", "--lang", "tlh"], store: store.url)
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("--lang tlh: Cairn does not speak it; it speaks en, pt, nl, pl, fi, is, cy, nb, fr, de"),
            "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        let listed = try Shell.cairn(["list", "clusters", "--lang=nl"], store: store.url)
        #expect(listed.status == 0, "\(listed.stderr)")
    }

    @Test func t_on_home_switches_the_session_and_every_screen_speaks_it_from_the_next_frame() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, environment: ["LANG": "C.UTF-8"])
        try tmux.send("T")
        try tmux.waitFor("Polski")
        try tmux.send("j", "j", "j", "Enter")
        // The frame that shows the first Polish word shows them all: nothing is left in English.
        try tmux.waitFor("Sieci (")
        let home = try tmux.settledScreen()
        for polish in ["Szkoły (", "Instytucje (", "Punkty kontrolne (", "Sieć", "Region", "Enter otwórz", "? pomoc", "q wyjdź"] {
            #expect(home.contains(polish), "\(polish): \(home)")
        }
        #expect(home.contains("Cairn mówi w tej sesji: Polski."), "\(home)")
        for english in ["Clusters (", "Schools (", "Weakest point", "Next due", "open", "help", "quit"] {
            #expect(!home.contains(english), "\(english): \(home)")
        }
        try tmux.send("Enter")
        try tmux.waitFor("Członkowie (")
        let cluster = try tmux.settledScreen()
        #expect(cluster.contains("Lider:") && cluster.contains("Enter otwórz") && cluster.contains("q wstecz"), "\(cluster)")
        #expect(!cluster.contains("Members") && !cluster.contains("Lead:") && !cluster.contains("Enter open"), "\(cluster)")
        try tmux.send("q", "T", "g", "Enter")
        try tmux.waitFor("Clusters (")
        let english = try tmux.settledScreen()
        #expect(english.contains("Enter open") && english.contains("Cairn speaks English for this session."), "\(english)")
    }
}

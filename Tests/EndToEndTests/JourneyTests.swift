import CairnStore
import Foundation
import Testing

/// The main journeys, on the built binary in a real pty (tmux at 80x24).
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct JourneyTests {
    @Test func add_a_cluster_a_new_school_through_the_picker_and_tick_a_checkpoint() throws {
        let store = TemporaryStore()
        let tmux = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try tmux.send("a")
        try tmux.waitFor("New cluster")
        try tmux.type("Kāhui Ako ki Ōtautahi")
        try tmux.send("Enter")
        try tmux.waitFor("Added cluster “Kāhui Ako ki Ōtautahi”")

        try tmux.send("Enter")
        try tmux.waitFor("No members yet")
        try tmux.send("a")
        try tmux.waitFor("Add a member to Kāhui Ako ki Ōtautahi")
        try tmux.type("Þingeyjarskóli – Łódź")
        try tmux.send("Enter")  // the pinned "+ New school…" row
        try tmux.waitFor("New school")
        try tmux.send("Enter")
        try tmux.waitFor("Þingeyjarskóli – Łódź in Kāhui Ako ki Ōtautahi")
        try tmux.type("partner school")
        try tmux.send("Enter")
        let members = try tmux.waitFor("Added member")
        #expect(members.contains("Þingeyjarskóli – Łódź"))
        #expect(members.contains("partner school"))

        try tmux.send("Tab")
        try tmux.waitFor("No checkpoints yet")
        try tmux.send("a")
        try tmux.waitFor("New checkpoint")
        try tmux.type("Hui tuatahi")
        try tmux.send("Tab")
        try tmux.type("+1w")
        try tmux.send("Enter")
        try tmux.waitFor("Added checkpoint “Hui tuatahi”")
        try tmux.send("Space")
        try tmux.waitFor("Tick off “Hui tuatahi”")
        try tmux.type("minutes on the drive")
        try tmux.send("Enter")
        try tmux.waitFor("Ticked “Hui tuatahi” as done")
        try tmux.send("q")
        try tmux.waitFor("[1 Clusters (1)]")
        try tmux.send("q")
        try tmux.waitForExit()

        let doc = try Shell.export(store.url)
        let clusters = doc["clusters"] as? [[String: Any]] ?? []
        let schools = doc["schools"] as? [[String: Any]] ?? []
        let checkpoints = doc["checkpoints"] as? [[String: Any]] ?? []
        let cluster = try #require(clusters.first)
        #expect(cluster["name"] as? String == "Kāhui Ako ki Ōtautahi")
        let school = try #require(schools.first)
        #expect(school["name"] as? String == "Þingeyjarskóli – Łódź")
        let member = try #require((cluster["members"] as? [[String: Any]])?.first)
        #expect(member["id"] as? String == school["id"] as? String)
        #expect(member["role"] as? String == "partner school")
        #expect(member["lead"] as? Bool == false)
        let checkpoint = try #require(checkpoints.first)
        #expect(checkpoint["title"] as? String == "Hui tuatahi")
        #expect(checkpoint["done"] as? Bool == true)
        #expect(checkpoint["doneBy"] as? String == Identity.current().user)
        #expect(checkpoint["evidence"] as? String == "minutes on the drive")
        #expect(checkpoint["cluster"] as? String == cluster["id"] as? String)
    }

    @Test func a_dropped_link_mid_form_keeps_the_draft_and_the_next_start_offers_it() throws {
        let store = TemporaryStore()
        let first = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try first.send("a")
        try first.waitFor("New cluster")
        try first.type("Rede de Escolas do Ñandú")
        try first.waitFor("Rede de Escolas do Ñandú")
        try first.hangUp()  // SIGHUP, as when the SSH link drops

        // The session must end (no orphan spinning on a dead terminal) and leave its draft.
        let deadline = Date().addingTimeInterval(10)
        var left: [String] = []
        while Date() < deadline {
            left = store.draftFiles()
            if !left.isEmpty, try Shell.run("/usr/bin/env", ["pgrep", "-f", store.url.path]).status != 0 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(left.count == 1)
        #expect(try Shell.run("/usr/bin/env", ["pgrep", "-f", store.url.path]).status != 0, "cairn still runs after SIGHUP")

        let second = try Tmux.cairn(store: store.url, ready: "Restore “New cluster”")
        try second.send("y")
        try second.waitFor("Rede de Escolas do Ñandú")
        try second.send("Enter")
        try second.waitFor("Added cluster “Rede de Escolas do Ñandú”")
        let clusters = try Shell.export(store.url)["clusters"] as? [[String: Any]] ?? []
        #expect(clusters.map { $0["name"] as? String } == ["Rede de Escolas do Ñandú"])
    }

    @Test func a_30x8_terminal_says_it_is_too_small_and_recovers_at_80x23() throws {
        let store = TemporaryStore()
        let tmux = try Tmux.cairn(store: store.url, width: 30, height: 8, ready: "too small")
        let small = try tmux.screen()
        #expect(small.contains("64×20"), "Home lays itself out from a projector's 64x20: \(small)")
        // 80x24 less a multiplexer's status line: everything works from here.
        try tmux.resize(width: 80, height: 23)
        let big = try tmux.waitFor("Welcome to Cairn")
        #expect(!big.contains("too small"))
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("a 100-column frame") { $0.split(separator: "\n").first?.count ?? 0 > 90 }
    }

    @Test func a_second_session_shows_the_first_sessions_changes_with_no_key_pressed() throws {
        let store = TemporaryStore()
        let a = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        let b = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try a.send("a")
        try a.waitFor("New cluster")
        try a.type("Szkoły Łodzi")
        try a.send("Enter")
        try a.waitFor("Added cluster")
        let started = Date()
        try b.waitFor("Szkoły Łodzi", timeout: 10)
        let seconds = Date().timeIntervalSince(started)
        print("second session showed the change after \(String(format: "%.2f", seconds)) s")
    }

    @Test(arguments: [
        ["TERM": "vt100"], ["TERM": "linux"], ["LANG": "C", "LC_ALL": "C"], ["NO_COLOR": "1", "TERM": "vt100", "LANG": "C"],
    ])
    func it_starts_and_works_on_plain_terminals_and_locales(_ environment: [String: String]) throws {
        let store = TemporaryStore()
        #expect(try Shell.cairn(["add", "school", "--name", "Szkoła Podstawowa nr 3 w Łodzi"], store: store.url).status == 0)
        let tmux = try Tmux.cairn(store: store.url, environment: environment, ready: "Clusters (0)")
        try tmux.send("2")
        try tmux.waitFor("Szkoła Podstawowa nr 3 w Łodzi")
        try tmux.send("BTab")  // Shift-Tab arrives as ESC [ Z, which vt100's terminfo does not name
        try tmux.waitFor("[1 Clusters (0)]")
        try tmux.send("End")
        try tmux.send("C-c")
        try tmux.waitForExit()
    }

    @Test func a_key_typed_right_after_esc_is_not_lost() throws {
        let store = TemporaryStore()
        let tmux = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try tmux.send("a")
        try tmux.waitFor("New cluster")
        try tmux.send("Escape", "2")  // one burst, as a slow link delivers it
        try tmux.waitFor("[2 Schools (0)]")
    }
}

@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct FrameworkJourneyTests {
    @Test func recording_a_measurement_changes_the_goals_status_on_screen() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, ready: "Clusters (7)")
        try tmux.send("/")
        try tmux.type("gent")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("Lokaal netwerk Gent")
        try tmux.send("Tab", "Tab")
        try tmux.waitFor("off-track [##--------] Minder vroegtijdige")
        try tmux.send("m")
        try tmux.waitFor("Measure: Minder vroegtijdige schoolverlaters")
        try tmux.type("9.2")
        try tmux.send("Enter")
        try tmux.waitFor("> on-track [#######---]")
        let goals = try Shell.export(store.url)["goals"] as? [[String: Any]] ?? []
        #expect(goals.first { $0["statement"] as? String == "Minder vroegtijdige schoolverlaters" }?["status"] as? String == "on-track")
    }
}

@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct WorkshopJourneyTests {
    @Test func workshop_mode_from_step_1_to_step_4_adding_a_goal_on_the_way() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["add", "cluster", "--name", "Kāhui Ako o Ōtautahi"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, ready: "Clusters (1)")
        try tmux.send("w")
        try tmux.waitFor("Step 1 of 4 · Map the stakeholders")
        try tmux.send("Right")
        try tmux.waitFor("Step 2 of 4 · Agree shared goals")
        try tmux.waitFor("✗ no shared goal yet")
        try tmux.send("a")
        try tmux.waitFor("New goal")
        try tmux.type("Kia piki te taetae ki te kura")
        try tmux.send("Tab")
        try tmux.type("attendance")
        try tmux.send("Tab")
        try tmux.type("%")
        try tmux.send("Tab")
        try tmux.type("82")
        try tmux.send("Tab", "Tab")
        try tmux.type("90")
        try tmux.send("Tab")
        try tmux.type("+1y")
        try tmux.send("Enter")
        try tmux.waitFor("is not a date")  // +1y is not a form Cairn reads: the message says which are
        try tmux.send("C-u")
        try tmux.type("+12m")
        try tmux.send("Enter")
        try tmux.waitFor("✓ Kia piki te taetae ki te kura: attendance, 82% → 90%")
        try tmux.send("n")
        try tmux.waitFor("Step 3 of 4 · Agree engagements")
        try tmux.waitFor("no action serves goal “Kia piki te taetae ki te kura”")
        try tmux.send("n")
        try tmux.waitFor("Step 4 of 4 · Agree evaluation and monitoring")
        try tmux.send("q")
        try tmux.waitFor("[1 Clusters (1)]")
        let goals = try Shell.export(store.url)["goals"] as? [[String: Any]] ?? []
        #expect(goals.first?["statement"] as? String == "Kia piki te taetae ki te kura")
        #expect(goals.first?["target"] as? Double == 90)
    }
}

@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct ReportJourneyTests {
    @Test func r_on_a_cluster_writes_its_report_and_says_where() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, ready: "Clusters (7)")
        try tmux.send("Enter")
        try tmux.waitFor("Members (")
        try tmux.send("r")
        var screen = try tmux.waitFor("Report saved: ")
        let folder = store.url.appendingPathComponent("reports")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        let name = try #require(files.first)
        // The full path, over two lines if it needs them (the second may be drawn a moment
        // after the first was captured).
        func said(_ screen: String) throws -> String {
            let rows = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let status = try #require(rows.firstIndex { $0.hasPrefix("Report saved: ") })
            return rows[status] + (status + 1 < rows.count - 1 ? rows[status + 1] : "")
        }
        let expected = "Report saved: \(folder.appendingPathComponent(name).path)"
        let deadline = Date().addingTimeInterval(10)
        while try !said(screen).hasPrefix(expected), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = try tmux.screen()
        }
        #expect(try said(screen).hasPrefix(expected), "\(screen)")
        let text = try String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8)
        #expect(text.contains("## Members") && text.contains("## Monitoring agreement") && text.contains("## The next 90 days"))
    }

    @Test func clusters_whose_names_start_alike_write_distinct_reports_and_v_shows_one_in_a_pager() throws {
        let store = TemporaryStore()
        for side in ["Norte", "Sul"] {
            let r = try Shell.cairn(
                ["add", "cluster", "--name", "Agrupamento de Escolas de São João da Madeira \(side)"], store: store.url)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let tmux = try Tmux.cairn(store: store.url, ready: "Clusters (2)")
        for first in [true, false] {
            if !first { try tmux.send("j") }
            try tmux.send("Enter")
            try tmux.waitFor("Members (")
            try tmux.send("r")
            try tmux.waitFor("Report saved: ")
            try tmux.send("q")
            try tmux.waitFor("Clusters (2)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: store.url.appendingPathComponent("reports").path)
        #expect(files.count == 2, "\(files)")
        try tmux.send("Enter")
        try tmux.waitFor("Members (")
        try tmux.send("v")
        try tmux.waitFor("Report: Agrupamento de Escolas de São João da Madeira Sul")
        try tmux.send("G")
        let end = try tmux.waitFor("── Cross-sector coverage ──")
        #expect(end.contains("of "), "the pager says where it is: \(end)")
        try tmux.send("q")
        try tmux.waitFor("Members (")
    }
}

@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct ImportJourneyTests {
    @Test func i_imports_a_register_after_a_preview() throws {
        let store = TemporaryStore()
        let register = store.root.appendingPathComponent("register.csv")
        try Data(
            "Registo\n\nCódigo;Nome;Tipo;Concelho\nPT-1;Escola Básica de São João;Primary;Óbidos\nPT-2;Jardim de Infância;Nursery;Óbidos\n"
                .utf8
        ).write(to: register)
        let tmux = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try tmux.send("i")
        try tmux.waitFor("Import a register")
        try tmux.type(register.path)
        try tmux.send("Enter")
        try tmux.waitFor("semicolon-separated, header on line 3, 2 rows")
        try tmux.waitFor("Enter imports these 2 changes")
        try tmux.send("Enter")
        try tmux.waitFor("Imported: 2 changes written")
        try tmux.send("2")
        try tmux.waitFor("Escola Básica de São João")
        let schools = try Shell.export(store.url)["schools"] as? [[String: Any]] ?? []
        #expect(Set(schools.compactMap { $0["officialId"] as? String }) == ["PT-1", "PT-2"])
    }

    @Test func phase_words_are_said_on_the_screen_the_list_scrolls_and_u_undoes_the_whole_import() throws {
        let store = TemporaryStore()
        let register = store.root.appendingPathComponent("agrupamentos.csv")
        try Data(
            """
            Código;Nome;Tipo;Concelho;Pré-escolar;1.º ciclo;Agrupamento
            ;Escola Básica Cesário Verde;EB1;Lisboa;não;sim;Agrupamento de Escolas Eugénio dos Santos
            ;Escola Básica Cesário Verde;EB1/JI;Loures;sim;sim;Agrupamento de Escolas de Loures
            ;;EB1;Loures;sim;sim;Agrupamento de Escolas de Loures
            ;Escola Artística António Arroio;Artística;Lisboa;não;não;Agrupamento de Escolas Eugénio dos Santos

            """.utf8
        ).write(to: register)
        let tmux = try Tmux.cairn(store: store.url, ready: "Welcome to Cairn")
        try tmux.send("i")
        try tmux.waitFor("Import a register")
        try tmux.type(register.path)
        try tmux.send("Enter")
        try tmux.waitFor("Enter imports these")
        // The unknown word, said on the screen: down to it, Enter, type its phases.
        var screen = try tmux.screen()
        for _ in 0..<30 where !screen.contains("▸ “Artística”") {
            try tmux.send("Down")
            let before = screen
            try tmux.waitUntil("the selection to move") { $0 != before }
            screen = try tmux.settledScreen()
        }
        try tmux.send("Enter")
        try tmux.waitFor("Enter keeps them, Esc cancels")
        try tmux.type("upper-secondary, vocational")
        try tmux.send("Enter")
        try tmux.waitFor("→ upper-secondary, vocational")
        // To the end of the list: the row without a name and the duplicate name are there.
        try tmux.send("PageDown")
        try tmux.send("PageDown")
        let end = try tmux.waitFor("Possible duplicates (1)")
        #expect(end.contains("line 4: no name"), "\(end)")
        try tmux.send("Enter")
        try tmux.waitFor("u undoes the whole import")
        let schools = try Shell.export(store.url)["schools"] as? [[String: Any]] ?? []
        #expect(schools.count == 3, "two schools that share a name are two")
        let arts = try #require(schools.first { $0["name"] as? String == "Escola Artística António Arroio" })
        #expect(arts["phases"] as? [String] == ["upper-secondary", "vocational"])
        let loures = try #require(schools.first { $0["municipality"] as? String == "Loures" })
        #expect(loures["phases"] as? [String] == ["early-childhood", "primary"])
        #expect((try Shell.export(store.url)["clusters"] as? [Any])?.count == 2)
        try tmux.send("u")
        try tmux.waitFor("Undone: the import of agrupamentos.csv")
        #expect((try Shell.export(store.url)["schools"] as? [Any])?.isEmpty == true)
        #expect((try Shell.export(store.url)["clusters"] as? [Any])?.isEmpty == true)
        let log = try Shell.cairn(["log"], store: store.url)
        #expect(log.stdout.contains("undo of import imp-"), "\(log.stdout)")
    }
}

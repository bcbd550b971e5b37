import Foundation
import Testing

/// The calendar of what is due, read back by two readers that are not Cairn's.
@Suite(.enabled(if: CalendarReaders.required && Tmux.required)) struct CalendarTests {
    /// What the JSON export says should be in the calendar: open checkpoints, goal deadlines
    /// and the due days of actions not completed or discontinued, by id.
    func expectedDays(_ store: URL) throws -> [String: String] {
        let doc = try Shell.export(store)
        var days: [String: String] = [:]
        for c in doc["checkpoints"] as? [[String: Any]] ?? [] where c["doneOn"] as? String == nil {
            days[c["id"] as? String ?? ""] = c["due"] as? String
        }
        for g in doc["goals"] as? [[String: Any]] ?? [] { if let d = g["deadline"] as? String { days[g["id"] as? String ?? ""] = d } }
        for a in doc["actions"] as? [[String: Any]] ?? [] {
            let status = a["status"] as? String ?? ""
            if let d = a["due"] as? String, status != "completed", status != "discontinued" { days[a["id"] as? String ?? ""] = d }
        }
        return days
    }

    func write(_ args: [String], store: TemporaryStore, to name: String) throws -> URL {
        let result = try Shell.cairn(["export", "--format", "ics"] + args, store: store.url)
        #expect(result.status == 0, "\(result.stderr)")
        let file = store.root.appendingPathComponent(name)
        try Data(result.stdout.utf8).write(to: file)
        return file
    }

    @Test func the_export_is_one_all_day_event_per_date_due_and_both_readers_agree() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let file = try write([], store: store, to: "all.ics")
        let bytes = try Data(contentsOf: file)
        let text = try #require(String(data: bytes, encoding: .utf8), "UTF-8")
        // Lines end in CRLF and none passes 75 octets.
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.filter { $0.utf8.count > 75 })")
        #expect(lines.contains { $0.hasPrefix(" ") }, "long lines are folded")

        let expected = try expectedDays(store.url)
        #expect(expected.count > 20)
        let events = try CalendarReaders.components(file)
        let parsed = Dictionary(uniqueKeysWithValues: events.map { ($0["UID"] ?? "", $0["DTSTART"] ?? "") })
        #expect(parsed == Dictionary(uniqueKeysWithValues: expected.map { ($0.key + "@cairn", $0.value) }))
        #expect(events.allSatisfy { $0["DTSTAMP"] != nil && $0["DTEND"] != nil })
        let portuguese = try #require(events.first { $0["SUMMARY"]?.hasPrefix("Reunião de articulação pré-escolar") == true })
        #expect(portuguese["SUMMARY"]?.hasSuffix("— Agrupamento de Escolas Josefa de Óbidos") == true)
        let goal = try #require(events.first { $0["CATEGORIES"] == "Goal" && $0["SUMMARY"]?.contains("4.º para o 5.º ano") == true })
        let description = try #require(goal["DESCRIPTION"])
        #expect(description.contains("Indicator: taxa de retenção no 5.º ano"), "\(description)")
        #expect(description.contains("Target: ") && description.contains("Status: "), "\(description)")

        let khal = try CalendarReaders.khalEvents(file)
        #expect(khal.count == "\(expected.count) events found in \(file.path)")
        #expect(khal.lines.contains { $0.hasPrefix("2026-") || $0.hasPrefix("2027-") })
        #expect(
            khal.lines.contains {
                $0.contains("| Reunião de articulação pré-escolar / 1.º ciclo — Agrupamento de Escolas Josefa de Óbidos")
            })
    }

    /// The calendar's edges: the first day a DATE holds, leap days and the last day, each a
    /// valid all-day event as icalendar reads it (an end after the start, or none: one day).
    /// khal reads the first day and the leap days; it cannot show the last day at all (it adds
    /// a day to any all-day event, and Python's dates end at 9999-12-31), so it reads the
    /// calendar of the cluster without it.
    @Test func the_first_day_leap_days_and_the_last_day_read_back_as_all_day_events() throws {
        let store = TemporaryStore()
        func cairn(_ args: [String]) throws -> String {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let early = try cairn(["add", "cluster", "--name", "Early"])
        let late = try cairn(["add", "cluster", "--name", "Late"])
        for day in ["0001-01-01", "2028-02-29", "2400-02-29"] {
            _ = try cairn(["add", "checkpoint", "--cluster", early, "--title", "Due \(day)", "--due", day])
        }
        _ = try cairn(["add", "checkpoint", "--cluster", late, "--title", "Due 9999-12-31", "--due", "9999-12-31"])
        _ = try cairn(["add", "checkpoint", "--cluster", late, "--title", "Due 9999-12-30", "--due", "9999-12-30"])

        let all = try write([], store: store, to: "edges.ics")
        let events = try CalendarReaders.components(all)
        let byTitle = Dictionary(uniqueKeysWithValues: events.map { (($0["SUMMARY"] ?? "").components(separatedBy: " — ")[0], $0) })
        for (title, start, end) in [
            ("Due 0001-01-01", "0001-01-01", "0001-01-02"), ("Due 2028-02-29", "2028-02-29", "2028-03-01"),
            ("Due 2400-02-29", "2400-02-29", "2400-03-01"), ("Due 9999-12-30", "9999-12-30", "9999-12-31"),
        ] {
            #expect(byTitle[title]?["DTSTART"] == start && byTitle[title]?["DTEND"] == end, "\(title): \(byTitle[title] ?? [:])")
        }
        let last = try #require(byTitle["Due 9999-12-31"])
        #expect(last["DTSTART"] == "9999-12-31" && last["DTEND"] == nil && last["DURATION"] == nil, "\(last)")
        let todos = try CalendarReaders.components(try write(["--todo"], store: store, to: "edges-todo.ics"), kind: "VTODO")
        #expect(Set(todos.compactMap { $0["DUE"] }) == ["0001-01-01", "2028-02-29", "2400-02-29", "9999-12-30", "9999-12-31"])

        let khal = try CalendarReaders.khalEvents(try write(["--cluster", early], store: store, to: "early.ics"))
        #expect(khal.count.hasPrefix("3 events found"), "\(khal)")
        for line in ["1-01-01 | Due 0001-01-01 — Early", "2028-02-29 | Due 2028-02-29 — Early", "2400-02-29 | Due 2400-02-29 — Early"] {
            #expect(khal.lines.contains(line), "\(khal.lines)")
        }
    }

    @Test func uids_are_stable_and_a_ticked_checkpoint_leaves_the_calendar() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let first = try CalendarReaders.components(try write([], store: store, to: "1.ics"))
        let again = try CalendarReaders.components(try write([], store: store, to: "2.ics"))
        #expect(first.map { $0["UID"] ?? "" } == again.map { $0["UID"] ?? "" })
        let checkpoint = try #require(
            first.first { $0["CATEGORIES"] == "Checkpoint" }?["UID"]?.replacingOccurrences(of: "@cairn", with: ""))
        #expect(try Shell.cairn(["tick", checkpoint], store: store.url).status == 0)
        let after = try CalendarReaders.components(try write([], store: store, to: "3.ics"))
        #expect(Set(after.map { $0["UID"] ?? "" }) == Set(first.map { $0["UID"] ?? "" }).subtracting([checkpoint + "@cairn"]))
    }

    @Test func todo_cluster_region_and_what_choose_the_items_and_text_is_escaped() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let hostile = "Meet; agree, then \\ review — 漢字 🙂"
        let added = try Shell.cairn(
            ["add", "checkpoint", "--cluster", "Portree Learning Community", "--title", hostile, "--due", "+10d"], store: store.url)
        #expect(added.status == 0, "\(added.stderr)")
        let portree = try write(["--cluster", "Portree Learning Community", "--todo"], store: store, to: "portree.ics")
        let todos = try CalendarReaders.components(portree, kind: "VTODO")
        #expect(!todos.isEmpty && todos.allSatisfy { $0["SUMMARY"]?.hasSuffix("— Portree Learning Community") == true })
        #expect(todos.allSatisfy { $0["DUE"] != nil && $0["STATUS"] != nil })
        #expect(try CalendarReaders.components(portree).isEmpty, "--todo writes no events")
        #expect(todos.contains { $0["SUMMARY"] == hostile + " — Portree Learning Community" }, "\(todos.map { $0["SUMMARY"] ?? "" })")
        let raw = try String(contentsOf: portree, encoding: .utf8)
        #expect(raw.contains("Meet\\; agree\\, then \\\\ review"))

        let goals = try CalendarReaders.components(try write(["--region", "oost", "--what", "goals"], store: store, to: "gent.ics"))
        #expect(!goals.isEmpty && goals.allSatisfy { $0["CATEGORIES"] == "Goal" && $0["SUMMARY"]?.contains("Gent") == true })
        let bad = try Shell.cairn(["export", "--format", "ics", "--what", "meetings"], store: store.url)
        #expect(bad.status != 0 && bad.stderr.contains("use checkpoints, goals or actions"), "\(bad.stderr)")
    }

    @Test func c_on_a_cluster_and_on_home_writes_the_calendar_next_to_the_reports() throws {
        let store = TemporaryStore()
        _ = try Shell.cairn(["demo"], store: store.url)
        let tmux = try Tmux.cairn(store: store.url, ready: "Clusters (7)")
        try tmux.send("c")
        _ = try tmux.waitFor("Calendar saved (")
        let folder = store.url.appendingPathComponent("reports")
        let everything = folder.appendingPathComponent("every-cluster.ics")
        #expect(
            try CalendarReaders.khalEvents(everything).count == "\(try expectedDays(store.url).count) events found in \(everything.path)")
        try tmux.send("Enter")
        try tmux.waitFor("Members (")
        try tmux.send("c")
        let screen = try tmux.waitFor("Calendar saved (")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "every-cluster.ics" }
        let name = try #require(files.first)
        #expect(files.count == 1 && name.hasSuffix(".ics"), "\(files)")
        // The full path, over two lines if it needs them.
        let rows = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let status = try #require(rows.firstIndex { $0.hasPrefix("Calendar saved (") })
        let said = rows[status] + (status + 1 < rows.count - 1 ? rows[status + 1] : "")
        #expect(said.hasSuffix(": " + folder.appendingPathComponent(name).path), "\(screen)")
        let events = try CalendarReaders.components(folder.appendingPathComponent(name))
        #expect(!events.isEmpty)
        let cluster = try #require(events.first?["SUMMARY"]?.components(separatedBy: " — ").last)
        #expect(events.allSatisfy { $0["SUMMARY"]?.hasSuffix(" — " + cluster) == true })
    }
}

import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// The trail on screen: ticking with the day it was done, a record's history, a goal's
/// measurements, driven through the built binary in tmux.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct AccountabilityTests {
    func must(_ args: [String], _ store: TemporaryStore, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try Shell.cairn(args, store: store.url)
        #expect(r.status == 0, "cairn \(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func a_meeting_ticked_days_later_says_the_day_it_was_held() throws {
        let store = TemporaryStore()
        _ = try must(["add", "cluster", "--name", "Rede de Óbidos"], store)
        let checkpoint = try must(
            ["add", "checkpoint", "--cluster", "Rede de Óbidos", "--title", "Reunião trimestral", "--due", "-5d"], store)
        let held = Day.today().adding(days: -3)
        let tmux = try Tmux.cairn(store: store.url, ready: "Rede de Óbidos")
        try tmux.send("4")
        try tmux.waitFor("Reunião trimestral")
        try tmux.send("Enter")
        try tmux.waitFor("Asks to measure")
        try tmux.send("Space")
        try tmux.waitFor("Tick off “Reunião trimestral”")
        try tmux.type("Acta n.º 3")
        try tmux.send("Tab", "C-u")
        try tmux.type("tomorrow")
        try tmux.send("Enter")
        try tmux.waitFor("later than today")
        try tmux.send("C-u")
        try tmux.type("-3d")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("as done on \(held)")
        #expect(screen.contains("Done on          \(held)"), "\(screen)")
        #expect(screen.contains("Evidence         Acta n.º 3"))
        let list = try must(["list", "checkpoints"], store)
        let row = try #require(list.split(separator: "\n").first { $0.contains(checkpoint) })
        #expect(row.contains("\(held)") && row.contains("Acta n.º 3"), "\(list)")
        #expect(list.hasPrefix("ID") && list.contains("DONE ON") && list.contains("BY") && list.contains("EVIDENCE"))
        // The command line refuses a future day the same way, and takes an earlier one.
        let other = try must(["add", "checkpoint", "--cluster", "Rede de Óbidos", "--title", "Visita", "--due", "today"], store)
        let future = try Shell.cairn(["tick", other, "--on", "+2d"], store: store.url)
        #expect(future.status != 0 && future.stderr.contains("later than today"), "\(future.stderr)")
        #expect(try must(["tick", other, "--on", "yesterday", "--evidence", "fotos"], store).contains("as done on"))
    }

    @Test func h_shows_a_records_history_and_enter_shows_a_change_whole() throws {
        let store = TemporaryStore()
        let school = try must(["add", "school", "--name", "Szkoła Podstawowa nr 12 Łódź", "--municipality", "Łódź"], store)
        _ = try must(["edit", school, "phone=42 123 45 67"], store)
        let tmux = try Tmux.cairn(store: store.url, width: 120, height: 40, ready: "Schools (1)")
        try tmux.send("2")
        try tmux.waitFor("Szkoła Podstawowa nr 12 Łódź")
        try tmux.send("h")
        // The rows, not the title: a capture can fall between the two being drawn.
        let history = try tmux.waitFor("Phone: (nothing) → “42 123 45 67”")
        #expect(history.contains("History of school “Szkoła Podstawowa nr 12 Łódź”"))
        #expect(history.contains("2 changes, newest first"), "\(history)")
        let lines = history.split(separator: "\n")
        let newest = try #require(lines.firstIndex { $0.contains("Phone: (nothing) → “42 123 45 67”") })
        let made = try #require(lines.firstIndex { $0.contains("made: ") })
        #expect(newest < made, "newest first")
        try tmux.send("Enter")
        let whole = try tmux.waitFor("    now “42 123 45 67”")
        #expect(whole.contains("    was (nothing)") && whole.contains("    now “42 123 45 67”"), "\(whole)")
        #expect(whole.contains("Source   typed"))
        try tmux.send("q")
        try tmux.waitFor("History of school")
        try tmux.send("q")
        try tmux.waitFor("Schools (1)")
    }

    @Test func a_goals_screen_lists_its_measurements_and_adds_corrects_and_deletes_them() throws {
        let store = TemporaryStore()
        _ = try must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"], store)
        let goal = try must(
            [
                "add", "goal", "--cluster", "Kāhui Ako Ōtautahi", "--statement", "Fewer early leavers", "--indicator", "leavers",
                "--unit", "%", "--baseline", "12", "--target", "8", "--deadline", "+12m",
            ], store)
        _ = try must(["measure", goal, "--value", "11", "--date", "-60d", "--source", "roll"], store)
        let slip = try Shell.cairn(["measure", goal, "--value", "10", "--date", "2099-01-01"], store: store.url)
        #expect(slip.status != 0 && slip.stderr.contains("later than today"), "a mistyped year is refused: \(slip.stderr)")
        let tmux = try Tmux.cairn(store: store.url, ready: "Kāhui Ako Ōtautahi")
        try tmux.send("Enter")
        try tmux.waitFor("Members (")
        try tmux.send("Tab", "Tab")
        try tmux.waitFor("[Goals]")
        try tmux.send("Enter")
        var screen = try tmux.waitFor("roll")  // the rows, not only the heading: a frame can be caught half drawn
        #expect(screen.contains("11%") && screen.contains("roll"), "\(screen)")
        #expect(screen.contains("target 8%") && screen.contains("baseline 12%"))
        try tmux.send("a")
        try tmux.waitFor("Measure: Fewer early leavers")
        try tmux.type("95")
        try tmux.send("Enter")
        try tmux.waitFor("Enter again keeps it")
        try tmux.send("C-u")
        try tmux.type("10")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Added measurement 10")
        try tmux.send("g", "e")
        try tmux.waitFor("Correct measurement")
        try tmux.send("C-u")
        try tmux.type("9.5")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Saved measurement 9.5")
        #expect(screen.contains("9.5%"))
        let json = try must(["measurements", goal, "--json"], store)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["value"] as? Double } == [9.5, 11], "\(json)")
        try tmux.send("d")
        try tmux.waitFor("Delete measurement 9.5")
        try tmux.send("y")
        screen = try tmux.waitFor("Deleted measurement 9.5")
        #expect(!screen.contains("9.5%"))
        #expect(try must(["measurements", goal], store).contains("11%"))
        // The command line: a value far off warns, and edit and delete take a measurement's id.
        let far = try Shell.cairn(["measure", goal, "--value", "80"], store: store.url)
        #expect(far.status == 0 && far.stderr.contains("warning: 80% is far from baseline 12% and target 8%"), "\(far.stderr)")
        let listed = try #require(
            try JSONSerialization.jsonObject(with: Data(try must(["measurements", goal, "--json"], store).utf8)) as? [[String: Any]])
        let id = try #require(listed.first?["id"] as? String)
        #expect(try must(["edit", id, "value=8.5"], store).contains("value: 80 → 8.5"))
        #expect(try must(["delete", id], store).hasPrefix("Deleted measurement 8.5 on"))
        #expect(!(try must(["measurements", goal], store)).contains("8.5%"))
    }
}

/// Deletes say what they change, and `cairn check` finds a reference to a record that is gone,
/// with the file and line that wrote it.
@Suite struct DeleteAndCheckTests {
    @Test func deleting_a_goal_unlinks_its_checkpoint_and_check_finds_a_reference_left_by_an_old_write() throws {
        let store = TemporaryStore()
        func must(_ args: [String]) throws -> String {
            let r = try Shell.cairn(args, store: store.url)
            #expect(r.status == 0, "cairn \(args.joined(separator: " ")): \(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try must(["add", "cluster", "--name", "Kāhui Ako Ōtautahi"])
        let goal = try must(
            [
                "add", "goal", "--cluster", "Kāhui Ako Ōtautahi", "--statement", "Fewer leavers", "--indicator", "leavers", "--target", "8",
                "--deadline", "+12m",
            ])
        let checkpoint = try must(["add", "checkpoint", "--cluster", "Kāhui Ako Ōtautahi", "--title", "Count leavers", "--due", "+1m"])
        _ = try must(["edit", checkpoint, "goal=\(goal)"])
        _ = try must(["measure", goal, "--value", "9"])
        let deleted = try must(["delete", goal])
        #expect(deleted.contains("checkpoint “Count leavers” (\(checkpoint)): link to \(goal) cleared"), "\(deleted)")
        #expect(deleted.contains("deleted measurement 9 on"))
        #expect(try must(["check"]).hasSuffix("store is sound"))

        // A line an older version wrote: an action naming a goal that was never there.
        let written = try Store(directory: store.url)
        let cluster = try #require(written.world.clusters.values.first)
        try written.commit([.put(.action(Action(id: "act-old", cluster: cluster.id, description: "Hui", goal: "gol-nowhere")))])
        let check = try Shell.cairn(["check"], store: store.url)
        #expect(check.status != 0)
        let journal = "journal/" + (try Shell.ownJournal(store.url)).lastPathComponent
        let lines = try String(contentsOf: try Shell.ownJournal(store.url), encoding: .utf8).split(separator: "\n")
        #expect(
            check.stdout.contains(
                "DANGLING: action act-old: goal names goal gol-nowhere, which does not exist (set at \(journal):\(lines.count))"),
            "\(check.stdout)")
    }
}

/// Home says what others changed since this person last opened Cairn, and L lists it.
@Suite(.serialized, .enabled(if: Tmux.required, "tmux is not installed (outside CI the end-to-end tests skip)"))
struct SinceLastOpenJourneyTests {
    @Test func what_ben_changed_while_ana_was_away_is_counted_and_listed() throws {
        let store = TemporaryStore()
        let first = try Shell.cairn(["add", "cluster", "--name", "Rede de Óbidos"], store: store.url)
        #expect(first.status == 0, "\(first.stderr)")
        var tmux = try Tmux.cairn(store: store.url, ready: "Rede de Óbidos")
        try tmux.send("q")
        try tmux.waitForExit()
        // Ben, on his laptop: his copy's journal arrives (as a sync brings it).
        let ben = try Store(directory: store.url, identity: Identity(user: "ben", host: "laptop"))
        let cluster = try #require(ben.world.clusters.values.first)
        try ben.perform(.add(.checkpoint(Checkpoint(cluster: cluster.id, title: "Reunião trimestral", due: Day.today()))))
        tmux = try Tmux.cairn(store: store.url, width: 120, height: 40, ready: "Rede de Óbidos")
        let home = try tmux.waitFor("1 change by others since")
        #expect(home.contains("· L lists"), "\(home)")
        try tmux.send("L")
        let list = try tmux.waitFor("made: Title “Reunião")
        #expect(list.contains("History of changes by others since"), "\(list)")
        #expect(list.contains(" ben ") && list.contains("1 change, newest first"))
        #expect(!list.contains("Rede de Óbidos”  made"), "ana's own change is not listed")
    }
}

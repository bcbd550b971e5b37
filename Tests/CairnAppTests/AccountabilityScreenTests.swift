import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// The trail on screen: a checkpoint whole, the tick form with its day, a goal's measurements
/// and their chart, and a record's history.
@Suite struct AccountabilityScreenTests {
    static func world() -> World {
        var w = Fixture.world()
        w.apply([
            .put(
                .goal(
                    Goal(
                        id: "gol-1", cluster: "clu-pt", statement: "Menos retenções no 5.º ano", indicator: "taxa de retenção",
                        unit: "%", baseline: 9, baselineDate: Day(iso: "2025-10-01")!, target: 5, deadline: Day(iso: "2027-07-01")!))),
            .put(
                .measurement(
                    Measurement(id: "mea-1", goal: "gol-1", value: 8.2, date: Day(iso: "2026-04-02")!, by: "ana", source: "pautas"))),
            .put(
                .measurement(
                    Measurement(
                        id: "mea-2", goal: "gol-1", value: 7.1, date: Day(iso: "2026-10-02")!, by: "rui", source: "MISI", ticked: "chk-4"))),
            // A slip stored before future dates were refused: listed, not counted.
            .put(.measurement(Measurement(id: "mea-3", goal: "gol-1", value: 2, date: Day(iso: "2030-01-01")!, by: "ana"))),
        ])
        return w
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func a_checkpoint_shows_whole_with_who_ticked_it_when_and_on_what_evidence(size: (Int, Int)) throws {
        var w = Self.world()
        let long = String(repeating: "Acta n.º 3 assinada por todos os parceiros presentes; ", count: 3) + "fim"
        w.apply(
            .put(
                .checkpoint(
                    Checkpoint(
                        id: "chk-9", cluster: "clu-pt", title: "Reunião de outubro", due: Day(iso: "2026-10-20")!, concerns: "mem-2",
                        doneOn: Day(iso: "2026-10-18")!, doneBy: "ana", evidence: long, goal: "gol-1"))))
        var app = Fixture.app(w, width: size.0, height: size.1)
        app.press(.enter, .tab)
        let list = try app.topScreen(ClusterScreen.self)
        let row = try #require(list.list.visibleRows.firstIndex { $0.id == "chk-9" })
        for _ in 0..<row { app.press(.down) }
        app.press(.enter)
        _ = try app.topScreen(CheckpointScreen.self)
        let canvas = app.render()
        #expect(canvas.text.contains("Done on          2026-10-18"))
        #expect(canvas.text.contains("Done by          ana"))
        #expect(canvas.text.contains("Concerns         Câmara Municipal de Óbidos"))
        #expect(canvas.text.contains("Asks to measure  Menos retenções no 5.º ano"))
        // The whole evidence, wrapped, not cut.
        let shown = canvas.text.split(separator: "\n").map { $0.dropFirst(19).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains(long), "\(canvas.text)")
        expectSnapshot(canvas, "checkpoint-\(size.0)x\(size.1)")
        // e corrects the day and the evidence: a field-level edit, so the history keeps the old ones.
        app.press(.char("e"))
        let form = try #require(app.topForm)
        #expect(form.fields.map(\.key).suffix(2) == ["doneOn", "evidence"])
        app.press(.down, .down, .down, .down, .ctrl("u"))
        app.type("2026-10-17")
        let effects = app.press(.enter)
        let edit = try effects.committed()
        let fields: [String]? = if case .edit(let e)? = edit.changes.first { e.fields.map(\.name) } else { nil }
        #expect(try #require(fields) == ["doneOn"])
        app.settle(effects)
        #expect(app.world.checkpoints["chk-9"]?.doneOn == Day(iso: "2026-10-17"))
    }

    @Test func the_tick_form_takes_the_day_it_was_done_and_refuses_a_later_one() throws {
        var app = Fixture.app()
        app.press(.char("4"), .char(" "))
        #expect(app.topForm?.title == "Tick off “Reunião trimestral”")
        app.type("acta")
        app.press(.tab, .ctrl("u"))
        app.type("tomorrow")
        #expect(!app.press(.enter).hasCommit)
        #expect(app.topForm?.errors["doneOn"]?.contains("later than today") == true)
        #expect(app.render().text.contains("later than today"))
        app.press(.ctrl("u"))
        app.type("-2d")
        app.settle(app.press(.enter))
        let c = try #require(app.world.checkpoints["chk-1"])
        #expect(c.doneOn == Fixture.today.adding(days: -2) && c.evidence == "acta" && c.doneBy == "ana")
        #expect(app.status?.text == "Ticked “Reunião trimestral” as done on \(Fixture.today.adding(days: -2))")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func a_goal_lists_its_measurements_newest_first_and_draws_them_against_baseline_and_target(size: (Int, Int)) throws {
        var app = Fixture.app(Self.world(), width: size.0, height: size.1)
        app.press(.enter, .tab, .tab, .enter)
        _ = try app.topScreen(GoalScreen.self)
        let canvas = app.render()
        let text = canvas.text
        #expect(text.contains("latest 7.1% on 2026-10-02"), "a measurement after today is not the latest")
        #expect(text.contains("baseline 9%") && text.contains("target 5%"))
        #expect(text.contains("Planning day"), "the checkpoint it ticked")
        #expect(
            text.split(separator: "\n").contains { $0.contains("2% ana") && $0.contains("after today") }, "listed, marked as not counted")
        let dates = ["2030-01-01", "2026-10-02", "2026-04-02"].map { d in
            canvas.text.split(separator: "\n").firstIndex { $0.hasPrefix("  \(d)") || $0.hasPrefix("> \(d)") }
        }
        #expect(dates.compactMap { $0 } == dates.compactMap { $0 }.sorted() && dates.allSatisfy { $0 != nil }, "newest first")
        #expect(text.contains("●"))
        expectSnapshot(canvas, "goal-\(size.0)x\(size.1)")
    }

    @Test func a_measurement_far_outside_the_range_asks_once_then_saves() throws {
        var app = Fixture.app(Self.world())
        app.press(.enter, .tab, .tab, .enter, .char("a"))
        app.type("90")
        #expect(!app.press(.enter).hasCommit)
        #expect(app.topForm?.errors["value"] == "90% is far from baseline 9% and target 5%: Enter again keeps it")
        let effects = app.press(.enter)
        #expect(effects.hasCommit, "the second Enter keeps it")
        app.settle(effects)
        #expect(app.world.measurements.values.contains { $0.value == 90 })
    }

    @Test func e_corrects_and_d_deletes_the_selected_measurement() throws {
        var app = Fixture.app(Self.world())
        app.press(.enter, .tab, .tab, .enter)
        app.press(.down)  // mea-2, under the one dated after today
        app.press(.char("e"))
        #expect(app.topForm?.title == "Correct measurement: Menos retenções no 5.º ano")
        app.press(.ctrl("u"))
        app.type("7.3")
        app.settle(app.press(.enter))
        #expect(app.world.measurements["mea-2"]?.value == 7.3)
        #expect(app.world.measurements["mea-2"]?.by == "rui", "a correction keeps who measured it")
        app.press(.char("d"))
        #expect(try app.topScreen(ConfirmScreen.self).question.contains("measurement 7.3 on 2026-10-02"))
        app.settle(app.press(.char("y")))
        #expect(app.world.measurements["mea-2"] == nil)
    }

    static func entries() -> [HistoryEntry] {
        [
            HistoryEntry(
                at: "2026-11-21T09:14:03.120Z", by: "rui", host: "escola-pc", source: "typed", record: "chk-1", kind: .checkpoint,
                op: .edit,
                fields: [.init(name: "due", old: .string("2026-11-03"), new: .string("2026-11-10"))], event: "ev-2"),
            HistoryEntry(
                at: "2026-11-02T16:40:00.000Z", by: "ana", host: "laptop", source: "import of rede.csv", record: "chk-1", kind: .checkpoint,
                op: .create, fields: [.init(name: "title", old: .null, new: .string("Reunião trimestral"))], event: "ev-1"),
        ]
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func h_opens_a_records_history_newest_first_and_enter_shows_a_change_whole(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.press(.char("4"))
        let effects = app.press(.char("h"))
        let asked = effects.contains(.readHistory(record: "chk-1", since: nil, title: "checkpoint “Reunião trimestral”", replyTo: .home))
        #expect(asked, "\(effects)")
        let history = HistoryScreen(title: "checkpoint “Reunião trimestral”", entries: Self.entries(), oneRecord: true)
        _ = app.send(.open(ScreenBox(history), from: .home))
        var canvas = app.render()
        #expect(canvas.text.contains("History of checkpoint “Reunião trimestral”"))
        #expect(canvas.text.contains("2 changes, newest first"))
        let lines = canvas.text.split(separator: "\n")
        let edit = try #require(lines.firstIndex { $0.contains("11-21 09:14") && $0.contains("rui") })
        let made = try #require(lines.firstIndex { $0.contains("11-02 16:40") })
        #expect(edit < made)
        expectSnapshot(canvas, "history-\(size.0)x\(size.1)")
        app.press(.enter)
        canvas = app.render()
        #expect(canvas.text.contains("Source   typed") && canvas.text.contains("Machine  escola-pc"))
        #expect(canvas.text.contains("    was “2026-11-03”") && canvas.text.contains("    now “2026-11-10”"))
        app.press(.char("q"), .char("q"))
        #expect(app.opened.isEmpty)
    }

    @Test func a_history_that_arrives_after_the_person_moved_on_is_not_opened() {
        var app = Fixture.app()
        app.press(.enter)
        _ = app.send(.open(ScreenBox(HistoryScreen(title: "x", entries: [], oneRecord: true)), from: .home))
        #expect(!(app.top.screen is HistoryScreen))
    }
}

/// Home says what others changed since this person last opened Cairn; `L` lists it.
@Suite struct SinceLastOpenTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func home_counts_what_others_changed_since_and_L_lists_it(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        app.env.sinceLastOpen = SinceLastOpen(at: "2026-11-21T14:02:09.120Z", changes: 5)
        let title = app.render().row(0)
        #expect(title.contains("5 changes by others since 11-21 14:02 · L lists"), "\(title)")
        let effects = app.press(.char("L"))
        let asked = effects.contains {
            if case .readHistory(nil, "2026-11-21T14:02:09.120Z", "ana", "changes by others since 11-21 14:02", .home) = $0 {
                true
            } else {
                false
            }
        }
        #expect(asked, "\(effects)")
        let entries = AccountabilityScreenTests.entries()
        _ = app.send(
            .open(ScreenBox(HistoryScreen(title: "changes by others since 11-21 14:02", entries: entries, oneRecord: false)), from: .home))
        let canvas = app.render()
        #expect(canvas.text.contains("History of changes by others since 11-21 14:02"))
        #expect(canvas.text.contains("Record"), "a column names each change's record")
        #expect(canvas.text.contains("checkpoint “Reunião"))
        // On another screen the trail takes the title bar; nothing is said.
        app.press(.char("q"), .enter)
        #expect(!app.render().row(0).contains("by others"))
    }

    @Test func nothing_new_is_said_quietly_and_L_does_nothing() {
        var app = Fixture.app()
        app.env.sinceLastOpen = SinceLastOpen(at: "2026-11-21T14:02:09.120Z", changes: 0)
        #expect(app.render().row(0).contains("nothing new since 11-21 14:02"))
        #expect(app.press(.char("L")).isEmpty)
    }
}

/// A clerk who presses Enter twice is asked before a second school of the same name and place.
@Suite struct DuplicateSchoolTests {
    @Test func a_school_of_the_same_name_and_municipality_asks_first_then_adds() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"))
        app.type("escola basica de sao joao")  // folded: the same as “Escola Básica de São João”
        app.press(.tab, .tab, .tab)
        app.type("Óbidos")
        #expect(!app.press(.enter).hasCommit)
        let error = try #require(app.topForm?.errors["name"])
        #expect(error == "school “Escola Básica de São João” in Óbidos is already here (sch-1): Enter again adds a second one")
        #expect(app.render().text.contains("is already here"))
        app.settle(app.press(.enter))
        #expect(app.world.schools.values.filter { Text.folded($0.name) == Text.folded("Escola Básica de São João") }.count == 2)
    }

    @Test func the_same_name_elsewhere_is_not_a_duplicate() throws {
        var app = Fixture.app()
        app.press(.char("2"), .char("a"))
        app.type("Escola Básica de São João")
        app.press(.tab, .tab, .tab)
        app.type("Caldas da Rainha")
        #expect(app.press(.enter).hasCommit)
    }
}

/// What a list cuts can be read whole on the record's own screen.
@Suite struct WholeTextTests {
    @Test func a_204_character_cluster_name_is_read_whole_on_i() throws {
        var w = Fixture.world()
        let name = String(repeating: "Agrupamento de Escolas de São João da Madeira ", count: 5).trimmingCharacters(in: .whitespaces)
        #expect(name.count > 200)
        var c = try #require(w.clusters["clu-pt"])
        c.name = name
        w.apply(.put(.cluster(c)))
        var app = Fixture.app(w)
        app.press(.enter, .char("i"))
        let pager = try app.topScreen(PagerScreen.self)
        let shown = PagerScreen.wrapped(pager.lines, width: 76).joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(shown.contains(name), "\(shown)")
        #expect(app.render().text.contains("Madeira Agrupamento"), "drawn, wrapped over lines")
    }

    @Test func a_schools_long_notes_wrap_on_its_screen_instead_of_being_cut() throws {
        var w = Fixture.world()
        var s = try #require(w.schools["sch-1"])
        s.notes =
            "Partilha o refeitório com o jardim de infância; as visitas dos alunos do 4.º ano à escola sede fazem-se às quintas-feiras."
        w.apply(.put(.school(s)))
        var app = Fixture.app(w)
        app.press(.char("2"), .enter)
        _ = try app.topScreen(RecordScreen.self)
        let text = app.render().text.split(separator: "\n").map { $0.dropFirst(17).trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
        #expect(text.contains(s.notes), "\(text)")
    }
}

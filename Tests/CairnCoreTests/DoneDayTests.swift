import Testing

@testable import CairnCore

/// A tick and a measurement say when something was done: never after today, and a measurement
/// that is (an old slip) is not "latest".
@Suite struct DoneDayTests {
    let today = Day(iso: "2026-11-22")!
    var author: Author { Author(user: "ana", today: today) }

    func world() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-1", title: "Reunião", due: Day(iso: "2026-11-10")!))),
            .put(
                .goal(
                    Goal(
                        id: "gol-1", cluster: "clu-1", statement: "Menos retenções", indicator: "taxa", unit: "%", baseline: 9,
                        target: 5, deadline: Day(iso: "2027-07-01")!))),
            .put(
                .checkpoint(
                    Checkpoint(id: "chk-2", cluster: "clu-1", title: "Medir a taxa", due: Day(iso: "2026-12-01")!, goal: "gol-1"))),
        ])
        return w
    }

    @Test func a_tick_takes_an_earlier_day_and_refuses_a_later_one() throws {
        var w = world()
        let held = Day(iso: "2026-11-20")!
        let outcome = try w.perform(.tick(checkpoint: "chk-1", evidence: "acta", on: held), by: author)
        #expect(outcome.summary == "Ticked “Reunião” as done on 2026-11-20")
        w.apply(outcome.changes)
        #expect(w.checkpoints["chk-1"]?.doneOn == held && w.checkpoints["chk-1"]?.doneBy == "ana")
        let fresh = world()
        let refusal = try #require(throws: Refusal.self) {
            try fresh.perform(.tick(checkpoint: "chk-1", evidence: "", on: today.adding(days: 1)), by: author)
        }
        #expect(refusal.message == "2026-11-23 is later than today (2026-11-22): a tick says when it was done")
        #expect(try fresh.perform(.tick(checkpoint: "chk-1", evidence: ""), by: author).summary == "Ticked “Reunião” as done")
    }

    @Test func a_ticks_day_and_evidence_are_corrected_as_field_edits_and_not_past_today() throws {
        var w = world()
        w.apply(try w.perform(.tick(checkpoint: "chk-1", evidence: "acta"), by: author).changes)
        let fix = try w.perform(
            .setFields(.checkpoint, id: "chk-1", [FieldValue("doneOn", "-2d"), FieldValue("evidence", "acta n.º 3")]), by: author)
        let edited: [String]? = if case .edit(let e)? = fix.changes.first { e.fields.map(\.name) } else { nil }
        #expect(Set(try #require(edited)) == ["doneOn", "evidence"], "one field-level edit: the history keeps the old values")
        #expect(throws: Refusal.self) { try w.perform(.setFields(.checkpoint, id: "chk-1", [FieldValue("doneOn", "+1d")]), by: author) }
        let open = try #require(throws: Refusal.self) {
            try world().perform(.setFields(.checkpoint, id: "chk-1", [FieldValue("doneOn", "-1d")]), by: author)
        }
        #expect(open.message.contains("is not ticked"))
    }

    @Test func a_measurement_after_today_is_refused_and_one_stored_so_is_not_the_latest() throws {
        var w = world()
        let slip = Measurement(id: "mea-1", goal: "gol-1", value: 6, date: Day(iso: "2030-01-01")!, by: "ana")
        let refusal = try #require(throws: Refusal.self) { try w.perform(.measure(slip), by: author) }
        #expect(refusal.message.contains("2030-01-01 is later than today"))
        // One written before the rule (or carried in) stays, but is not news yet.
        w.apply(.put(.measurement(slip)))
        let real = Measurement(id: "mea-2", goal: "gol-1", value: 7, date: Day(iso: "2026-11-01")!, by: "ana", source: "MISI")
        w.apply(try w.perform(.measure(real), by: author).changes)
        let p = w.progress(of: w.goals["gol-1"]!, on: today)
        #expect(p.latest?.id == "mea-2")
        // And its other fields can still be corrected, its day too.
        #expect(throws: Never.self) { try w.perform(.setFields(.measurement, id: "mea-1", [FieldValue("source", "typo")]), by: author) }
        #expect(throws: Never.self) { try w.perform(.setFields(.measurement, id: "mea-1", [FieldValue("date", "2026-01-01")]), by: author) }
    }

    @Test func a_measurement_ticks_the_checkpoint_that_asked_for_it_as_done_on_its_day_and_names_it() throws {
        var w = world()
        let m = Measurement(id: "mea-2", goal: "gol-1", value: 7, date: Day(iso: "2026-11-15")!, by: "ana")
        let outcome = try w.perform(.measure(m), by: author)
        w.apply(outcome.changes)
        #expect(w.measurements["mea-2"]?.ticked == "chk-2")
        #expect(w.checkpoints["chk-2"]?.doneOn == Day(iso: "2026-11-15"))
    }

    @Test func a_value_far_outside_baseline_and_target_is_named_and_one_within_reach_is_not() {
        let g = world().goals["gol-1"]!
        #expect(g.outlierWarning(70) == "70% is far from baseline 9% and target 5%")
        #expect(g.outlierWarning(-2) != nil)
        #expect(g.outlierWarning(11) == nil && g.outlierWarning(3) == nil && g.outlierWarning(6.5) == nil)
        var open = g
        open.baseline = nil
        #expect(open.outlierWarning(70) == nil, "without both ends nothing can be said")
    }
}

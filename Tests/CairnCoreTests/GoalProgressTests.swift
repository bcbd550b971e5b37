import Testing

@testable import CairnCore

@Suite struct GoalProgressTests {
    let start = Day(iso: "2026-01-01")!
    let deadline = Day(iso: "2027-01-01")!  // 365 days

    func goal(baseline: Double? = 12, target: Double? = 8, direction: Direction = .decrease) -> Goal {
        Goal(
            id: "g", cluster: "c", statement: "Fewer early leavers", indicator: "early leaving rate", unit: "%",
            baseline: baseline, baselineDate: baseline == nil ? nil : start, target: target, deadline: deadline, direction: direction)
    }

    func measured(_ value: Double, on iso: String) -> Measurement {
        Measurement(goal: "g", value: value, date: Day(iso: iso)!, by: "ana")
    }

    func status(_ g: Goal, _ m: [Measurement], on iso: String) -> GoalProgress {
        GoalProgress(goal: g, measurements: m, on: Day(iso: iso)!)
    }

    @Test func of_two_measurements_taken_on_one_day_the_one_recorded_later_is_the_latest() throws {
        let today = Day(iso: "2026-07-02")!
        var w = World()
        w.apply(.put(.goal(goal())))
        // Recorded first under the id that sorts last, so that the id alone would pick it.
        for (id, value) in [("mea-b", 10.0), ("mea-a", 9.0)] {
            let m = Measurement(id: id, goal: "g", value: value, date: Day(iso: "2026-07-01")!, by: "ana")
            w.apply(try w.perform(.measure(m), by: Author(user: "ana", today: today)).changes)
        }
        #expect(w.measurements(of: "g").map(\.id) == ["mea-b", "mea-a"])
        #expect(w.progress(of: goal(), on: today).latest?.id == "mea-a")
        // Corrected later, the first keeps its place: the order is the recording's, not the edit's.
        w.apply(
            try w.perform(.setFields(.measurement, id: "mea-b", [FieldValue("value", "10.5")]), by: Author(user: "ana", today: today))
                .changes)
        #expect(w.progress(of: goal(), on: today).latest?.id == "mea-a")
    }

    @Test func no_measurement_means_no_data() {
        #expect(status(goal(), [], on: "2026-06-01").status == .noData)
        #expect(status(goal(), [], on: "2026-06-01").bar == "[----------]")
    }

    @Test func a_decreasing_indicator_counts_falls_as_progress() {
        // Halfway through the year (elapsed ≈ 0.5): 12 → 10 is half the way to 8.
        let halfway = status(goal(), [measured(10, on: "2026-07-01")], on: "2026-07-02")
        #expect(halfway.status == .onTrack)
        #expect(halfway.covered == 0.5)
        #expect(halfway.bar == "[#####-----]")
        // 12 → 11 is a quarter of the way: short by about 0.25, more than the 0.2 margin.
        #expect(status(goal(), [measured(11, on: "2026-07-01")], on: "2026-07-02").status == .offTrack)
        // 12 → 10.6 is 35% of the way: short by about 0.15, within the margin.
        #expect(status(goal(), [measured(10.6, on: "2026-07-01")], on: "2026-07-02").status == .atRisk)
        // Rising instead of falling is going backwards.
        let worse = status(goal(), [measured(13, on: "2026-03-01")], on: "2026-03-02")
        #expect(worse.covered! < 0)
        #expect(worse.status == .offTrack)
        #expect(status(goal(), [measured(7.5, on: "2026-09-01")], on: "2026-09-02").status == .achieved)
    }

    @Test func an_increasing_indicator_and_the_latest_measurement_counts() {
        let g = goal(baseline: 60, target: 80, direction: .increase)
        let m = [measured(79, on: "2026-03-01"), measured(65, on: "2026-11-01")]
        let p = status(g, m, on: "2026-11-02")
        #expect(p.latest?.value == 65)
        #expect(p.status == .offTrack)
    }

    @Test func without_a_baseline_the_first_measurement_is_the_baseline() {
        let g = goal(baseline: nil, target: 100, direction: .increase)
        let p = status(g, [measured(50, on: "2026-01-01"), measured(75, on: "2026-04-01")], on: "2026-04-02")
        #expect(p.covered == 0.5)
        #expect(p.status == .onTrack)
    }

    @Test func goal_validation_speaks_of_direction_dates_and_members() {
        var w = World()
        w.apply(.put(.cluster(Cluster(id: "c", name: "Gent"))))
        #expect(w.validate(Goal(cluster: "c", statement: "")).map(\.field) == ["statement"])
        let wrongWay = goal(baseline: 12, target: 8, direction: .increase)
        #expect(w.validate(wrongWay).map(\.field) == ["direction"])
        var late = goal()
        late.deadline = start
        #expect(w.validate(late).map(\.field) == ["deadline"])
        var owned = goal()
        owned.owner = "mem-elsewhere"
        #expect(w.validate(owned).map(\.field) == ["owner"])
        #expect(w.validate(Action(cluster: "c", description: "Follow truancy up")).map(\.field) == ["responsible"])
    }

    @Test func deleting_a_goal_takes_its_measurements_and_frees_its_actions() {
        var w = World()
        w.apply([.put(.cluster(Cluster(id: "c", name: "Gent"))), .put(.goal(goal())), .put(.measurement(measured(10, on: "2026-02-01")))])
        w.apply(.put(.action(Action(id: "a", cluster: "c", description: "x", goal: "g", responsible: "m"))))
        w.apply(w.cascadeDelete(.goal, id: "g"))
        #expect(w.goals.isEmpty && w.measurements.isEmpty)
        #expect(w.actions["a"]?.goal == nil)
    }
}

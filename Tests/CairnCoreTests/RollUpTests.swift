import Testing

@testable import CairnCore

/// Roll-ups over a grouping, a region or the store: each school, agency and checkpoint once,
/// every status and kind shown, and each figure beside the one at the end of the period before.
@Suite struct RollUpTests {
    /// In the fourth quarter: the period before ended on 2026-09-30.
    let today = Day(iso: "2026-11-22")!

    static func day(_ text: String) -> Day { Day(iso: text)! }

    func member(_ id: String, _ cluster: String, _ type: MemberType, _ member: String, from: String? = nil, to: String? = nil) -> Change {
        .put(
            .membership(
                Membership(id: id, cluster: cluster, memberType: type, memberId: member, from: from.map(Self.day), to: to.map(Self.day))))
    }

    /// A collaborative over two clusters, one of which is also within the other: the
    /// agrupamento is reached by two paths, and so are its school and its agency.
    func collaborative() -> World {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-r", name: "Northern Alliance", kind: .regionalCollaborative, region: "Highland"))),
            .put(.cluster(Cluster(id: "clu-a", name: "Agrupamento de Óbidos"))),
            .put(.cluster(Cluster(id: "clu-b", name: "Portree Learning Community", region: "Skye"))),
            .put(.school(School(id: "sch-1", name: "Þingeyjarskóli"))),
            .put(.school(School(id: "sch-2", name: "Portree High School"))),
            .put(.agency(Agency(id: "agy-1", name: "NHS Highland", sector: .health, level: .local))),
            member("mem-1", "clu-r", .cluster, "clu-a"),
            member("mem-2", "clu-r", .cluster, "clu-b"),
            member("mem-3", "clu-b", .cluster, "clu-a"),
            member("mem-4", "clu-a", .school, "sch-1"),
            member("mem-5", "clu-b", .school, "sch-1"),
            member("mem-6", "clu-b", .school, "sch-2"),
            member("mem-7", "clu-a", .agency, "agy-1"),
            member("mem-8", "clu-b", .agency, "agy-1"),
            .put(.checkpoint(Checkpoint(id: "chk-1", cluster: "clu-a", title: "Termly review", due: Self.day("2026-11-01")))),
        ])
        return w
    }

    @Test func a_school_agency_and_checkpoint_reached_by_two_paths_are_counted_once() {
        let r = collaborative().rollUp(.grouping("clu-r"), on: today)
        #expect(r.current.clusters == 3)
        #expect(r.current.schools == 2)
        #expect(r.current.agencies == 1)
        #expect(r.current.checkpointsOverdue == 1)
        #expect(r.current.coverage.count(.health, .local) == 1)
        #expect(r.current.gaps(.overdueCheckpoint) == 1)
    }

    @Test func a_circle_that_merged_copies_made_is_walked_once() {
        var w = collaborative()
        // Each copy joined one way round; the rule book saw neither circle, the merge made one.
        w.apply(member("mem-9", "clu-a", .cluster, "clu-r"))
        let r = w.rollUp(.grouping("clu-a"), on: today)
        #expect(r.current.clusters == 3)
        #expect(r.current.schools == 2)
        #expect(r.current.checkpointsOverdue == 1)
    }

    @Test func an_empty_scope_shows_every_status_and_kind_with_zeros() {
        let r = World().rollUp(.store, on: today)
        for figures in [r.current, r.previous] {
            #expect(figures.goals.count == GoalProgress.Status.allCases.count)
            #expect(GoalProgress.Status.allCases.allSatisfy { figures.goals[$0] == 0 })
            #expect(figures.gaps.count == Gap.Kind.allCases.count && figures.gapCount == 0)
            #expect(figures.health.count == HealthItem.allCases.count && figures.health.values.allSatisfy { $0.mean == nil })
            #expect(figures.clusters == 0 && figures.schools == 0 && figures.agencies == 0)
            #expect(figures.checkpointsDone == 0 && figures.checkpointsOverdue == 0 && figures.checkpointsUpcoming == 0)
        }
        #expect(World().rollUp(.grouping("clu-gone"), on: today).current.clusters == 0)
    }

    @Test func the_period_before_is_the_calendar_quarter_or_year_before() {
        let q = World().rollUp(.store, on: today)
        #expect(q.current.from == Self.day("2026-10-01") && q.current.on == today)
        #expect(q.previous.from == Self.day("2026-07-01") && q.previous.on == Self.day("2026-09-30"))
        let y = World().rollUp(.store, on: Self.day("2026-02-10"), period: .year)
        #expect(y.current.from == Self.day("2026-01-01"))
        #expect(y.previous.from == Self.day("2025-01-01") && y.previous.on == Self.day("2025-12-31"))
        #expect(RollUp.Period.quarter.name(of: today) == "2026 Q4" && RollUp.Period.year.name(of: today) == "2026")
    }

    /// Baseline 0 on 2026-01-01, target 100 by 2026-12-31: on 2026-11-22 about 89% of the time
    /// is gone, on 2026-09-30 about 75%.
    func goal(_ id: String, _ values: [(String, Double)], target: Double? = 100) -> [Change] {
        let g = Goal(
            id: id, cluster: "clu-a", statement: id, indicator: "share", baseline: 0, baselineDate: Self.day("2026-01-01"),
            target: target, deadline: Self.day("2026-12-31"))
        return [.put(.goal(g))]
            + values.enumerated().map { k, v in
                .put(.measurement(Measurement(id: "mea-\(id)-\(k)", goal: id, value: v.1, date: Self.day(v.0), by: "ana")))
            }
    }

    @Test func goals_are_counted_by_status_now_and_at_the_end_of_the_period_before() {
        var w = collaborative()
        w.apply(goal("gol-achieved", [("2026-09-01", 10), ("2026-11-01", 100)]))
        w.apply(goal("gol-on", [("2026-09-01", 80), ("2026-11-01", 95)]))
        w.apply(goal("gol-risk", [("2026-11-01", 75)]))
        w.apply(goal("gol-off", [("2026-11-01", 10)]))
        w.apply(goal("gol-none", []))
        let r = w.rollUp(.grouping("clu-r"), on: today)
        #expect(r.current.goals == [.achieved: 1, .onTrack: 1, .atRisk: 1, .offTrack: 1, .noData: 1])
        #expect(r.previous.goals == [.achieved: 0, .onTrack: 1, .atRisk: 0, .offTrack: 1, .noData: 3])
        #expect(r.current.goalCount == 5 && r.previous.goalCount == 5)
    }

    @Test func checkpoints_done_in_the_period_overdue_and_upcoming_are_counted_on_each_day() {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-a", name: "Sieć Bałuty"))),
            // Due in the third quarter, ticked in the fourth: overdue then, done now.
            .put(
                .checkpoint(
                    Checkpoint(
                        id: "chk-late", cluster: "clu-a", title: "Report", due: Self.day("2026-09-15"), doneOn: Self.day("2026-10-10"),
                        doneBy: "ana", evidence: "sent"))),
            .put(
                .checkpoint(
                    Checkpoint(
                        id: "chk-q3", cluster: "clu-a", title: "Meeting", due: Self.day("2026-08-01"), doneOn: Self.day("2026-08-01"),
                        doneBy: "ana", evidence: "minutes"))),
            .put(.checkpoint(Checkpoint(id: "chk-open", cluster: "clu-a", title: "Review", due: Self.day("2026-11-01")))),
            .put(.checkpoint(Checkpoint(id: "chk-soon", cluster: "clu-a", title: "Plan", due: Self.day("2027-01-15")))),
            .put(.checkpoint(Checkpoint(id: "chk-far", cluster: "clu-a", title: "Evaluation", due: Self.day("2027-06-01")))),
        ])
        let r = w.rollUp(.grouping("clu-a"), on: today)
        #expect(r.current.checkpointsDone == 1)
        #expect(r.current.checkpointsOverdue == 1)
        #expect(r.current.checkpointsUpcoming == 1, "due within a quarter of the day")
        #expect(r.previous.checkpointsDone == 1)
        #expect(r.previous.checkpointsOverdue == 1, "the report due in September was still open on the 30th")
        #expect(r.previous.checkpointsUpcoming == 1, "the review due in November")
        #expect(r.current.gaps(.overdueCheckpoint) == 1 && r.previous.gaps(.overdueCheckpoint) == 1)
    }

    @Test func members_count_on_the_days_they_were_members() {
        var w = collaborative()
        w.apply([
            .put(.school(School(id: "sch-3", name: "Szkoła Podstawowa nr 3 w Łodzi"))),
            .put(.school(School(id: "sch-4", name: "漢字小学校"))),
            member("mem-10", "clu-a", .school, "sch-3", from: "2026-10-15"),
            member("mem-11", "clu-a", .school, "sch-4", from: "2025-09-01", to: "2026-09-01"),
        ])
        let r = w.rollUp(.grouping("clu-r"), on: today)
        #expect(r.current.schools == 3, "joined this quarter: in now; left in September: out")
        #expect(r.previous.schools == 2, "on 2026-09-30: neither the one that joined later nor the one that had left")
        #expect(w.rollUp(.grouping("clu-r"), on: Self.day("2026-08-31")).current.schools == 3, "still a member in August")
    }

    @Test func a_clusters_member_cluster_that_joined_later_is_out_of_the_period_before() {
        var w = collaborative()
        w.apply([
            .put(.cluster(Cluster(id: "clu-c", name: "Kāhui Ako o Ōtautahi"))),
            member("mem-12", "clu-r", .cluster, "clu-c", from: "2026-10-01"),
        ])
        let r = w.rollUp(.grouping("clu-r"), on: today)
        #expect(r.current.clusters == 4 && r.previous.clusters == 3)
    }

    @Test func health_is_the_mean_of_the_latest_checks_with_the_trend_of_the_last_four() throws {
        var w = World()
        w.apply([
            .put(.cluster(Cluster(id: "clu-r", name: "Rede"))),
            .put(.cluster(Cluster(id: "clu-a", name: "A"))),
            .put(.cluster(Cluster(id: "clu-b", name: "B"))),
            member("mem-1", "clu-r", .cluster, "clu-a"),
            member("mem-2", "clu-r", .cluster, "clu-b"),
        ])
        // A: five checks, leadership 1, 1, 2, 3, 4 (the first falls outside the last four).
        for (k, (date, rating)) in [("2025-06-01", 1), ("2025-12-01", 1), ("2026-03-01", 2), ("2026-06-01", 3), ("2026-11-01", 4)]
            .enumerated()
        {
            w.apply(
                .put(
                    .assessment(
                        Assessment(id: "ass-a\(k)", cluster: "clu-a", date: Self.day(date), by: "ana", ratings: [.leadership: rating]))))
        }
        // B: one check, leadership 2, workload 3.
        w.apply(
            .put(
                .assessment(
                    Assessment(
                        id: "ass-b", cluster: "clu-b", date: Self.day("2026-10-01"), by: "ana", ratings: [.leadership: 2, .workload: 3])
                )))
        let r = w.rollUp(.grouping("clu-r"), on: today)
        let leadership = try #require(r.current.health[.leadership])
        #expect(leadership.means == [1.5, 2, 2.5, 3], "oldest of A's last four first, B's one check counted at each")
        #expect(leadership.mean == 3 && leadership.clusters == 2 && leadership.movement == .rising)
        #expect(r.current.health[.workload]?.means == [3] && r.current.health[.workload]?.movement == nil)
        #expect(r.current.health[.funding]?.mean == nil)
        // On 2026-09-30 B had no check and A's latest was June's.
        #expect(r.previous.health[.leadership]?.means == [1, 1, 2, 3])
        // The same cluster's ratings only: one that had been checked once moves nothing.
        #expect(r.current.health[.workload]?.movement == nil && r.previous.health[.workload]?.mean == nil)
        #expect(r.previous.health[.leadership]?.clusters == 1)
    }

    @Test func a_region_holds_its_clusters_and_what_is_within_them_and_the_store_everything() {
        var w = collaborative()
        w.apply(.put(.school(School(id: "sch-9", name: "Escola sem agrupamento"))))
        let skye = w.rollUp(.regions(["skye"]), on: today)
        #expect(skye.current.clusters == 2, "Portree and the agrupamento within it")
        #expect(skye.current.schools == 2)
        let store = w.rollUp(.store, on: today)
        #expect(store.current.clusters == 3 && store.current.schools == 3 && store.current.agencies == 1)
    }
}

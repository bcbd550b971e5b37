import CairnCore
import CairnStore
import TermUI
import Testing

@testable import CairnApp

/// Home's first frame drawn from a snapshot's first look (the clusters and health checks, the
/// counts and each cluster's next open checkpoint) before the world is decoded whole: it must be
/// the frame the whole world gives, and the state once the world arrives the state it gives.
@Suite struct FirstLookTests {
    /// The conflicted fixture grown to 400 clusters and 3,000 checkpoints: due dates that tie
    /// (same day, same title), done ones, health checks, funding ending soon, accents.
    static func world() throws -> World {
        var w = try ConflictsScreenTests.conflicted()
        var seed: UInt64 = 12345
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let regions = ["Oeste", "Highland", "Łódź", "Norðurland eystra", "Kāhui Ako", "漢字"]
        let titles = ["Reunião trimestral", "Termly review", "Spotkanie", "Fundur"]
        var changes: [Change] = []
        for i in 0..<400 {
            let id = "clu-\(i)"
            let funding = next(3) == 0 ? Fixture.today.adding(days: next(400) - 30) : nil
            changes.append(
                .put(
                    .cluster(
                        Cluster(
                            id: id, name: "Agrupamento \(["São", "Sa\u{0303}o", "Łódź", "Þing"][next(4)]) \(next(1000))", kind: .network,
                            region: regions[next(regions.count)], fundingEndsOn: funding))))
            if next(4) == 0 {
                changes.append(
                    .put(
                        .assessment(
                            Assessment(
                                id: "ass-\(i)", cluster: id, date: Fixture.today.adding(days: -next(300)), by: "ana",
                                ratings: [.leadership: 1 + next(4), .workload: 1 + next(4)]))))
            }
        }
        for i in 0..<3000 {
            let due = Fixture.today.adding(days: next(90) - 45)
            let done = next(3) == 0
            changes.append(
                .put(
                    .checkpoint(
                        Checkpoint(
                            id: "chk-x\(i)", cluster: "clu-\(next(400))", title: titles[next(titles.count)], due: due,
                            doneOn: done ? due : nil, doneBy: done ? "ben" : nil))))
        }
        w.apply(changes)
        return w
    }

    /// The app as a start from the snapshot draws it: the first look read back from snapshot
    /// bytes (its counts and next-due checkpoints, then the world's clusters and health checks),
    /// and no world at all.
    static func firstLookApp(_ w: World, width: Int, height: Int) throws -> AppState {
        var lookWriter = SnapshotWriter()
        w.firstLook.writeSnapshot(to: &lookWriter)
        var writer = SnapshotWriter()
        try w.writeSnapshot(to: &writer)
        var look = try lookWriter.bytes.withUnsafeBytes { bytes in
            var r = SnapshotReader(bytes)
            return try FirstLook(snapshot: &r)
        }
        try look.readTables(world: writer.bytes)
        #expect(look == w.firstLook)
        return AppState(world: World(), today: Fixture.today, user: "ana", width: width, height: height, ids: .seeded(42), firstLook: look)
    }

    @Test(arguments: [(80, 23), (80, 24), (120, 40)])
    func the_first_frame_from_the_first_look_is_the_frame_of_the_whole_world(size: (Int, Int)) throws {
        let w = try Self.world()
        var early = try Self.firstLookApp(w, width: size.0, height: size.1)
        // No world decoded at all, yet every cluster listed and every record counted in the tabs.
        #expect(early.world == World())
        var whole = Fixture.app(w, width: size.0, height: size.1)
        let frame = early.render()
        #expect(frame == whole.render())
        #expect(frame.row(1).contains("Clusters (402)") && frame.row(1).contains("Checkpoints (3004)"))
        #expect(frame.row(0).contains("1 conflict (C on Home)"))
        #expect(frame.row(size.1 - 1).contains("C conflicts (1)"))

        early.takeWholeWorld(w)
        #expect(early.env == whole.env)
        #expect(early.env.world == whole.env.world)
        #expect(early.stack == whole.stack)
        #expect(early.status == whole.status)
        #expect(early == whole)
        for key in [Key.char("j"), .char("s"), .tab, .char("4"), .char("f")] {
            early.press(key)
            whole.press(key)
            #expect(early.render() == whole.render())
        }
    }

    /// Home's clusters by name are made as they are shown: every row, once made, is the row
    /// the whole list gives, health (latest assessments first), funding and next due alike.
    @Test func the_clusters_made_as_they_are_shown_are_the_rows_of_the_whole_list() throws {
        var w = try Self.world()
        // A second and third assessment for some clusters: the latest is the one that counts.
        var more: [Change] = []
        for i in 0..<60 {
            let date = Fixture.today.adding(days: -(i % 3) * 40)
            let ratings: [HealthItem: Int] = [.leadership: 1 + i % 4, .workload: 4 - i % 4]
            more.append(
                .put(.assessment(Assessment(id: "ass-more-\(i)", cluster: "clu-\(i * 5)", date: date, by: "ben", ratings: ratings))))
        }
        w.apply(more)
        let look = w.firstLook
        for today in [Fixture.today, Fixture.today.adding(days: 200)] {
            let lazy = Rows.clustersLazily(look, today: today)
            let whole = Rows.clusters(look, today: today)
            #expect(lazy.ids == whole.map(\.id))
            #expect(lazy.ids.indices.map { lazy.row($0) } == whole)
            #expect(whole.contains { $0.style != nil } && whole.contains { $0.style == nil })
        }
    }

    /// The world read from the first look's own snapshot keeps the rows that look gave: the
    /// state is the one the whole world gives, and nothing of the look is kept past it.
    @Test func the_world_of_the_first_looks_snapshot_keeps_its_rows() throws {
        let w = try Self.world()
        var early = try Self.firstLookApp(w, width: 80, height: 24)
        _ = early.render()
        early.takeWholeWorld(w, lookIsTheWorlds: true)
        let whole = Fixture.app(w, width: 80, height: 24)
        #expect(early == whole)
        #expect(early.env.worldLook == nil)
        #expect(early.render() == whole.render())
    }

    @Test func a_world_that_moved_past_the_first_look_rebuilds_the_clusters_it_lists() throws {
        let w = try Self.world()
        var early = try Self.firstLookApp(w, width: 80, height: 24)
        _ = early.render()
        // Read whole, the world holds a cluster more and one renamed since the snapshot.
        var moved = w
        var renamed = try #require(moved.clusters["clu-0"])
        renamed.name = "Aaa Þingeyjarskóli"
        moved.apply([
            .put(.cluster(renamed)), .put(.cluster(Cluster(id: "clu-new", name: "Aaa Łódź Nova", kind: .network, region: "Łódź"))),
        ])
        early.takeWholeWorld(moved)
        let whole = Fixture.app(moved, width: 80, height: 24)
        let rows = try early.topScreen(HomeScreen.self).lists[HomeScreen.Tab.clusters.rawValue].rows
        #expect(rows == (try whole.topScreen(HomeScreen.self).lists[HomeScreen.Tab.clusters.rawValue].rows))
        #expect(rows.contains { $0.cells.first == "Aaa Łódź Nova" } && rows.contains { $0.cells.first == "Aaa Þingeyjarskóli" })
    }

    @Test func an_empty_store_is_welcomed_alike() throws {
        let early = try Self.firstLookApp(World(), width: 80, height: 24)
        let frame = early.render()
        #expect(frame == Fixture.app(World()).render())
        #expect(frame.text.contains("Welcome to Cairn."))
    }
}

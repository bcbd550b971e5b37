import CairnCore
import Testing

@testable import CairnStore

/// A snapshot writes each kind the per-cluster index groups group by group, in the index's
/// order, and its read takes those runs as the index: nothing sorted again. The order it trusts
/// must be the one a build from the records gives, whatever changes the world went through.
@Suite struct SnapshotIndexTests {
    let today = Day(iso: "2026-12-01")!

    func roundTrip(_ world: World) throws -> World {
        var w = SnapshotWriter()
        try world.writeSnapshot(to: &w)
        let bytes = SnapshotBytes(copying: w.bytes)
        var offset = 0
        let read = try World(snapshot: bytes, at: &offset, seal: 0)
        #expect(offset == w.bytes.count)
        // Every part read (the tables compared), and each read as written.
        #expect(read == world)
        #expect(!bytes.isDamaged)
        return read
    }

    /// One random change to a small world whose orders all hang on something: members on
    /// names that change after they joined, measurements of one day on when they were
    /// recorded, goals, actions and health checks on their fields, ties included.
    func change(_ rng: inout SplitMix64) -> Change {
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let names = ["Escola Básica", "Escola Basica", "Łódź", "Þingeyjarskóli", "漢字", "Aa", "aa", "Zeta 🙂", "e\u{301}cole"]
        let cluster = "clu-\(pick(3))"
        let day = today.adding(days: pick(3) - 1)
        let id = pick(8)
        let delete = pick(5) == 0
        switch pick(8) {
        case 0:
            if delete { return .delete(.school, id: "sch-\(id)") }
            return .put(.school(School(id: "sch-\(id)", name: names[pick(names.count)])))
        case 1:
            if delete { return .delete(.agency, id: "age-\(id)") }
            return .put(.agency(Agency(id: "age-\(id)", name: names[pick(names.count)], sector: .education)))
        case 2:
            if delete { return .delete(.membership, id: "mem-\(id)") }
            let school = pick(2) == 0
            return .put(
                .membership(
                    Membership(
                        id: "mem-\(id)", cluster: cluster, memberType: school ? .school : .agency,
                        memberId: "\(school ? "sch" : "age")-\(pick(8))", lead: pick(4) == 0)))
        case 3:
            if delete { return .delete(.checkpoint, id: "chk-\(id)") }
            return .put(.checkpoint(Checkpoint(id: "chk-\(id)", cluster: cluster, title: names[pick(3)], due: day)))
        case 4:
            if delete { return .delete(.goal, id: "gol-\(id)") }
            return .put(
                .goal(
                    Goal(
                        id: "gol-\(id)", cluster: cluster, statement: names[pick(2)], deadline: pick(2) == 0 ? day : nil,
                        priority: pick(2) == 0 ? .high : .medium)))
        case 5:
            if delete { return .delete(.measurement, id: "mea-\(id)") }
            return .put(.measurement(Measurement(id: "mea-\(id)", goal: "gol-\(pick(3))", value: Double(pick(100)), date: day, by: "ana")))
        case 6:
            if delete { return .delete(.action, id: "act-\(id)") }
            return .put(.action(Action(id: "act-\(id)", cluster: cluster, description: names[pick(2)], due: pick(2) == 0 ? day : nil)))
        default:
            if delete { return .delete(.assessment, id: "ass-\(id)") }
            return .put(.assessment(Assessment(id: "ass-\(id)", cluster: cluster, date: day, by: "ana")))
        }
    }

    @Test func the_index_a_snapshot_is_read_into_is_the_index_built_from_its_records() throws {
        let (seed, generator) = replayableRandom("the_index_a_snapshot_is_read_into_is_the_index_built_from_its_records")
        var rng = generator
        var world = World()
        for step in 1...1500 {
            world.apply(change(&rng))
            guard step % 50 == 0 else { continue }
            let read = try roundTrip(world)
            #expect(read == world, "seed \(seed): step \(step)")
            let kept = read.clusterIndex.holdsTheSameGroups(as: world.clusterIndex)
            let built = read.clusterIndex.holdsTheSameGroups(as: ClusterIndex(read))
            #expect(kept && built, "seed \(seed): step \(step)")
            #expect(perClusterAnswersAlike(read, world, on: today), "seed \(seed): step \(step)")
            if !(kept && built) { break }
        }
        #expect(!world.memberships.isEmpty && !world.measurements.isEmpty && !world.goals.isEmpty)
    }

    @Test func no_snapshot_is_written_from_an_index_that_lacks_a_record_or_holds_one_twice() throws {
        var world = World()
        world.apply(.put(.cluster(Cluster(id: "clu-1", name: "Vale do Sousa"))))
        for i in 0..<3 {
            world.apply(.put(.checkpoint(Checkpoint(id: "chk-\(i)", cluster: "clu-1", title: "Visit \(i)", due: today))))
        }
        #expect(try roundTrip(world).checkpoints.count == 3)
        var lacking = world
        lacking.clusterIndex.checkpoints["clu-1"]?.removeLast()
        #expect(throws: World.Unsound.self) { try roundTrip(lacking) }
        var twice = world
        twice.clusterIndex.checkpoints["clu-1"]?.append("chk-0")
        #expect(throws: World.Unsound.self) { try roundTrip(twice) }
    }
}

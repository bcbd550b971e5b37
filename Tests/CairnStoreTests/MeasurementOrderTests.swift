import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Of two measurements of one goal taken on one day, the one recorded later is the latest,
/// however the store is read.
@Suite struct MeasurementOrderTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let today = Day(iso: "2026-12-01")!

    @Test func the_one_recorded_later_stays_the_latest_after_a_full_read_and_from_the_snapshot() throws {
        let tmp = TemporaryDirectory()
        let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        let author = Author(user: "ana", today: today)
        let goal = Goal(
            id: "gol-1", cluster: "clu-1", statement: "Menos abandono", indicator: "taxa de abandono", unit: "%", baseline: 12,
            baselineDate: Day(iso: "2026-01-01")!, target: 8, deadline: Day(iso: "2027-06-30")!)
        try store.perform(
            .all([.add(.cluster(Cluster(id: "clu-1", name: "Rede de Óbidos"))), .add(.goal(goal))], summary: "set up"), by: author)
        // Each recorded under an id that sorts before the one recorded before it.
        for (id, value) in [("mea-c", 11.0), ("mea-b", 10.0), ("mea-a", 9.5)] {
            try store.perform(.measure(Measurement(id: id, goal: "gol-1", value: value, date: today, by: "ana")), by: author)
        }
        #expect(store.world.progress(of: goal, on: today).latest?.id == "mea-a")
        let full = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(!full.startedFromSnapshot)
        #expect(full.world.progress(of: goal, on: today).latest?.id == "mea-a")
        #expect(full.world.measurements(of: "gol-1").map(\.id) == ["mea-c", "mea-b", "mea-a"])
        let fromSnapshot = try Store(directory: tmp.store, identity: ana, snapshotAfter: 1)
        #expect(fromSnapshot.startedFromSnapshot)
        #expect(fromSnapshot.world == full.world)
        #expect(fromSnapshot.world.progress(of: goal, on: today).latest?.id == "mea-a")
    }
}

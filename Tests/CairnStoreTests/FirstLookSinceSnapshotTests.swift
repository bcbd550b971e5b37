import CairnCore
import Foundation
import Testing

@testable import CairnStore

/// Home's next-due column and its tree, and the member counts `cairn list clusters` shows, are
/// taken from the snapshot, worked out anew only where checkpoints or memberships changed
/// since: after any run of changes they must be what a pass over every record gives.
@Suite struct FirstLookSinceSnapshotTests {
    let ana = Identity(user: "ana", host: "regional-server")
    let today = Day(iso: "2026-12-01")!

    /// Six rounds of 25 steps, each round started from a snapshot of the one before.
    func roundsFromSnapshots(_ tmp: TemporaryDirectory, _ step: (Store, _ round: Int, _ step: Int) throws -> Void) throws {
        for round in 0..<6 {
            let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
            #expect(store.startedFromSnapshot && store.world.lookAtSnapshot.look != nil, "round \(round)")
            for n in 0..<25 { try step(store, round, n) }
            try store.refresh()
            #expect(store.saveSnapshot())
        }
    }

    @Test func next_due_and_groupings_after_random_changes_are_what_a_full_pass_gives() throws {
        var (_, random) = replayableRandom("next_due_and_groupings_after_random_changes_are_what_a_full_pass_gives")
        let tmp = TemporaryDirectory()
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try first.commit(try Examples.changes(for: first.world, today: today, user: "ana"))
        let clusters = Array(first.world.clusters.keys).sorted()
        for (k, cluster) in clusters.enumerated() {
            for n in 0..<4 {
                let due = Day(iso: "2027-0\(1 + n)-1\(k % 10)")!
                try first.commit([.put(.checkpoint(Checkpoint(id: "chk-\(k)-\(n)", cluster: cluster, title: "T\(n)", due: due)))])
            }
        }
        // A cluster in another, so that the snapshot holds a grouping that may end.
        try first.commit([
            .put(.membership(Membership(id: "mem-g0", cluster: clusters[0], memberType: .cluster, memberId: clusters[1])))
        ])
        try first.refresh()
        #expect(first.saveSnapshot())
        try roundsFromSnapshots(tmp) { store, round, step in
            let w = store.world
            let ids = Array(w.checkpoints.keys).sorted()
            let pick = { ids[Int(random.next() % UInt64(ids.count))] }
            var change: Change
            var more: [Change] = []
            switch random.next() % 7 {
            case 0:
                var c = try #require(w.checkpoints[pick()])
                c.doneOn = c.doneOn == nil ? today : nil
                change = .put(.checkpoint(c))
            case 1:
                var c = try #require(w.checkpoints[pick()])
                c.due = Day(iso: "2026-1\(random.next() % 3)-0\(1 + random.next() % 9)")!
                change = .put(.checkpoint(c))
            case 2:
                let cluster = clusters[Int(random.next() % UInt64(clusters.count))]
                change = .put(
                    .checkpoint(Checkpoint(cluster: cluster, title: "New \(round)-\(step)", due: Day(iso: "2026-12-0\(1 + step % 9)")!))
                )
            case 3: change = .delete(.checkpoint, id: pick())
            case 4:
                let (a, b) = (
                    clusters[Int(random.next() % UInt64(clusters.count))], clusters[Int(random.next() % UInt64(clusters.count))]
                )
                guard a != b else { return }
                change = .put(.membership(Membership(id: "mem-g\(round)-\(step)", cluster: a, memberType: .cluster, memberId: b)))
            case 5:
                // Every grouping ended at once: the tree is gone.
                let current = w.memberships.values.filter { $0.memberType == .cluster && $0.isCurrent }
                guard !current.isEmpty else { return }
                let ended = current.map { m in
                    var m = m
                    m.to = today
                    return Change.put(.membership(m))
                }
                change = ended[0]
                more = Array(ended.dropFirst())
            default:
                guard let m = w.memberships.values.first(where: { $0.memberType == .cluster }) else { return }
                change = .delete(.membership, id: m.id)
            }
            try store.commit([change] + more)
            let now = store.world
            #expect(now.nextDueByCluster() == now.nextDueByClusterScanning(), "round \(round), step \(step): \(change)")
            #expect(now.hasGroupings == now.hasGroupingsScanning, "round \(round), step \(step): \(change)")
        }
    }

    @Test func member_counts_after_random_changes_are_what_a_full_pass_gives() throws {
        var (_, random) = replayableRandom("member_counts_after_random_changes_are_what_a_full_pass_gives")
        let tmp = TemporaryDirectory()
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try first.commit(try Examples.changes(for: first.world, today: today, user: "ana"))
        try first.refresh()
        #expect(first.saveSnapshot())
        let clusters = Array(first.world.clusters.keys).sorted()
        let members = first.world.schools.keys.map { (MemberType.school, $0) } + first.world.agencies.keys.map { (MemberType.agency, $0) }
        try #require(!members.isEmpty && clusters.count > 1)
        func any<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        try roundsFromSnapshots(tmp) { store, round, step in
            #expect(store.world.lookAtSnapshot.memberCounts != nil, "round \(round)")
            let w = store.world
            let ids = Array(w.memberships.keys).sorted()
            var m = try #require(w.memberships[any(ids)])
            var change: Change
            switch random.next() % 6 {
            case 0, 1:
                let (type, id) = any(members)
                change = .put(.membership(Membership(cluster: any(clusters), memberType: type, memberId: id)))
            case 2:
                m.to = m.to == nil ? today : nil
                change = .put(.membership(m))
            case 3:
                m.cluster = any(clusters)
                change = .put(.membership(m))
            case 4:
                m.memberType = m.memberType == .school ? .agency : .school
                change = .put(.membership(m))
            default: change = .delete(.membership, id: m.id)
            }
            try store.commit([change])
            let now = store.world
            let counted = now.currentMemberCounts()
            let scanned = now.currentMemberCountsScanning()
            #expect(counted.keys.sorted() == scanned.keys.sorted(), "round \(round), step \(step): \(change)")
            for (cluster, n) in scanned {
                #expect(counted[cluster].map { $0 == n } == true, "round \(round), step \(step), \(cluster): \(change)")
            }
        }
    }

    /// The world a start reads after its first look is that look's only when nothing was read
    /// past that look's snapshot: a commit read past it, and the look is worked out from the
    /// world again. The read takes the snapshot the look came from, whatever the file is since.
    @Test func the_world_is_the_first_looks_only_when_read_from_its_snapshot_with_nothing_since() throws {
        let tmp = TemporaryDirectory()
        let first = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        try first.commit(try Examples.changes(for: first.world, today: today, user: "ana"))
        try first.refresh()
        #expect(first.saveSnapshot())
        func start(_ between: (Store) throws -> Void) throws -> Store {
            let store = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max, readNow: false)
            _ = try #require(store.earlyLook())
            try between(store)
            try store.read()
            return store
        }
        #expect(try start { _ in }.worldIsTheFirstLooks)
        // A commit by another session between the look and the read: the read takes the store
        // as the look listed it, the next look reads the commit, and the world is no longer the look's.
        let moved = try start { _ in try first.commit([.put(.school(School(id: "sch-between", name: "Łódź 1")))]) }
        #expect(moved.worldIsTheFirstLooks == (moved.world.schools["sch-between"] == nil))
        #expect(try moved.refresh())
        #expect(moved.world.schools["sch-between"] != nil && !moved.worldIsTheFirstLooks)
        // Another session's snapshot, past the look's, written between them: the read takes the
        // snapshot the look came from (its world read meanwhile), and the journals past it.
        let later = try start { _ in
            try first.refresh()
            #expect(first.saveSnapshot())
        }
        #expect(later.startedFromSnapshot && later.readSeal == later.firstLookSeal)
        #expect(later.world.schools["sch-between"] != nil && later.eventCount == later.snapshotEvents + 1)
        #expect(!later.worldIsTheFirstLooks)
        // And a start that took no first look.
        let plain = try Store(directory: tmp.store, identity: ana, snapshotAfter: .max)
        #expect(plain.startedFromSnapshot && !plain.worldIsTheFirstLooks)
        // Another file put in the snapshot's place after the look (as a snapshot is written,
        // by a rename): the read does not read it.
        let damaged = try start { store in
            let other = store.snapshotFile.appendingPathExtension("other")
            try Data("not a snapshot".utf8).write(to: other)
            #expect(rename(other.path, store.snapshotFile.path) == 0)
        }
        #expect(damaged.startedFromSnapshot && damaged.worldIsTheFirstLooks && damaged.world == first.world)
    }
}

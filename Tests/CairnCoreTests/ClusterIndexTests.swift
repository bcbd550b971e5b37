import Foundation
import Testing

@testable import CairnCore

/// The per-cluster index and the sort by urgency are speed only: each must answer exactly as the
/// plain scan and the plain sort did.
@Suite struct ClusterIndexTests {
    let today = Day(iso: "2026-12-01")!

    /// A world of a few clusters with checkpoints of every status, ties of due day and title
    /// included, and members, goals, actions and health checks.
    func world(seed: UInt64) throws -> World {
        var rng = SplitMix64(state: seed)
        var w = World()
        let clusters = (0..<4).map { Cluster(id: "clu-\($0)", name: "Cluster \($0)") }
        for c in clusters { w.apply(.put(.cluster(c))) }
        for i in 0..<300 {
            let due = today.adding(days: Int(rng.next() % 60) - 30)
            let done = rng.next() % 3 == 0 ? due : nil
            w.apply(
                .put(
                    .checkpoint(
                        Checkpoint(
                            id: "chk-\(i)", cluster: "clu-\(rng.next() % 4)", title: ["Meeting", "Report", "Visit"][Int(rng.next() % 3)],
                            due: due, doneOn: done, doneBy: done.map { _ in "ana" }))))
        }
        for i in 0..<20 {
            let school = School(id: "sch-\(i)", name: "Escola \(rng.next() % 7)")
            w.apply(.put(.school(school)))
            w.apply(
                .put(
                    .membership(
                        Membership(id: "mem-\(i)", cluster: "clu-\(i % 4)", memberType: .school, memberId: school.id, lead: i < 4))))
        }
        return w
    }

    @Test func the_urgency_sort_is_the_urgency_order() throws {
        for seed in 1...20 {
            let w = try world(seed: UInt64(seed))
            let all = Array(w.checkpoints.values)
            let expected = all.sorted { Checkpoint.urgencyOrder($0, $1, on: today) }
            #expect(Checkpoint.inUrgencyOrder(all, on: today).map(\.id) == expected.map(\.id))
        }
    }

    @Test func each_cluster_question_answers_as_the_scan_did_and_follows_every_change() throws {
        var w = try world(seed: 7)
        func check() {
            for c in w.clusters.keys {
                let scanned = w.checkpoints.values.filter { $0.cluster == c }.sorted { Checkpoint.urgencyOrder($0, $1, on: today) }
                #expect(w.checkpoints(of: c, on: today) == scanned)
                #expect(w.members(of: c) == w.inMemberOrder(w.memberships.values.filter { $0.cluster == c }))
                #expect(w.lead(of: c)?.id == w.memberships.values.first { $0.cluster == c && $0.lead }?.id)
            }
        }
        check()
        // A copy that changes never reads the index its original built.
        let before = w
        w.apply(.delete(.checkpoint, id: try #require(w.checkpoints(of: "clu-1", on: today).first).id))
        w.apply(.put(.checkpoint(Checkpoint(id: "chk-new", cluster: "clu-2", title: "Late", due: today.adding(days: -90)))))
        w.apply(.delete(.membership, id: "mem-1"))
        check()
        #expect(w.checkpoints(of: "clu-2", on: today).first?.id == "chk-new")
        #expect(before.checkpoints(of: "clu-2", on: today).first?.id != "chk-new")
        #expect(w.lead(of: "clu-1") == nil && before.lead(of: "clu-1") != nil)
    }

    /// A copy made before either built the index, then changed: each answers from its own records.
    @Test func a_copy_changed_before_the_index_was_built_never_reads_the_other_index() throws {
        let original = try world(seed: 3)
        var copy = original
        copy.apply(.put(.checkpoint(Checkpoint(id: "chk-copy", cluster: "clu-0", title: "Only in the copy", due: today))))
        #expect(!original.checkpoints(of: "clu-0", on: today).contains { $0.id == "chk-copy" })  // the original builds first
        #expect(copy.checkpoints(of: "clu-0", on: today).contains { $0.id == "chk-copy" })
        var other = original
        other.apply(.delete(.membership, id: "mem-0"))
        #expect(other.members(of: "clu-0").allSatisfy { $0.id != "mem-0" })
        #expect(original.members(of: "clu-0").contains { $0.id == "mem-0" })
    }
}

import Foundation
import Testing

@testable import CairnCore

/// The per-cluster index is kept up by every change the world takes, not built anew: after any
/// sequence of puts and deletes of every kind (renames of members, records moved between
/// clusters or goals, measurements of one day) it must hold what a build from the records holds.
@Suite struct ClusterIndexChangesTests {
    let today = Day(iso: "2026-12-01")!

    /// One random change to a small world: a few ids of each kind, so that records are made,
    /// replaced, moved and deleted over and over.
    func change(_ rng: inout SplitMix64) -> Change {
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let names = ["Escola Básica", "Escola Basica", "Łódź", "Þingeyjarskóli", "漢字", "Aa", "aa", "Zeta 🙂"]
        let cluster = "clu-\(pick(4))"
        let day = today.adding(days: pick(5) - 2)
        let id = pick(6)
        let delete = pick(4) == 0
        switch pick(9) {
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
                        memberId: "\(school ? "sch" : "age")-\(pick(6))", lead: pick(3) == 0)))
        case 3:
            if delete { return .delete(.checkpoint, id: "chk-\(id)") }
            return .put(.checkpoint(Checkpoint(id: "chk-\(id)", cluster: cluster, title: names[pick(3)], due: day)))
        case 4:
            if delete { return .delete(.goal, id: "gol-\(id)") }
            return .put(
                .goal(
                    Goal(
                        id: "gol-\(id)", cluster: cluster, statement: names[pick(3)], deadline: pick(2) == 0 ? day : nil,
                        priority: pick(2) == 0 ? .high : .medium)))
        case 5:
            if delete { return .delete(.measurement, id: "mea-\(id)") }
            return .put(.measurement(Measurement(id: "mea-\(id)", goal: "gol-\(pick(6))", value: Double(pick(100)), date: day, by: "ana")))
        case 6:
            if delete { return .delete(.action, id: "act-\(id)") }
            return .put(.action(Action(id: "act-\(id)", cluster: cluster, description: names[pick(3)], due: pick(2) == 0 ? day : nil)))
        case 7:
            if delete { return .delete(.agreement, id: "agr-\(id)") }
            return .put(.agreement(Agreement(id: "agr-\(id)", cluster: cluster, meetingsPerYear: 4, periodStart: day, periodEnd: today)))
        default:
            if delete { return .delete(.assessment, id: "ass-\(id)") }
            return .put(.assessment(Assessment(id: "ass-\(id)", cluster: cluster, date: day, by: "ana")))
        }
    }

    @Test func the_index_kept_up_change_by_change_is_the_index_built_from_the_records() throws {
        let (seed, generator) = replayableRandom("the_index_kept_up_change_by_change_is_the_index_built_from_the_records")
        var rng = generator
        var w = World()
        for step in 0..<3000 {
            let c = change(&rng)
            // Through every door a change comes in by: a put, a put that says what it replaced, an edit.
            switch step % 3 {
            case 0: w.apply(c)
            case 1: _ = w.applyReplacing(c)
            default:
                if case .put(let r) = c, let before = w.record(r.kind, id: r.id) {
                    let fields = r.fieldValues.filter { before.fieldValues[$0.key] != $0.value }
                        .map { FieldEdit($0.key, old: before.fieldValues[$0.key] ?? .null, new: $0.value) }
                    w.apply(.edit(Edit(kind: r.kind, id: r.id, fields: fields)))
                } else {
                    w.apply(c)
                }
            }
            let agrees = w.clusterIndex.holdsTheSameGroups(as: ClusterIndex(w))
            #expect(agrees, "seed \(seed): step \(step), \(c)")
            if !agrees { break }
        }
        #expect(!w.memberships.isEmpty && !w.measurements.isEmpty)
    }
}

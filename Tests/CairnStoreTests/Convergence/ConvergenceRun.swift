import CairnCore
import Foundation
import PropertyBased

@testable import CairnStore

/// One interleaving carried out on three fresh copies: every change through `Store.perform`,
/// every sync through `StoreSync`, as the doors do. Refusals by the rule book are part of the
/// game (an undo of a field changed since, a resolution of a conflict someone else ended);
/// a change the store could not write, or a sync that failed, is a finding.
final class ConvergenceRun {
    /// What a run did, added up over runs for the report.
    struct Tally {
        var steps = 0
        var changes = 0
        var refusals = 0
        var syncs = 0
        var undos = 0
        var conflictsSeen = 0
        var resolved = 0
        /// Links between schools written, and contributions to a grouping's goal set, by the
        /// moves that race them against a delete on another copy.
        var links = 0
        var contributions = 0

        static func + (a: Tally, b: Tally) -> Tally {
            Tally(
                steps: a.steps + b.steps, changes: a.changes + b.changes, refusals: a.refusals + b.refusals, syncs: a.syncs + b.syncs,
                undos: a.undos + b.undos, conflictsSeen: a.conflictsSeen + b.conflictsSeen, resolved: a.resolved + b.resolved,
                links: a.links + b.links, contributions: a.contributions + b.contributions)
        }
    }

    let copies: Copies
    private(set) var tally = Tally()
    /// Every event a `perform` acknowledged, on any copy: none may be missing at the end.
    private(set) var acknowledged: [String: String] = [:]
    /// What was wrong right after a merge: a reference pointing nowhere (the verdict at the end
    /// would not see one that a later change happened to clear).
    private(set) var mergeFindings: [String] = []
    /// Every record the run knew of, in the order it first did: how steps choose one, so that
    /// a seed chooses the same record on every replay though the examples' ids are random.
    private(set) var known: [(kind: RecordKind, id: String)] = []
    private var rank: [String: Int] = [:]
    private var conflictKeys: Set<String> = []
    private var ids: Xoshiro

    init(seed: UInt64) throws {
        ids = Xoshiro(seed: SeedStream.expand(SeedStream.next(seed ^ 0x5EED)))
        var loaded: Performed?
        copies = try Copies(seed: seed) { loaded = $0 }
        for change in copies.exampleChanges { if case .put(let r) = change { learn(r) } }
        // The examples are acknowledged like any change, but not counted among the run's.
        if let loaded { note(loaded, on: copies.copies[0], undoable: false) }
        tally.changes = 0
    }

    // MARK: - Steps

    func carryOut(_ step: Step) throws {
        trace("\(step)")
        tally.steps += 1
        let copy = copies.copies[step.copy]
        let other = copies.copies[step.other]
        switch step.move {
        case .sync:
            trace("\(copy.name): sync")
            try sync(step.copy)
            tally.syncs += 1
        case .add:
            guard let record = newRecord(on: copy, step.pick, step.value) else { return }
            learn(record)
            if try perform(.add(record), on: copy), record.kind == .link { tally.links += 1 }
        case .edit:
            guard let (kind, id) = choose(on: [copy], step.pick) else { return }
            try edit(kind, id, on: copy, step.value, variant: 0)
        case .clash:
            // The same field on two copies that have not synced: a real conflict at the next syncs.
            guard let (kind, id) = choose(on: [copy, other], step.pick) else { return }
            try edit(kind, id, on: copy, step.value, variant: 0)
            try edit(kind, id, on: other, step.value, variant: 1)
        case .delete:
            guard let (kind, id) = choose(on: [copy], step.pick) else { return }
            try perform(.delete(kind, id: id), on: copy)
        case .deleteCluster:
            guard let id = pick(.cluster, on: [copy], step.pick) else { return }
            try perform(.delete(.cluster, id: id), on: copy)
        case .editAndDelete:
            // An edit (or a record made inside a cluster) on one copy, its deletion on another.
            if step.value % 2 == 0, let (kind, id) = choose(on: [copy, other], step.pick) {
                try edit(kind, id, on: copy, step.value / 2, variant: 0)
                try perform(.delete(kind, id: id), on: other)
            } else if let cluster = pick(.cluster, on: [copy, other], step.pick) {
                let made = Checkpoint(
                    id: RecordID.make(.checkpoint, using: &ids), cluster: cluster, title: Pools.titles[step.value % Pools.titles.count],
                    due: Pools.days[step.value % Pools.days.count])
                learn(.checkpoint(made))
                try perform(.add(.checkpoint(made)), on: copy)
                try perform(.delete(.cluster, id: cluster), on: other)
            }
        case .linkAndDelete:
            let schools = pickAll(.school, on: [copy, other])
            guard schools.count >= 2 else { return }
            let from = schools[step.pick % schools.count]
            let to = schools[(step.pick + 1 + step.value % (schools.count - 1)) % schools.count]
            let link = newLink(from: from, to: to, step.value)
            learn(.link(link))
            if try perform(.add(.link(link)), on: copy) { tally.links += 1 }
            try perform(.delete(.school, id: step.value % 2 == 0 ? to : from), on: other)
        case .contributeAndDelete:
            let pairs = contributions(on: [copy, other])
            guard !pairs.isEmpty else { return }
            let (goal, aim) = pairs[step.pick % pairs.count]
            if try perform(.setFields(.goal, id: goal, [FieldValue("contributesTo", aim)]), on: copy) { tally.contributions += 1 }
            if step.value % 3 == 0, let grouping = other.world.goals[aim]?.cluster {
                try perform(.delete(.cluster, id: grouping), on: other)
            } else {
                try perform(.delete(.goal, id: aim), on: other)
            }
        case .undo:
            guard let last = copy.undoable.popLast() else { return }
            tally.undos += 1
            try perform(.undo(last.inverse, summary: last.summary), on: copy, undoable: false)
        case .resolve:
            let open = copy.world.openConflicts.sorted { (rank[$0.record] ?? 0, $0.field) < (rank[$1.record] ?? 0, $1.field) }
            guard !open.isEmpty else { return }
            let conflict = open[step.pick % open.count]
            let sides = [conflict.kept] + conflict.others
            if try perform(.resolve(conflict, choosing: sides[step.value % sides.count]), on: copy) { tally.resolved += 1 }
        case .tick:
            let open = pickAll(.checkpoint, on: [copy]).filter { copy.world.checkpoints[$0]?.isDone == false }
            guard !open.isEmpty else { return }
            let evidence = Pools.notes[step.value % Pools.notes.count]
            try perform(.tick(checkpoint: open[step.pick % open.count], evidence: evidence.isEmpty ? "minutes" : evidence), on: copy)
        case .reopen:
            let done = pickAll(.checkpoint, on: [copy]).filter { copy.world.checkpoints[$0]?.isDone == true }
            guard !done.isEmpty else { return }
            try perform(.reopen(checkpoint: done[step.pick % done.count]), on: copy)
        case .measure:
            guard let goal = pick(.goal, on: [copy], step.pick) else { return }
            let m = Measurement(
                id: RecordID.make(.measurement, using: &ids), goal: goal, value: Double(step.value % 120), date: Copies.today,
                by: copy.author.user, source: "register")
            learn(.measurement(m))
            try perform(.measure(m), on: copy)
        }
    }

    /// `cairn sync` on one copy; what it merged must leave no reference pointing nowhere.
    func sync(_ i: Int) throws {
        let copy = copies.copies[i]
        try copies.sync(i)
        for (record, reference) in copy.world.danglingReferences() {
            mergeFindings.append(
                "\(copy.name): after a sync, \(record.kind.rawValue) \(record.id)'s \(reference.field) names "
                    + "\(reference.target.rawValue) \(reference.id), which is not there")
        }
        noteConflicts(copy)
    }

    /// Once the copies have settled, each ends up to two of the conflicts it shows, choosing a
    /// side drawn from the seed, before any of them syncs again: two copies may end one conflict
    /// differently, and those ends must meet too. (Inside a short program few conflicts have
    /// reached a copy by the time a resolution is drawn.)
    func resolveRound(seed: UInt64) throws {
        var draw = SeedStream.next(seed ^ 0xC0_FF1C)
        for i in 0..<3 {
            for _ in 0..<2 {
                draw = SeedStream.next(draw)
                try carryOut(Step(move: .resolve, copy: i, other: i, pick: Int(draw % 10_000), value: Int((draw >> 20) % 10_000)))
            }
        }
    }

    /// Sets one field of a record to a value from its pool; `variant` 1 takes the next value, so
    /// that the two sides of a clash differ.
    private func edit(_ kind: RecordKind, _ id: String, on copy: Copies.Copy, _ value: Int, variant: Int) throws {
        guard let record = copy.world.record(kind, id: id) else { return }
        let fields = Pools.fields(of: record, in: copy.world) { kind, test in known.filter { $0.kind == kind && test($0.id) }.map(\.id) }
        guard !fields.isEmpty else { return }
        let (field, values) = fields[value % fields.count]
        let chosen = values[(value / fields.count + variant) % values.count]
        try perform(.setFields(kind, id: id, [FieldValue(field, chosen)]), on: copy)
    }

    /// Carries out one operation; returns whether it was written. Only the rule book may say no.
    @discardableResult
    private func perform(_ operation: DomainOperation, on copy: Copies.Copy, undoable: Bool = true) throws -> Bool {
        do {
            let done = try copy.store.perform(operation, by: copy.author, at: copies.clock(of: copy))
            note(done, on: copy, undoable: undoable)
            trace("\(copy.name): \(done.outcome.summary)\(done.events.map { "\n      \($0.id) \($0.at) \($0.change)" }.joined())")
            return true
        } catch {
            switch error {
            case .refused(let refusal):
                trace("\(copy.name): refused: \(refusal.message)")
                tally.refusals += 1
                return false
            case .notWritten(let failure):
                throw StoreError("\(copy.name) could not write \(operation): \(failure.message)")
            }
        }
    }

    /// With `CAIRN_CONVERGENCE_TRACE=1`, what each step wrote or was refused: for a replay.
    static let tracing = ProcessInfo.processInfo.environment["CAIRN_CONVERGENCE_TRACE"] == "1"

    func trace(_ line: @autoclosure () -> String) {
        if ConvergenceRun.tracing { print("    " + line()) }
    }

    private func note(_ done: Performed, on copy: Copies.Copy, undoable: Bool) {
        for event in done.events { acknowledged[event.id] = "\(copy.name): \(done.outcome.summary)" }
        tally.changes += done.events.count
        if undoable, !done.outcome.inverse.isEmpty { copy.undoable.append((done.outcome.inverse, done.outcome.summary)) }
        noteConflicts(copy)
    }

    /// Counts the conflicts open on `copy` that no copy had shown before.
    func noteConflicts(_ copy: Copies.Copy) {
        for key in copy.world.conflicts.keys where conflictKeys.insert(key).inserted { tally.conflictsSeen += 1 }
    }

    // MARK: - Choosing records

    private func learn(_ record: Record) {
        guard rank[record.id] == nil else { return }
        rank[record.id] = known.count
        known.append((record.kind, record.id))
    }

    /// The ids of `kind` that every one of `copies` holds, in the run's order.
    private func pickAll(_ kind: RecordKind, on copies: [Copies.Copy]) -> [String] {
        known.filter { k in k.kind == kind && copies.allSatisfy { $0.world.record(kind, id: k.id) != nil } }.map(\.id)
    }

    private func pick(_ kind: RecordKind, on copies: [Copies.Copy], _ n: Int) -> String? {
        let all = pickAll(kind, on: copies)
        return all.isEmpty ? nil : all[n % all.count]
    }

    private func firstKnown(_ kind: RecordKind, where test: (String) -> Bool) -> String? {
        known.first { $0.kind == kind && test($0.id) }?.id
    }

    /// A record of any kind that every one of `copies` holds.
    private func choose(on copies: [Copies.Copy], _ n: Int) -> (RecordKind, String)? {
        let all = known.filter { k in copies.allSatisfy { $0.world.record(k.kind, id: k.id) != nil } }
        guard !all.isEmpty else { return nil }
        let chosen = all[n % all.count]
        return (chosen.kind, chosen.id)
    }

    /// A feed between two schools, or (one time in three) a succession, as `value` chooses.
    private func newLink(from: String, to: String, _ value: Int) -> Link {
        let id = RecordID.make(.link, using: &ids)
        if value % 3 == 2 {
            let how = Lineage.allCases[value % Lineage.allCases.count]
            return Link(id: id, from: from, to: to, relation: .lineage, on: Pools.days[value % Pools.days.count], how: how)
        }
        return Link(id: id, from: from, to: to, relation: .feeds, phases: Pools.feeds[value % Pools.feeds.count])
    }

    /// Every goal `copies` all hold with a goal of a grouping above its cluster it may
    /// contribute to, in the run's order.
    private func contributions(on copies: [Copies.Copy]) -> [(goal: String, aim: String)] {
        let w = copies[0].world
        let goals = pickAll(.goal, on: copies)
        var pairs: [(String, String)] = []
        for goal in goals {
            guard let cluster = w.goals[goal]?.cluster else { continue }
            let above = w.groupingsAbove(cluster)
            for aim in goals where aim != goal && above.contains(w.goals[aim]?.cluster ?? "") { pairs.append((goal, aim)) }
        }
        return pairs
    }

    /// A new record of a kind `value` chooses, inside records `pick` chooses.
    private func newRecord(on copy: Copies.Copy, _ pick: Int, _ value: Int) -> Record? {
        let name = Pools.names[value % Pools.names.count] + " \(pick)"
        let w = copy.world
        switch value % 8 {
        case 0:
            return .school(School(id: RecordID.make(.school, using: &ids), name: name, phases: [.primary], municipality: "Łódź"))
        case 1:
            return .agency(Agency(id: RecordID.make(.agency, using: &ids), name: name, sector: .health))
        case 2:
            return .cluster(Cluster(id: RecordID.make(.cluster, using: &ids), name: name, region: "Norte"))
        case 3:
            guard let cluster = self.pick(.cluster, on: [copy], pick), let school = self.pick(.school, on: [copy], value) else {
                return nil
            }
            return .membership(
                Membership(
                    id: RecordID.make(.membership, using: &ids), cluster: cluster, memberType: .school, memberId: school, role: "partner"))
        case 4:
            guard let cluster = self.pick(.cluster, on: [copy], pick) else { return nil }
            let goal = firstKnown(.goal) { w.goals[$0]?.cluster == cluster }
            return .checkpoint(
                Checkpoint(
                    id: RecordID.make(.checkpoint, using: &ids), cluster: cluster, title: Pools.titles[value % Pools.titles.count],
                    due: Pools.days[pick % Pools.days.count], goal: value % 2 == 0 ? goal : nil))
        case 5:
            guard let cluster = self.pick(.cluster, on: [copy], pick) else { return nil }
            return .goal(
                Goal(
                    id: RecordID.make(.goal, using: &ids), cluster: cluster, statement: name, indicator: "attendance", unit: "%",
                    baseline: 80, target: 90, deadline: Day(iso: "2027-06-30")))
        case 7:
            let schools = pickAll(.school, on: [copy])
            guard schools.count >= 2 else { return nil }
            let from = schools[pick % schools.count]
            return .link(newLink(from: from, to: schools[(pick + 1 + value % (schools.count - 1)) % schools.count], value))
        default:
            guard let cluster = self.pick(.cluster, on: [copy], pick),
                let member = firstKnown(.membership, where: { w.memberships[$0]?.cluster == cluster })
            else { return nil }
            return .action(
                Action(
                    id: RecordID.make(.action, using: &ids), cluster: cluster, description: name,
                    goal: firstKnown(.goal) { w.goals[$0]?.cluster == cluster }, responsible: member))
        }
    }
}

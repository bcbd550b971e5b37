import CairnCore
import Foundation

@testable import CairnStore

/// What must hold once every copy has synced until nothing more comes: each a sentence naming
/// what broke, empty when all holds.
enum Verdict {
    /// Syncs the copies until nothing more can come: server, laptop and train in turn carry
    /// their changes to the hub (the train, last, takes everything), then the server and the
    /// laptop take what came after them.
    static func quiesce(_ run: ConvergenceRun) throws {
        for i in [0, 1, 2, 0, 1] { try run.sync(i) }
    }

    static func findings(_ run: ConvergenceRun) throws -> [String] {
        var found = run.mergeFindings
        var exports: [Data] = []
        var conflicts: [[String]] = []
        for copy in run.copies.copies {
            let store = copy.store
            try store.refresh()
            let incremental = try JSONExport.data(store.world, today: Copies.today)
            let listed = store.world.openConflicts.map(describe)
            // `cairn check`: a full read of every journal, the hash chains, the references.
            let check = try StoreCheck.run(store)
            if check.isDamaged {
                let lines = check.report.split(separator: "\n")
                let damage = lines.filter {
                    $0.hasPrefix("DAMAGED") || $0.hasPrefix("UNSAFE") || $0.hasPrefix("LINK") || $0.hasPrefix("NOT A JOURNAL")
                }
                for line in damage { found.append("\(copy.name): cairn check finds damage: \(line)") }
                for line in lines where line.hasPrefix("DANGLING") { found.append("\(copy.name): \(Verdict.dangling) \(line)") }
            }
            // The world the session built change by change is the fold of all the journals.
            let whole = try JSONExport.data(store.world, today: Copies.today)
            if whole != incremental {
                found.append("\(copy.name): the world read change by change differs from a full read: \(difference(incremental, whole))")
            }
            if store.world.openConflicts.map(describe) != listed {
                found.append("\(copy.name): the open conflicts differ after a full read")
            }
            found += lost(run, on: copy)
            exports.append(whole)
            conflicts.append(listed)
        }
        for i in 1..<3 {
            if exports[i] != exports[0] {
                found.append("\(Copies.names[i])'s export differs from the server's: \(difference(exports[0], exports[i]))")
            }
            if conflicts[i] != conflicts[0] {
                found.append("\(Copies.names[i])'s open conflicts differ from the server's: \(conflicts[i]) against \(conflicts[0])")
            }
        }
        return found
    }

    /// Changes acknowledged on any copy that this copy's journals lack, an event written twice,
    /// and records that were added and never deleted yet are neither there nor in a conflict.
    private static func lost(_ run: ConvergenceRun, on copy: Copies.Copy) -> [String] {
        var found: [String] = []
        var events: [Event] = []
        for file in (try? copy.store.journalFiles()) ?? [] {
            guard let read = try? JournalReader.read(file, from: 0, firstLine: 1) else {
                found.append("\(copy.name): cannot read \(file.lastPathComponent)")
                continue
            }
            events += read.events
        }
        var seen: Set<String> = []
        for event in events where !seen.insert(event.id).inserted {
            found.append("\(copy.name): event \(event.id) is in its journals twice")
        }
        for (id, what) in run.acknowledged.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            found.append("\(copy.name) lacks acknowledged event \(id) (\(what))")
        }
        // A record added and never deleted (no delete names it, no resolution kept it out) is
        // in the world, or listed in an open conflict that can bring it back.
        var ended: Set<String> = []
        for event in events {
            switch event.change {
            case .delete(_, let id): ended.insert(id)
            case .edit(let e) where e.fields.contains(where: \.resolves): ended.insert(e.id)
            default: break
            }
        }
        let w = copy.world
        let inConflict = Set(w.conflicts.values.map(\.record))
        for event in events {
            guard case .put(let r) = event.change, !ended.contains(r.id), w.record(r.kind, id: r.id) == nil, !inConflict.contains(r.id)
            else { continue }
            found.append("\(copy.name): \(r.kind.rawValue) \(r.id), added by \(event.by) and never deleted, is gone without a conflict")
        }
        return found
    }

    /// How a finding of a reference pointing nowhere begins.
    static let dangling = "cairn check finds a reference pointing nowhere:"

    /// Findings whose cause is known and not yet fixed, each by what its text contains: none
    /// now. A cause found and left for later is named here, so that a long run goes on and
    /// tells it apart from new failures.
    static let knownIssues: [String] = []

    /// Whether every finding is of a known kind.
    static func onlyKnown(_ findings: [String]) -> Bool {
        !findings.isEmpty && findings.allSatisfy { finding in knownIssues.contains { finding.contains($0) } }
    }

    static func describe(_ c: Conflict) -> String {
        func side(_ s: Conflict.Side) -> String { "\(s.value.display) by \(s.by) at \(s.at)" }
        return "\(c.record) \(c.field)\(c.recordDeleted ? " (deleted)" : ""): kept \(side(c.kept)); not \(c.others.map(side))"
    }

    /// Where two exports first differ, with some text around it.
    static func difference(_ a: Data, _ b: Data) -> String {
        let x = Array(a)
        let y = Array(b)
        var at = 0
        while at < x.count, at < y.count, x[at] == y[at] { at += 1 }
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self)
        }
        return "at byte \(at) of \(x.count)/\(y.count):\n    \(around(x))\n  against\n    \(around(y))"
    }
}

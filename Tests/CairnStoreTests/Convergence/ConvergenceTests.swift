import Foundation
import PropertyBased
import Testing

@testable import CairnStore

/// Three copies of one store, a server, a laptop and a laptop on a train, each editing,
/// deleting (clusters with all they hold), undoing, resolving conflicts, ticking, measuring and
/// syncing through one git hub in a random order; then, once all have synced until nothing more
/// comes, every copy must hold the same store: byte-equal exports, the same open conflicts,
/// `cairn check` clean (hash chains whole, no reference pointing nowhere), the world built
/// change by change equal to a full read, and every change any copy acknowledged in every
/// copy's journals.
///
/// Seeded: the seed is printed, and `CAIRN_SEED=N` replays it; `CAIRN_CONVERGENCE_RUNS=N` sets
/// how many interleavings (a few dozen here, so that the suite stays quick; a thousand for a
/// thorough run). The programs come from swift-property-based's generators, but are driven here
/// rather than by its `propertyCheck`: that takes its seed only from a trait written into the
/// source, which fails the test on purpose, and prints none for runs that pass, where this
/// test must take a seed from the environment and print it. Its shrinker still makes a failing
/// program smaller, a step left out at a time.
@Suite struct ConvergenceTests {
    static let defaultRuns = 20

    @Test func three_copies_editing_deleting_undoing_resolving_and_syncing_at_random_end_alike_with_nothing_lost() throws {
        let environment = ProcessInfo.processInfo.environment
        let first = environment["CAIRN_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: .min ... .max)
        let runs = environment["CAIRN_CONVERGENCE_RUNS"].flatMap { Int($0) } ?? ConvergenceTests.defaultRuns
        print("convergence: seed \(first), \(runs) interleavings (replay: CAIRN_SEED=\(first) CAIRN_CONVERGENCE_RUNS=\(runs))")
        let began = Date()
        var tally = ConvergenceRun.Tally()
        var failing: [UInt64] = []
        var knownFailing: [UInt64] = []
        var seed = first
        for n in 0..<runs {
            defer { seed = SeedStream.next(seed) }
            let program = InterleavingGen.interleaving(seed: seed)
            let (findings, done) = ConvergenceTests.play(program)
            tally = tally + done
            if findings.isEmpty { continue }
            let replay = "interleaving \(n + 1) of \(runs); replay it with CAIRN_SEED=\(seed) CAIRN_CONVERGENCE_RUNS=1"
            if Verdict.onlyKnown(findings) {
                knownFailing.append(seed)
                withKnownIssue("a known cause, not yet fixed (see Verdict.knownIssues)", isIntermittent: true) {
                    Issue.record("\(replay)\n\(findings.joined(separator: "\n"))")
                }
                continue
            }
            failing.append(seed)
            // The first failure is made as small as it can be; the others are only named.
            let smaller = failing.count == 1 ? "\nsmallest failing program found: \(ConvergenceTests.shrink(program))" : ""
            Issue.record("\(replay)\n\(findings.joined(separator: "\n"))\n\(program)\(smaller)")
        }
        let seconds = Int(Date().timeIntervalSince(began).rounded())
        print(
            "convergence: \(runs) interleavings, \(tally.steps) steps, \(tally.changes) changes written, \(tally.refusals) refused, "
                + "\(tally.undos) undos, \(tally.conflictsSeen) conflicts made, \(tally.resolved) resolved, "
                + "\(tally.links) links made and \(tally.contributions) contributions set against a delete elsewhere, "
                + "\(tally.syncs) random syncs (+10 per interleaving to settle), \(seconds) s; "
                + "\(failing.count) failed \(failing), \(knownFailing.count) showed only known issues \(knownFailing)")
        #expect(tally.conflictsSeen > 0 || runs < 10, "the moves made no conflict at all: the test would prove little")
        #expect(tally.links > 0 || runs < 10, "no link between schools was made: links would go untried")
        #expect(tally.contributions > 0 || runs < 10, "no contribution was set: contributions would go untried")
    }

    /// Carries out a program on three fresh copies and judges the result.
    static func play(_ program: Interleaving) -> ([String], ConvergenceRun.Tally) {
        let run: ConvergenceRun
        do {
            run = try ConvergenceRun(seed: program.seed)
        } catch {
            return (["the three copies could not be set up: \(error)"], ConvergenceRun.Tally())
        }
        for (k, step) in program.steps.enumerated() {
            do {
                try run.carryOut(step)
            } catch {
                return (["step \(k + 1) (\(step)): \(error)"], run.tally)
            }
        }
        do {
            try Verdict.quiesce(run)
            try run.resolveRound(seed: program.seed)
            try Verdict.quiesce(run)
            return (try Verdict.findings(run), run.tally)
        } catch {
            return (["the final syncs failed: \(error)"], run.tally)
        }
    }

    /// The failing program with steps left out, one at a time, while it still fails; at most
    /// `budget` replays, each a few seconds of real git.
    static func shrink(_ program: Interleaving, budget: Int = 40) -> Interleaving {
        var smallest = program
        var tries = 0
        var shrunk = true
        while shrunk, tries < budget {
            shrunk = false
            for steps in Shrink.omitSingleElement(from: smallest.steps) {
                guard tries < budget else { break }
                tries += 1
                let candidate = Interleaving(seed: program.seed, steps: steps)
                let findings = play(candidate).0
                if !findings.isEmpty, !Verdict.onlyKnown(findings) {
                    smallest = candidate
                    shrunk = true
                    break
                }
            }
        }
        return smallest
    }
}

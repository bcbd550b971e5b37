import PropertyBased

/// One random program for three copies of a store: steps, each a move made on one copy.
///
/// A step names no record: it carries numbers (`pick`, `value`) that choose, when the step is
/// carried out, among the records that copy holds then. So any subsequence of a program is a
/// program too, which is what shrinking by dropping steps needs.
struct Interleaving: CustomStringConvertible {
    var seed: UInt64
    var steps: [Step]

    var description: String {
        "seed \(seed), \(steps.count) steps:\n" + steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}

/// What a person (or a sync) does on one copy.
enum Move: String, CaseIterable, Sendable {
    case add, edit, clash, delete, deleteCluster, editAndDelete, undo, resolve, tick, reopen, measure, sync
    /// A link made on one copy between two schools, one of which another copy deletes.
    case linkAndDelete
    /// A goal set on one copy to contribute to a grouping's goal, which another copy deletes
    /// (the goal, or the grouping with all it holds).
    case contributeAndDelete
}

/// One move on one copy; `other` is the second copy of a clash (an edit of the same field on two
/// copies that have not synced), `pick` and `value` choose a record, a field and a value.
struct Step: Sendable, CustomStringConvertible {
    var move: Move
    var copy: Int
    var other: Int
    var pick: Int
    var value: Int

    var description: String {
        "\(move.rawValue) on \(Copies.names[copy])" + (move.isPair ? " and \(Copies.names[other])" : "") + " [\(pick), \(value)]"
    }
}

extension Move {
    /// Moves made on two copies at once, before either syncs.
    var isPair: Bool { self == .clash || self == .editAndDelete || self == .linkAndDelete || self == .contributeAndDelete }

    /// How often each move is drawn, out of 100: edits and syncs most, as in real use; the
    /// moves that make conflicts often enough that most interleavings have some to resolve.
    static let weights: [(Move, Int)] = [
        (.add, 11), (.edit, 12), (.clash, 11), (.delete, 6), (.deleteCluster, 3), (.editAndDelete, 5), (.undo, 8),
        (.resolve, 9), (.tick, 4), (.reopen, 2), (.measure, 4), (.sync, 15), (.linkAndDelete, 5), (.contributeAndDelete, 5),
    ]

    /// The move a draw from 0 to 99 lands on.
    static func drawn(_ n: Int) -> Move {
        var left = n
        for (move, weight) in weights {
            if left < weight { return move }
            left -= weight
        }
        return .sync
    }
}

/// The generators, from swift-property-based; the driver (`ConvergenceTests`) runs them from a
/// seed of its own (see there why not through `propertyCheck`).
enum InterleavingGen {
    static let step = zip(
        Gen.int(in: 0...99), Gen.int(in: 0...2), Gen.int(in: 1...2), Gen.int(in: 0...9_999), Gen.int(in: 0...9_999)
    ).map { draw, copy, offset, pick, value in
        Step(move: Move.drawn(draw), copy: copy, other: (copy + offset) % 3, pick: pick, value: value)
    }

    /// 5 to 15 steps: short programs, many of them, find more than a few long ones.
    static let steps = step.array(of: 5...15)

    /// The program a seed makes: the same steps for the same seed, on every machine.
    static func interleaving(seed: UInt64) -> Interleaving {
        var rng = Xoshiro(seed: SeedStream.expand(seed))
        return Interleaving(seed: seed, steps: steps.run(using: &rng))
    }
}

/// Seeds: a run's seed from the last one (SplitMix64), and a seed widened to the four words
/// xoshiro256** needs. A run's seed alone replays it (`CAIRN_SEED=... CAIRN_CONVERGENCE_RUNS=1`).
enum SeedStream {
    static func next(_ seed: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func expand(_ seed: UInt64) -> (UInt64, UInt64, UInt64, UInt64) {
        let a = next(seed)
        let b = next(a)
        let c = next(b)
        return (a, b, c, next(c) | 1)  // never all zero: xoshiro would then give only zeros
    }
}

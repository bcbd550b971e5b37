import CairnCore
import Foundation

/// The seed of a randomized test: `CAIRN_SEED` when set (to replay a failure), else a fresh
/// one; printed either way, with the line that replays it.
func replayableRandom(_ test: String) -> (seed: UInt64, generator: SplitMix64) {
    let seed = ProcessInfo.processInfo.environment["CAIRN_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: .min ... .max)
    print("\(test): seed \(seed) (replay: CAIRN_SEED=\(seed) swift test --filter \(test))")
    return (seed, SplitMix64(state: seed))
}

import CairnWords

/// A value far from where the goal's indicator can plausibly be: a slip of the keyboard (550
/// for 55) that would become the latest measurement and move the goal's status.
extension Goal {
    /// What is odd about `value`, or nil when it is within reach: more than the whole way from
    /// baseline to target beyond either end. Without both ends nothing can be said.
    public func outlierWarning(_ value: Double) -> String? {
        guard let baseline, let target, value.isFinite else { return nil }
        let low = min(baseline, target)
        let high = max(baseline, target)
        // A goal whose baseline is its target still has room for the usual wobble.
        let span = max(high - low, abs(high) * 0.1, 1)
        guard value < low - span || value > high + span else { return nil }
        let u = unit
        return Words.say(
            "{value} is far from baseline {baseline} and target {target}",
            ["value": World.amount(value, unit: u), "baseline": World.amount(baseline, unit: u), "target": World.amount(target, unit: u)])
    }
}

/// Two copies of a store's own examples, each changed since they last met, made one.
extension Inspiration {
    /// The examples both sides hold after each side's changes since `base`: what one side
    /// removed goes, what either added stays. An example both changed is an example each
    /// removed and added again, so both versions stay: nobody's wording is lost, and the
    /// group keeps the one it prefers.
    public static func merged(base: Inspiration, ours: Inspiration, theirs: Inspiration) -> Inspiration {
        Inspiration(
            goals: mergedList(base.goals, ours.goals, theirs.goals),
            actions: mergedList(base.actions, ours.actions, theirs.actions),
            agreements: mergedList(base.agreements, ours.agreements, theirs.agreements))
    }

    private static func mergedList<T: Equatable>(_ base: [T], _ ours: [T], _ theirs: [T]) -> [T] {
        let removedByThem = ours.filter { base.contains($0) && !theirs.contains($0) }
        let addedByThem = theirs.filter { !base.contains($0) && !ours.contains($0) }
        var kept = ours.filter { !removedByThem.contains($0) }
        for example in addedByThem where !kept.contains(example) { kept.append(example) }
        return kept
    }
}

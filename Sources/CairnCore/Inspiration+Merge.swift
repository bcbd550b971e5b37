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

    /// Each side's list is looked up through a set: a hub may bring 1 MiB of examples (some
    /// 18,000 of them), and lists searched one by one compare each with each, under the
    /// journal's lock.
    static func mergedList<T: Hashable>(_ base: [T], _ ours: [T], _ theirs: [T]) -> [T] {
        let inBase = Set(base)
        let inOurs = Set(ours)
        let inTheirs = Set(theirs)
        // What they removed: an example of ours that was in the base and is not in theirs.
        var kept = ours.filter { !inBase.contains($0) || inTheirs.contains($0) }
        var inKept = Set(kept)
        for example in theirs where !inBase.contains(example) && !inOurs.contains(example) && !inKept.contains(example) {
            kept.append(example)
            inKept.insert(example)
        }
        return kept
    }
}

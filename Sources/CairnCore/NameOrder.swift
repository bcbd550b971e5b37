/// The one order of names in Cairn: case- and accent-folded first (Łódź between Lisbon and
/// Lyon), then the exact text, so that ties are stable. Every list, export and report uses it:
/// `élan, Lisbon, Łódź, Lyon, Ørsted, Zamość`.
public enum NameOrder {
    /// True when `a` comes before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let fa = Text.folded(a)
        let fb = Text.folded(b)
        if fa != fb { return fa.lexicographicallyPrecedes(fb) }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `items` in name order.
    ///
    /// - Complexity: O(n log n) byte comparisons after one O(n) pass that folds each name. The
    ///   sort moves indices, not the items: across a module boundary the items' type is not
    ///   known to the sort, and moving a school through value witnesses at every step of it
    ///   costs far more than moving an index.
    ///
    /// - Parameter id: breaks ties between equal names (two schools called alike), so that the
    ///   order does not follow a dictionary's, which differs from process to process: an export
    ///   of the same store is then the same bytes on every machine.
    @inlinable
    public static func sorted<T>(_ items: some Sequence<T>, by name: (T) -> String, id: ((T) -> String)? = nil) -> [T] {
        let all = Array(items)
        let names = all.map(name)
        let keys = names.map(Text.folded)
        let ids = id.map { all.map($0) }
        let order = all.indices.sorted { i, j in
            if keys[i] != keys[j] { return keys[i].lexicographicallyPrecedes(keys[j]) }
            if names[i] != names[j] || ids == nil { return names[i].utf8.lexicographicallyPrecedes(names[j].utf8) }
            return ids![i].utf8.lexicographicallyPrecedes(ids![j].utf8)
        }
        return order.map { all[$0] }
    }
}

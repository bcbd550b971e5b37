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
    /// - Complexity: O(n log n) byte comparisons after one O(n) pass that folds each name.
    public static func sorted<T>(_ items: some Collection<T>, by name: (T) -> String) -> [T] {
        let keyed = items.map { item -> (key: [UInt8], exact: String, item: T) in
            let n = name(item)
            return (Text.folded(n), n, item)
        }
        return keyed.sorted { a, b in
            if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
            return a.exact.utf8.lexicographicallyPrecedes(b.exact.utf8)
        }.map(\.item)
    }
}

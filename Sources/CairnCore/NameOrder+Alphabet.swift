extension NameOrder {
    /// `items` as a reader of `alphabet`'s language looks them up: what a screen shows. Names
    /// the alphabet ranks alike fall back to the one order (`sorted`), so ties stay stable.
    public static func shown<T>(
        _ items: some Sequence<T>, by name: (T) -> String, id: ((T) -> String)? = nil, in alphabet: Alphabet = .session
    ) -> [T] {
        guard !alphabet.isEmpty else { return sorted(items, by: name, id: id) }
        // One sort, the alphabet's key first and the one order's after it: a national store's
        // Home sorts thousands of clusters so before its first frame.
        let all = Array(items)
        let names = all.map(name)
        let letters = names.map(alphabet.key)
        let keys = names.map(Text.folded)
        let ids = id.map { all.map($0) }
        return all.indices.sorted { i, j in
            if letters[i] != letters[j] { return letters[i].lexicographicallyPrecedes(letters[j]) }
            if keys[i] != keys[j] { return keys[i].lexicographicallyPrecedes(keys[j]) }
            if names[i] != names[j] || ids == nil { return names[i].utf8.lexicographicallyPrecedes(names[j].utf8) }
            return ids![i].utf8.lexicographicallyPrecedes(ids![j].utf8)
        }.map { all[$0] }
    }

    /// True when `a` comes before `b` in `alphabet`'s order, as `shown` sorts.
    public static func precedes(_ a: String, _ b: String, in alphabet: Alphabet) -> Bool {
        guard !alphabet.isEmpty else { return precedes(a, b) }
        let ka = alphabet.key(a)
        let kb = alphabet.key(b)
        return ka != kb ? ka.lexicographicallyPrecedes(kb) : precedes(a, b)
    }
}

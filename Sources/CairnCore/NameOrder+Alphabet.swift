extension NameOrder {
    /// `items` as a reader of `alphabet`'s language looks them up: what a screen shows. Names
    /// the alphabet ranks alike fall back to the one order (`sorted`), so ties stay stable.
    public static func shown<T>(
        _ items: some Collection<T>, by name: (T) -> String, id: ((T) -> String)? = nil, in alphabet: Alphabet = .session
    ) -> [T] {
        let all = sorted(items, by: name, id: id)
        guard !alphabet.isEmpty else { return all }
        let keys = all.map { alphabet.key(name($0)) }
        return all.indices.sorted { i, j in
            keys[i] != keys[j] ? keys[i].lexicographicallyPrecedes(keys[j]) : i < j
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

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
        let places = all.map { Place(name($0), id: id?($0), in: alphabet) }
        return all.indices.sorted { places[$0].precedes(places[$1]) }.map { all[$0] }
    }

    /// Where a name (and its record's id, which breaks ties) stands in `shown`'s order: each
    /// key worked out once, for a sort that compares it many times.
    public struct Place {
        let letters: [UInt32]
        let folded: [UInt8]
        let name: String
        let id: String?

        public init(_ name: String, id: String?, in alphabet: Alphabet) {
            letters = alphabet.isEmpty ? [] : alphabet.key(name)
            folded = Text.folded(name)
            self.name = name
            self.id = id
        }

        /// The alphabet's letters, then the folded name, then the name's bytes; a name the
        /// same as the other's goes by its id.
        public func precedes(_ other: Place) -> Bool {
            if letters != other.letters { return letters.lexicographicallyPrecedes(other.letters) }
            if folded != other.folded { return folded.lexicographicallyPrecedes(other.folded) }
            guard name == other.name, let id, let otherID = other.id else { return name.utf8.lexicographicallyPrecedes(other.name.utf8) }
            return id.utf8.lexicographicallyPrecedes(otherID.utf8)
        }
    }

    /// True when `a` comes before `b` in `alphabet`'s order, as `shown` sorts.
    public static func precedes(_ a: String, _ b: String, in alphabet: Alphabet) -> Bool {
        guard !alphabet.isEmpty else { return precedes(a, b) }
        let ka = alphabet.key(a)
        let kb = alphabet.key(b)
        return ka != kb ? ka.lexicographicallyPrecedes(kb) : precedes(a, b)
    }
}

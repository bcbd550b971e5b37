/// The fast form of `Text.searchKey`, as UTF-8 bytes: what lists sort and filter on.
extension Text {
    /// Folded bytes of every scalar below U+0250 (Latin, Latin-1, Latin Extended-A and -B: the
    /// letters of Portuguese, Polish, Icelandic, Māori...), worked out once with `searchKey`.
    private static let latinFolds: [[UInt8]] = (0..<0x250).map { v in
        guard let scalar = Unicode.Scalar(v) else { return [] }
        return Array(searchKey(String(scalar)).utf8)
    }

    /// `searchKey(text)` as bytes, without decomposing the whole string: a table for Latin
    /// letters, combining marks dropped, the slow path only for other scripts.
    ///
    /// - Complexity: O(n) in the text's scalars; no allocation but the result for Latin text.
    public static func folded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { fold(scalar, into: &out) }
        return out
    }

    /// One scalar's folded bytes, added to `out`.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            let b = UInt8(v)
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        } else if v < 0x250 {
            out.append(contentsOf: latinFolds[Int(v)])
        } else if (0x300..<0x370).contains(v) {
            return  // combining accents, as in NFD input
        } else {
            out.append(contentsOf: searchKey(String(scalar)).utf8)
        }
    }
}

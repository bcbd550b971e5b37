extension Text {
    /// The character at `i` in UTF-8 `b` if it is one that acts on a terminal instead of showing:
    /// a C0 control or DEL (one byte), a C1 control (two), a bidirectional override or isolate,
    /// and with `separators` the line and paragraph separators U+2028 and U+2029 (three).
    public static func terminalControl(
        in b: [UInt8], at i: Int, separators: Bool = true
    ) -> (length: Int, value: UInt32)? {
        let c = b[i]
        if c < 0x20 || c == 0x7F { return (1, UInt32(c)) }
        if c == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) { return (2, UInt32(b[i + 1])) }
        if c == 0xE2, i + 2 < b.count,
            (b[i + 1] == 0x80 && ((separators ? 0xA8 : 0xAA)...0xAE).contains(b[i + 2]))
                || (b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]))
        {
            return (3, 0x2000 + (UInt32(b[i + 1] & 0x3F) << 6) + UInt32(b[i + 2] & 0x3F))
        }
        return nil
    }

    /// UTF-8 `b` with every terminal control (`terminalControl`) but the line ends kept (LF,
    /// and CR LF with `keepCRLF`) written by `escape`, the runs between them copied whole.
    ///
    /// - Complexity: O(n), byte by byte (every such character is ASCII or begins with C2 or E2).
    public static func rewritingControls(
        _ b: [UInt8], separators: Bool, keepCRLF: Bool, _ escape: (UInt32, inout [UInt8]) -> Void
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 64 + 2)
        var run = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            // The common case first: printable ASCII, a line break, or UTF-8 that cannot begin one.
            if (c >= 0x20 && c < 0x7F) || c == 0x0A || (c >= 0x80 && c != 0xC2 && c != 0xE2) {
                i += 1
                continue
            }
            if keepCRLF, c == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A {
                i += 2
                continue
            }
            guard let (length, value) = terminalControl(in: b, at: i, separators: separators) else {
                i += 1
                continue
            }
            out.append(contentsOf: b[run..<i])
            escape(value, &out)
            i += length
            run = i
        }
        out.append(contentsOf: b[run..<b.count])
        return out
    }
}

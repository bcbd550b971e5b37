extension Text {
    /// The text with every character that would act on a terminal instead of showing (C0 and C1
    /// controls, DEL, bidirectional overrides and isolates) written as a visible escape: `\e`,
    /// `\u{202E}`. What any output that can reach a terminal prints of data. `keepLineBreaks`
    /// leaves line feeds as they are (a report's notes).
    public static func visible(_ text: String, keepLineBreaks: Bool = false) -> String {
        var clean = true
        for s in text.unicodeScalars where needsEscape(s, keepLineBreaks: keepLineBreaks) {
            clean = false
            break
        }
        if clean { return text }
        var out = ""
        for s in text.unicodeScalars {
            guard needsEscape(s, keepLineBreaks: keepLineBreaks) else {
                out.unicodeScalars.append(s)
                continue
            }
            switch s.value {
            case 0x1B: out += "\\e"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            default: out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    static func needsEscape(_ s: Unicode.Scalar, keepLineBreaks: Bool) -> Bool {
        switch s.value {
        case 0x0A: return !keepLineBreaks
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension Text {
    /// UTF-8 text written whole (an export: CSV, JSON, a calendar) as it may be shown on a
    /// terminal: every character `visible(_:)` escapes written the same way, but line ends, LF
    /// and CR LF (a CSV's or a calendar's), kept as they are. A CR alone is escaped: it would
    /// send the cursor back over what the line already showed.
    ///
    /// - Complexity: O(n), byte by byte, the runs between escapes copied whole (every such
    ///   character is ASCII or begins with C2 or E2 in UTF-8).
    public static func visible(utf8 b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 64 + 2)
        var run = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            if (c >= 0x20 && c < 0x7F) || c == 0x0A || (c >= 0x80 && c != 0xC2 && c != 0xE2) {
                i += 1
                continue
            }
            if c == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A {
                i += 2
                continue
            }
            var length = 0
            var value: UInt32 = 0
            if c < 0x20 || c == 0x7F {
                (length, value) = (1, UInt32(c))
            } else if c == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) {
                (length, value) = (2, UInt32(b[i + 1]))
            } else if c == 0xE2, i + 2 < b.count,
                (b[i + 1] == 0x80 && (0xAA...0xAE).contains(b[i + 2])) || (b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]))
            {
                (length, value) = (3, 0x2000 + (UInt32(b[i + 1] & 0x3F) << 6) + UInt32(b[i + 2] & 0x3F))
            }
            if length == 0 {
                i += 1
                continue
            }
            out.append(contentsOf: b[run..<i])
            out.append(contentsOf: visible(String(Unicode.Scalar(value)!)).utf8)
            i += length
            run = i
        }
        out.append(contentsOf: b[run..<b.count])
        return out
    }
}

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
    /// - Complexity: O(n) (`rewritingControls`).
    public static func visible(utf8 b: [UInt8]) -> [UInt8] {
        rewritingControls(b, separators: false, keepCRLF: true) { value, out in
            out.append(contentsOf: visible(String(Unicode.Scalar(value)!)).utf8)
        }
    }
}

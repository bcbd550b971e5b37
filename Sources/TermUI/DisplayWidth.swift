/// How many terminal cells text takes: 1 for most letters (Þ, ł, ã), 0 for combining marks,
/// 2 for East Asian wide characters and emoji. Never `String.count`.
public enum DisplayWidth {
    public static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        let first = scalars.first!
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.value < 0x300 { return 1 }
        if isZeroWidth(first) { return 0 }
        if isWide(first.value) || first.properties.isEmojiPresentation { return 2 }
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }), first.properties.isEmoji { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int {
        // Printable ASCII is one cell a byte, with no grapheme to find: most ids, dates and
        // names of a national list (a table of 100,000 rows measures every cell).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return s.value == 0x200B
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` cells, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

    /// `text` truncated or padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// `text` cut into pieces of at most `width` cells, at any character (a path has no
    /// spaces to break at).
    public static func chunks(_ text: String, width: Int) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > max(1, width), !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                used = 0
            }
            piece.append(ch)
            used += w
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}

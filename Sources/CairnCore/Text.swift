import Foundation

/// Text rules shared by every record: what is stored (NFC, trimmed) and how lists search it.
public enum Text {
    /// NFC, surrounding white space trimmed, inner runs of white space (tabs, line breaks) made one space.
    public static func clean(_ text: String) -> String {
        // Most text is ASCII with single spaces: it is NFC already and needs nothing done.
        var ascii = true
        var tidy = true
        var previousSpace = true
        for b in text.utf8 {
            if b >= 0x80 { ascii = false }
            let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
            if space, previousSpace || b != 0x20 { tidy = false }
            previousSpace = space
        }
        if previousSpace, !text.isEmpty { tidy = false }
        if ascii, tidy { return text }
        let nfc = ascii ? text : text.precomposedStringWithCanonicalMapping
        var out = ""
        out.reserveCapacity(nfc.utf8.count)
        var pendingSpace = false
        for ch in nfc {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// NFC and trimmed, keeping line breaks (notes, purpose, responsibilities).
    public static func cleanMultiline(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The form lists filter on: lower case, accents removed, and letters that carry their
    /// stroke in the letter itself (ł, ø, đ) folded by hand, since no decomposition removes it.
    /// `Łódź` becomes `lodz`, `Þingeyjarskóli` becomes `thingeyjarskoli`.
    public static func searchKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.value < 0x80 {
                let v = scalar.value
                out.append(v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : scalar)
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if let folded = foldedLetters[scalar] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    private static let foldedLetters: [Unicode.Scalar: String] = [
        "Ł": "l", "ł": "l", "Ø": "o", "ø": "o", "Đ": "d", "đ": "d", "Ð": "d", "ð": "d", "Þ": "th", "þ": "th",
        "ß": "ss", "Æ": "ae", "æ": "ae", "Œ": "oe", "œ": "oe", "Ħ": "h", "ħ": "h", "ı": "i", "–": "-", "—": "-",
    ]

    /// A plausible e-mail address: something, one @, a domain with a dot, no spaces.
    public static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex,
            domain.index(after: dot) != domain.endIndex
        else { return false }
        return true
    }
}

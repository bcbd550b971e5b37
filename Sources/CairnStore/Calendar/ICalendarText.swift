import Foundation

/// The text rules of iCalendar (RFC 5545 §3.1 and §3.3.11): content lines that end in CRLF and
/// are folded so no physical line passes 75 octets (never inside a UTF-8 sequence), and TEXT
/// values with backslash, semicolon, comma and line breaks escaped.
public enum ICalendarText {
    /// `NAME:VALUE` (or `NAME;PARAM=X:VALUE`) folded and ended with CRLF.
    public static func line(_ name: String, _ value: String) -> String { fold(name + ":" + value) }

    /// A TEXT value escaped; control characters other than line breaks are dropped, since a
    /// calendar that shows a description must never receive one raw.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            defer { lastWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !lastWasCR { out += "\\n" }
            default:
                // C0 and C1 controls, DEL among them: the scalars whose category is Control.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One logical line folded at 75 octets: each continuation starts with a space, which the
    /// 75 counts. A fold never splits a character's UTF-8 bytes (it falls before a lead byte).
    public static func fold(_ logical: String) -> String {
        let bytes = Array(logical.utf8)
        if bytes.count <= 75 { return logical + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var width = 0
        var i = 0
        while i < bytes.count {
            // The whole UTF-8 sequence that starts here.
            var end = i + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if width + (end - i) > 75 {
                out += [0x0D, 0x0A, 0x20]
                width = 1
            }
            out += bytes[i..<end]
            width += end - i
            i = end
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }
}

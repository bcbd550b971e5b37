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
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One logical line folded at 75 octets: each continuation starts with a space, which the
    /// 75 counts. A fold never splits a character's UTF-8 bytes.
    public static func fold(_ logical: String) -> String {
        var out = ""
        var width = 0
        for scalar in logical.unicodeScalars {
            let octets = String(scalar).utf8.count
            if width + octets > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += octets
        }
        return out + "\r\n"
    }
}

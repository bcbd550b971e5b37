import CairnCore
import Foundation

/// What every command prints can reach a terminal, so data in it (a school's name holding an
/// escape sequence that would set the terminal's title or write to its clipboard) is printed
/// visibly: this `print` shadows the standard one for the whole module. JSON goes out through
/// `printJSON`, which escapes the same characters the JSON way; exports write their bytes as
/// they are to standard output (a file, a pipe).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(Text.visible(text, keepLineBreaks: true), terminator: terminator)
}

/// Prints a JSON document with every character that would act on a terminal written as a
/// `\u` escape (JSON writers leave DEL, C1 controls and bidirectional overrides raw); inside
/// JSON they can only stand in strings, where the escape means the same character.
func printJSON(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for s in text.unicodeScalars {
        switch s.value {
        case 0x00..<0x20 where s.value != 0x0A, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
            out += String(format: "\\u%04x", s.value)
        default:
            out.unicodeScalars.append(s)
        }
    }
    Swift.print(out)
}

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
    var out: [UInt8] = []
    out.reserveCapacity(data.count + data.count / 64 + 1)
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        let b = raw.bindMemory(to: UInt8.self)
        var i = 0
        // Byte by byte, since every character meant is ASCII or begins with C2 or E2 in UTF-8:
        // a scalar at a time through a String cost seconds on a national list.
        func escape(_ value: UInt32) { out.append(contentsOf: Array(String(format: "\\u%04x", value).utf8)) }
        while i < b.count {
            let c = b[i]
            if (c < 0x20 && c != 0x0A) || c == 0x7F {
                escape(UInt32(c))
                i += 1
            } else if c == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) {
                escape(UInt32(b[i + 1]))
                i += 2
            } else if c == 0xE2, i + 2 < b.count,
                (b[i + 1] == 0x80 && (0xAA...0xAE).contains(b[i + 2]))
                    || (b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]))
            {
                escape(0x2000 + (UInt32(b[i + 1] & 0x3F) << 6) + UInt32(b[i + 2] & 0x3F))
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
    }
    out.append(0x0A)
    writeOut(out)
}

/// Writes bytes to standard output after whatever `print` has buffered, so the two keep their order.
func writeOut(_ bytes: [UInt8]) {
    fflush(nil)
    var done = 0
    bytes.withUnsafeBytes { raw in
        while done < raw.count {
            let n = write(STDOUT_FILENO, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            done += n
        }
    }
}

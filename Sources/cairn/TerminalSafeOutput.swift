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
    var out = data.withUnsafeBytes { terminalSafeJSON($0.bindMemory(to: UInt8.self)) }
    out.append(0x0A)
    writeOut(out)
}

/// `json` with every character that would act on a terminal written as its `\u` escape. Byte
/// by byte, since every such character is ASCII or begins with C2 or E2 in UTF-8, and the runs
/// between them copied whole: a national list is 40 MB.
func terminalSafeJSON(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
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
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
        out.append(contentsOf: Array(String(format: "\\u%04x", value).utf8))
        i += length
        run = i
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count]))
    return out
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

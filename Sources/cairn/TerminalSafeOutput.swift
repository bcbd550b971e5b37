import CairnCore
import CairnStore
import Foundation

/// What every command prints can reach a terminal, so data in it (a school's name holding an
/// escape sequence that would set the terminal's title or write to its clipboard) is printed
/// visibly: this `print` shadows the standard one for the whole module. JSON goes out through
/// `printJSON`, which escapes the same characters the JSON way; exports through `writeExport`,
/// byte for byte to a file or a pipe and visibly to a terminal.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(Text.visible(text, keepLineBreaks: true), terminator: terminator)
}

/// Prints a JSON document with every character that would act on a terminal written as a
/// `\u` escape (JSON writers leave DEL, C1 controls and bidirectional overrides raw); inside
/// JSON they can only stand in strings, where the escape means the same character.
func printJSON(_ data: Data) {
    var out = PrettyJSON.escapingTerminalControls(data)
    out.append(0x0A)
    writeOut(out)
}

/// Writes an export (CSV, JSON, a calendar) to standard output: its bytes as they are to a
/// file or a pipe, which take the export whole, and to a terminal with every control character
/// from the data shown visibly (`\e`, `\u{9B}`, `\u{202E}`), line ends kept: a CSV cell must
/// not set the terminal's title.
func writeExport(_ data: Data) { writeExport(piece: [UInt8](data)) }

/// One piece of an export given in pieces, each whole UTF-8: written as `writeExport` writes a whole one.
func writeExport(piece bytes: [UInt8]) {
    writeOut(isatty(STDOUT_FILENO) == 1 ? Text.visible(utf8: bytes) : bytes)
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

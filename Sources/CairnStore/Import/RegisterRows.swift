import CairnWords

/// Splits a register's text into rows of cells (RFC 4180: quoted fields, doubled quotes, line
/// breaks inside quotes), with the line each row starts on, in one pass over its bytes.
///
/// A spreadsheet's own CSV reader would take one stray quote (`Escola "Nova`) as the start of a
/// field that runs to the next quote, silently swallowing every row in between. Here a quoted
/// field that never closes, or that runs over lines which look like rows of the table (as many
/// delimiters as a row has), is taken for a stray quote: that one row is reported broken with
/// its line, and reading goes on at the next line, so the rows after it are read as rows.
struct RegisterRows {
    struct Row {
        var line: Int
        var cells: [String]
    }

    var rows: [Row] = []
    var broken: [(line: Int, reason: String)] = []
    /// The lines of `broken` that a stray quote broke (said first: it would otherwise hide rows).
    var strayQuotes: Set<Int> = []

    /// - Parameter rowDelimiters: how many delimiters a row of the table usually has; a line
    ///   inside a quoted field with at least this many (and two or more) looks like a row.
    static func split(_ text: String, delimiter: Character, rowDelimiters: Int) -> RegisterRows {
        var result = RegisterRows()
        // Windows (CR LF) and old Mac (CR) line ends become LF, in the same pass as the copy.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for b in text.utf8 {
            if b == 0x0D {
                bytes.append(0x0A)
                afterCR = true
                continue
            }
            if b == 0x0A, afterCR {
                afterCR = false
                continue
            }
            afterCR = false
            bytes.append(b)
        }
        let d = delimiter.asciiValue ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let rowLike = max(2, rowDelimiters)
        var i = 0
        var line = 1
        while i < bytes.count {
            let rowLine = line
            var cells: [String] = []
            var stray: String?
            fields: while true {
                var cell: [UInt8] = []
                if i < bytes.count, bytes[i] == quote {
                    let (end, value, closed, breaks) = quoted(bytes, from: i + 1)
                    let swallows = breaks > 0 && (!closed || looksLikeRows(bytes[(i + 1)..<end], delimiter: d, atLeast: rowLike))
                    if swallows {
                        stray =
                            closed
                            ? Words.say(
                                "a quote opens a field that runs over {count} lines that look like rows (a stray quote?)", context: "store",
                                ["count": String(breaks + 1)])
                            : Words.say("a quote opens a field that never closes (a stray quote?)", context: "store")
                        // Skip the rest of this line only; the next line is read as a row again.
                        while i < bytes.count, bytes[i] != newline { i += 1 }
                        break fields
                    }
                    cell = value
                    line += breaks
                    i = end
                    // Anything after the closing quote, up to the delimiter, is kept as typed.
                    while i < bytes.count, bytes[i] != d, bytes[i] != newline {
                        cell.append(bytes[i])
                        i += 1
                    }
                } else {
                    while i < bytes.count, bytes[i] != d, bytes[i] != newline {
                        cell.append(bytes[i])
                        i += 1
                    }
                }
                cells.append(String(decoding: cell, as: UTF8.self))
                if i < bytes.count, bytes[i] == d {
                    i += 1
                    continue
                }
                break
            }
            if i < bytes.count, bytes[i] == newline { i += 1 }
            line += 1
            if let stray {
                result.broken.append((rowLine, stray))
                result.strayQuotes.insert(rowLine)

            } else {
                result.rows.append(Row(line: rowLine, cells: cells))
            }
        }
        return result
    }

    /// A quoted field from just after its opening quote: where reading goes on, its value, whether
    /// it closed, and how many line breaks it holds.
    static func quoted(_ bytes: [UInt8], from start: Int) -> (end: Int, value: [UInt8], closed: Bool, breaks: Int) {
        var value: [UInt8] = []
        var j = start
        var breaks = 0
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") {
                if j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: "\"") {
                    value.append(b)
                    j += 2
                    continue
                }
                return (j + 1, value, true, breaks)
            }
            if b == UInt8(ascii: "\n") { breaks += 1 }
            value.append(b)
            j += 1
        }
        return (j, value, false, breaks)
    }

    /// True when two or more of the lines after the first in `field` hold `atLeast` delimiters:
    /// rows of the table taken into one field, not a note that runs over a few lines.
    static func looksLikeRows(_ field: ArraySlice<UInt8>, delimiter: UInt8, atLeast: Int) -> Bool {
        var found = 0
        var count = 0
        var first = true
        for b in field {
            if b == UInt8(ascii: "\n") {
                if !first, count >= atLeast { found += 1 }
                first = false
                count = 0
            } else if b == delimiter {
                count += 1
            }
        }
        if !first, count >= atLeast { found += 1 }
        return found >= 2
    }
}

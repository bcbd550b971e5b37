import CairnCore

extension MarkdownReport {
    /// Data as Markdown that renders as the text itself, never as markup: no link, image,
    /// autolink, HTML, emphasis, code, heading, list or quote can come from a name or a note,
    /// in CommonMark (GitHub's cmark-gfm with its autolinks and tables) or in Python-Markdown
    /// (tested with both). Controls are written visibly first, as on a terminal.
    ///
    /// - `\` `` ` `` `*` `_` `{` `}` `[` `]` `#` get a backslash (both readers take these);
    ///   `&` `<` `>` `~` are written as entities (Python-Markdown keeps a backslash before them).
    /// - Each line is trimmed, and one that would start a block where a line starts (`-`, `+`,
    ///   `=`, `1.`, `1)`) has that mark escaped; blank lines go, so the data cannot end the paragraph, list or
    ///   table it stands in. Line breaks are kept as hard breaks, or become spaces on one line.
    /// - The bare addresses GitHub links by itself (`www.`, `https://`) are broken up
    ///   (`www\.`, `https&#58;//`). An e-mail address it links too, whatever the escapes
    ///   (`mailto:` and the address shown): that is left as it is.
    ///
    /// - Parameter oneLine: join the lines with spaces (a heading, a table cell).
    static func md(_ s: String, oneLine: Bool = false) -> String {
        let lines = Text.visible(s, keepLineBreaks: true).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.filter { !$0.isEmpty }.map { escapeLine($0, startsLine: !oneLine) }.joined(separator: oneLine ? " " : "  \n")
    }

    /// - Parameter startsLine: the line begins a line of the document, where a block can start.
    static func escapeLine(_ line: String, startsLine: Bool) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        let scalars = Array(line.unicodeScalars)
        // Digits then `.` or `)` and a space at the start would be an ordered list's number.
        let digits = startsLine ? scalars.prefix { ("0"..."9").contains($0) }.count : 0
        let numbered = digits > 0 && digits < scalars.count && (digits + 1 == scalars.count || scalars[digits + 1] == " ")
        for (i, s) in scalars.enumerated() {
            switch s {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "#": out += "\\" + String(s)
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "~": out += "&#126;"
            case "-" where i == 0 && startsLine, "+" where i == 0 && startsLine: out += "\\" + String(s)
            case "=" where i == 0 && startsLine: out += "&#61;"
            case ".", ")":
                if (i == digits && numbered) || (s == "." && follows("www", scalars, at: i)) {
                    out += "\\" + String(s)
                } else {
                    out.unicodeScalars.append(s)
                }
            case ":" where i + 2 < scalars.count && scalars[i + 1] == "/" && scalars[i + 2] == "/": out += "&#58;"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Whether `word` (lower case) stands just before `i`, case-blind, at a word's start.
    private static func follows(_ word: String, _ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        guard i >= w.count else { return false }
        for (k, c) in w.enumerated() where Character(scalars[i - w.count + k]).lowercased() != String(c) { return false }
        let before = i - w.count - 1
        return before < 0 || !Character(scalars[before]).isLetter
    }
}

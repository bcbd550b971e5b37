import CairnWords

/// The words argument-parser writes into a command's help itself (its headings, the help and
/// version flags, the values and defaults of an option), in the session's language: the
/// parser has no catalogue of its own, so its help is rewritten line by line before it is
/// printed. The commands' own texts come translated already.
enum HelpWords {
    /// `help` as argument-parser wrote it, in the session's language.
    static func translated(_ help: String) -> String {
        guard Words.language != .english else { return help }
        let phrases = [
            ("Show help information.", Words.say("Show help information.", context: "help")),
            ("Show the version.", Words.say("Show the version.", context: "help")),
            (
                "See 'cairn help <subcommand>' for detailed help.",
                Words.say("See 'cairn help <subcommand>' for detailed help.", context: "help")
            ),
            ("(default)", Words.say("(default)", context: "help")),
            ("(values:", Words.say("(values:", context: "help")),
            ("default:", Words.say("default:", context: "help")),
        ]
        let headings = [
            ("OVERVIEW:", Words.say("OVERVIEW:", context: "help")), ("USAGE:", Words.say("USAGE:", context: "help")),
            ("ARGUMENTS:", Words.say("ARGUMENTS:", context: "help")), ("OPTIONS:", Words.say("OPTIONS:", context: "help")),
            ("SUBCOMMANDS:", Words.say("SUBCOMMANDS:", context: "help")),
        ]
        let usage = Words.say("USAGE:", context: "help")
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            for (english, said) in headings where line.hasPrefix(english) {
                line = said + line.dropFirst(english.count)
            }
            // The usage's later lines stand under its first, after the heading.
            if line.hasPrefix(String(repeating: " ", count: "USAGE: ".count) + "cairn ") {
                line = String(repeating: " ", count: usage.count + 1) + line.drop { $0 == " " }
            }
            // "open (default)" keeps its summary in the column of the others.
            let mark = Words.say("(default)", context: "help")
            if let range = line.range(of: "(default) ") {
                let spaces = line[range.upperBound...].prefix { $0 == " " }.count + 1
                let kept = max(1, spaces - (mark.count - "(default)".count))
                line = line[..<range.lowerBound] + mark + String(repeating: " ", count: kept) + line[range.upperBound...].drop { $0 == " " }
            }
            // A group of commands: "MONITORING SUBCOMMANDS:", its name already translated.
            if line.hasSuffix(" SUBCOMMANDS:"), !line.hasPrefix(" ") {
                line = String(line.dropLast(" SUBCOMMANDS:".count)) + ":"
            }
            for (english, said) in phrases where line.contains(english) {
                line = line.replacingOccurrences(of: english, with: said)
            }
            // A group's own commands: "See 'cairn help add <subcommand>' for detailed help."
            if let start = line.range(of: "See '"), let end = line.range(of: " <subcommand>' for detailed help.") {
                let command = String(line[start.upperBound..<end.lowerBound])
                line =
                    line[..<start.lowerBound]
                    + Words.say("See '{command} <subcommand>' for detailed help.", context: "help", ["command": command])
            }
            return line
        }
        return lines.joined(separator: "\n")
    }
}

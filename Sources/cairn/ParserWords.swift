import CairnWords
import Foundation

/// argument-parser's own mistakes in the arguments (`Missing expected argument '<cluster>'`),
/// said in the session's language: the parser writes them in English, in a few set forms.
enum ParserWords {
    /// `message` as argument-parser wrote it, in the session's language; a form not known here
    /// stays as it is.
    static func translated(_ message: String) -> String {
        guard Words.language != .english else { return message }
        var text = message
        var rest = ""
        // A value's list of choices follows the sentence that refused it.
        if let range = text.range(of: #"\. Please provide one of (.+)\.$"#, options: .regularExpression) {
            var values = String(text[range].dropFirst(". Please provide one of ".count).dropLast())
            // "'a', 'b' or 'c'": the last "or" in the language's word.
            if let or = values.range(of: " or ", options: .backwards) {
                values = Words.say(
                    "{list} or {last}", ["list": String(values[..<or.lowerBound]), "last": String(values[or.upperBound...])])
            }
            rest = ". " + Words.say("Please provide one of {values}.", context: "parser", ["values": values])
            text = String(text[..<range.lowerBound])
        }
        return said(text) + rest
    }

    private static func said(_ text: String) -> String {
        if let m = match(text, #"^Unknown option '([^']+)'\. Did you mean '([^']+)'\?$"#) {
            return Words.say(
                "Unknown option '{option}'. Did you mean '{suggestion}'?", context: "parser", ["option": m[0], "suggestion": m[1]])
        }
        if let m = match(text, #"^Unknown option '([^']+)'$"#) {
            return Words.say("Unknown option '{option}'", context: "parser", ["option": m[0]])
        }
        if let m = match(text, #"^Missing value for '(.+)'$"#) {
            return Words.say("Missing value for '{option}'", context: "parser", ["option": m[0]])
        }
        if let m = match(text, #"^Unexpected argument '(.*)'$"#) {
            return Words.say("Unexpected argument '{argument}'", context: "parser", ["argument": m[0]])
        }
        if let m = match(text, #"^([0-9]+) unexpected arguments: (.*)$"#), let n = Int(m[0]) {
            return Words.count(
                "{count} unexpected argument: {arguments}", "{count} unexpected arguments: {arguments}", n, context: "parser",
                ["arguments": m[1]])
        }
        if let m = match(text, #"^Missing expected argument '(.+)'$"#) {
            return Words.say("Missing expected argument '{argument}'", context: "parser", ["argument": m[0]])
        }
        if let m = match(text, #"^Missing one of: (.+)$"#) {
            return Words.say("Missing one of: {arguments}", context: "parser", ["arguments": m[0]])
        }
        if let m = match(text, #"^The value '(.*)' is invalid for '(.+)'$"#) {
            return Words.say("The value '{value}' is invalid for '{option}'", context: "parser", ["value": m[0], "option": m[1]])
        }
        if let m = match(text, #"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#) {
            return Words.say(
                "The option '{option}' does not take any value, but '{value}' was specified.", context: "parser",
                ["option": m[0], "value": m[1]])
        }
        return text
    }

    /// The groups `pattern` captures in the whole of `text`, or nil when it does not match.
    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return nil }
        let ns = text as NSString
        guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
    }
}

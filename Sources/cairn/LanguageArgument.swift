import CairnWords
import Foundation

/// `--lang CODE`, taken anywhere on the line (`cairn --lang pl report X`, `cairn report X
/// --lang pl`) by every command and the screens alike, before the parser sees the rest.
enum LanguageArgument {
    /// The language the line names, or the environment's, and the arguments without `--lang`.
    static func take(from arguments: [String], environment: [String: String]) throws -> (Language, [String]) {
        var rest: [String] = []
        var flag: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" {
                rest += arguments[i...]
                break
            }
            if a == "--lang" {
                guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") else {
                    speakEnvironment(environment)
                    throw CLIError(Words.say("--lang needs a language: {languages}", context: "cli", ["languages": spoken]))
                }
                flag = arguments[i + 1]
                i += 2
                continue
            }
            if a.hasPrefix("--lang=") {
                flag = String(a.dropFirst("--lang=".count))
                i += 1
                continue
            }
            rest.append(a)
            i += 1
        }
        if let flag, Language.named(flag) == nil {
            speakEnvironment(environment)
            throw CLIError(
                Words.say(
                    "--lang {code}: Cairn does not speak it; it speaks {languages}", context: "cli", ["code": flag, "languages": spoken]))
        }
        return (Language.chosen(flag: flag, environment: environment), rest)
    }

    /// A refused `--lang` is said in the environment's language, the only one named yet.
    static func speakEnvironment(_ environment: [String: String]) {
        try? Words.use(Language.chosen(flag: nil, environment: environment))
    }

    static var spoken: String { Language.supported.map(\.code).joined(separator: ", ") }
}

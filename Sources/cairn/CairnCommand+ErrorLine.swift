import ArgumentParser
import CairnCore
import CairnWords

extension CairnCommand {
    /// An error as the one line standard error gets, `Error: ` first. A mistake in the arguments
    /// (the parser's own, or a command's `validate`) ends with the help of the command it was
    /// made in, where argument-parser would print the usage over three or four lines.
    static func errorLine(for error: Error, code: ExitCode, arguments: [String]) -> String {
        guard code == .validationFailure else {
            let full = fullMessage(for: error)
            guard full.hasPrefix("Error: ") else { return Text.visible(full) }
            return Text.visible(Words.say("Error: {message}", context: "cli", ["message": String(full.dropFirst("Error: ".count))]))
        }
        let message = ParserWords.translated(Self.message(for: error)).split(whereSeparator: \.isNewline).joined(separator: " ")
        let help = (commandPath(arguments) + ["--help"]).joined(separator: " ")
        return Text.visible(Words.say("Error: {message} ({help})", context: "cli", ["message": message, "help": help]))
    }

    /// The command the arguments name, `cairn add school` for `add school --name X`: its words,
    /// as far as they are the names of commands (the `--store` option and its value skipped).
    static func commandPath(_ arguments: [String]) -> [String] {
        var path = [_commandName]
        var command: ParsableCommand.Type = CairnCommand.self
        var words = arguments[...]
        while let word = words.popFirst() {
            if word == "--store" {
                _ = words.popFirst()
                continue
            }
            if word.hasPrefix("-") { continue }
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            path.append(word)
            command = sub
        }
        return path
    }
}

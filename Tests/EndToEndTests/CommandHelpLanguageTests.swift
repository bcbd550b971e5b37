import Foundation
import Testing

/// Every command's help through the built `cairn`, in the languages furthest from English:
/// no English word of the English help is left (the names of commands, options and their
/// values aside), and the English help is as it was.
@Suite struct CommandHelpLanguageTests {
    /// Every command that has its own help, as typed after `cairn`.
    static let commands: [[String]] = [
        ["add"], ["add", "cluster"], ["add", "school"], ["add", "agency"], ["add", "checkpoint"], ["add", "goal"], ["add", "action"],
        ["agree"], ["assess"], ["check"], ["conflicts"], ["coverage"], ["delete"], ["demo"], ["edit"], ["export"], ["gaps"],
        ["health"], ["import"], ["join"], ["leave"], ["link"], ["list"], ["log"], ["measure"], ["measurements"], ["open"],
        ["plan"], ["publish"], ["reopen"], ["report"], ["sync"], ["tick"], ["tree"], ["undo-import"], ["workshop"],
    ]

    static let po = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/po")

    /// Words of at least three letters, lowercased.
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }

    /// Every word a catalogue's translations say: an English word among them is the language's too
    /// (`region` in Polish, `status` in Dutch) and proves nothing.
    static func translatedWords(_ language: String) throws -> Set<String> {
        let text = try String(contentsOf: po.appendingPathComponent("\(language).po"), encoding: .utf8)
        let said = text.split(separator: "\n").filter { $0.hasPrefix("msgstr") || ($0.hasPrefix("\"") && !$0.contains(": ")) }
        return words(said.joined(separator: " "))
    }

    /// What the help names rather than says, the same in every language: the usage line, the
    /// options and their `<values>`, the listed values, the upper-case placeholders (FIELD=VALUE),
    /// the JSON fields, and the values and keys a person types (`school`, `leadership=3`).
    static func names(in help: String) -> Set<String> {
        var named = help.split(separator: "\n").filter { $0.hasPrefix("USAGE:") || $0.hasPrefix("  cairn ") }.joined(separator: " ")
        // A command group's commands, each at the start of its line under the heading.
        if let list = help.range(of: "SUBCOMMANDS:") {
            named +=
                " " + help[list.upperBound...].split(separator: "\n").compactMap { $0.split(separator: " ").first }.joined(separator: " ")
        }
        let text = flat(help)
        let ns = text as NSString
        for pattern in [#"--[a-z-]+"#, #"<[^>]+>"#, #"\(values: [^)]*\)"#, #"\b[A-Z][A-Z_]+\b"#, #"`[^`]*`"#, #"\{[^}]*\}"#] {
            let regex = try! NSRegularExpression(pattern: pattern)
            for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) { named += " " + ns.substring(with: m.range) }
        }
        return words(named).union(words(typedValues))
    }

    /// The help as one line: argument-parser wraps it at its own width.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Values, keys and names the help quotes as they are typed or read by a program.
    static let typedValues = """
        json csv ics html markdown cairn git utc origin upstream vtodo icalendar utf windows tsv imp null
        record kind field kept value by at others goal date source ticked host op create edit delete fields name old new
        cluster recordid message members id school agency high medium low increase decrease prevention intervention
        compensation monitoring clusters schools agencies checkpoints goals actions primary lower secondary merged split
        amalgamated converted early childhood health phases sector municipality loures regional collaborative yes sim ja
        oui tak resources phase words txt local snapshot leadership structures history communication context autonomy power
        workload objectives funding xdg data home share store lang language languages cairn_store agrupamento
        members measurements assessments links upper vocational special other
        """

    static let rooms = ["pl", "fi", "cy"]

    /// `cairn ARGS` in English unless `--lang` says otherwise, whatever the runner speaks.
    static func cairn(_ args: [String]) throws -> Shell.Result {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "CAIRN_LANG", "CAIRN_STORE"] { env[name] = nil }
        return try Shell.run(Shell.cairn, args, environment: env)
    }

    @Test(arguments: rooms)
    func every_commands_help_leaves_no_english_word_in_the_language(language: String) throws {
        let translated = try Self.translatedWords(language)
        for command in Self.commands {
            let english = try Self.cairn(command + ["--help"])
            let said = try Self.cairn(["--lang", language] + command + ["--help"])
            #expect(english.status == 0 && said.status == 0, "\(command): \(english.stderr) \(said.stderr)")
            let forbidden = Self.words(english.stdout).subtracting(translated).subtracting(Self.names(in: english.stdout))
            let left = Self.words(said.stdout).intersection(forbidden)
            #expect(left.isEmpty, "cairn --lang \(language) \(command.joined(separator: " ")) --help: \(left.sorted())\n\(said.stdout)")
            #expect(said.stdout != english.stdout, "\(command) is not translated at all")
        }
    }

    @Test func english_help_says_the_english_texts_with_and_without_lang_en() throws {
        for command in Self.commands {
            let plain = try Self.cairn(command + ["--help"])
            let english = try Self.cairn(["--lang", "en"] + command + ["--help"])
            #expect(plain.stdout == english.stdout, "\(command)")
        }
        let goal = Self.flat(try Self.cairn(["--lang", "en", "add", "goal", "--help"]).stdout)
        for text in [
            "What the cluster means to achieve.", "increase or decrease (default: worked out from baseline and target).", "OPTIONS:",
        ] {
            #expect(goal.contains(text), "\(text) in\n\(goal)")
        }
        let sync = Self.flat(try Self.cairn(["--lang", "en", "sync", "--help"]).stdout)
        #expect(sync.contains("journals never conflict in git. A new machine starts with: git clone URL DIR, then"), "\(sync)")
    }

    @Test func a_polish_help_names_its_options_and_values_as_they_are_typed() throws {
        let help = Self.flat(try Self.cairn(["--lang", "pl", "add", "action", "--help"]).stdout)
        #expect(help.contains("--class <class> prevention, intervention, compensation lub monitoring. (wartości:"), "\(help)")
        #expect(help.contains("Co zostanie zrobione."), "\(help)")
        let tick = Self.flat(try Self.cairn(["--lang", "pl", "tick", "--help"]).stdout)
        #expect(tick.contains("Dzień wykonania: RRRR-MM-DD, wczoraj lub -3d"), "\(tick)")
        let add = try Self.cairn(["--lang", "pl", "add", "--help"]).stdout
        #expect(add.hasSuffix("  Szczegółowa pomoc: 'cairn help add <subcommand>'.\n"), "\(add)")
    }
}

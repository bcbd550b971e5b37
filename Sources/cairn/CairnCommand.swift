import ArgumentParser
import CMemory
import CairnCore
import CairnRuntime
import CairnStore
import CairnWords
import Foundation

/// `cairn`: with no subcommand it opens the terminal UI; the subcommands script the same store.
@main
struct CairnCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "cairn",
            abstract: Words.say("Browse school clusters, their members and monitoring checkpoints.", context: "command"),
            usage: Words.say(
                "cairn [--store <dir>]                   the terminal UI\ncairn <command> [<arguments>] [--store <dir>]", context: "command"
            ),
            discussion: Words.say(
                "Every command takes --store <dir>, the store directory: by default $CAIRN_STORE, else $XDG_DATA_HOME/cairn, else ~/.local/share/cairn. Every command takes --lang <code> too, the language it speaks: en, pt, nl, pl, fi, is, cy, nb, fr or de (by default $CAIRN_LANG, else $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG).",
                context: "command"),
            version: CairnVersion.line,
            groupedSubcommands: [
                CommandGroup(
                    name: Words.say("Clusters and members", context: "command group"),
                    subcommands: [
                        OpenCommand.self, AddCommand.self, EditCommand.self, DeleteCommand.self, JoinCommand.self, LeaveCommand.self,
                        LinkCommand.self, ListCommand.self, TreeCommand.self,
                    ]),
                CommandGroup(
                    name: Words.say("Monitoring", context: "command group"),
                    subcommands: [
                        TickCommand.self, ReopenCommand.self, MeasureCommand.self, MeasurementsCommand.self, AgreeCommand.self,
                        AssessCommand.self, HealthCommand.self, GapsCommand.self, CoverageCommand.self,
                    ]),
                CommandGroup(
                    name: Words.say("Workshop and reports", context: "command group"),
                    subcommands: [WorkshopCommand.self, ReportCommand.self, PlanCommand.self, PublishCommand.self, DemoCommand.self]),
                CommandGroup(
                    name: Words.say("Import and export", context: "command group"),
                    subcommands: [ImportCommand.self, UndoImportCommand.self, ExportCommand.self]),
                CommandGroup(
                    name: Words.say("Sync and the store", context: "command group"),
                    subcommands: [SyncCommand.self, ConflictsCommand.self, LogCommand.self, CheckCommand.self]),
            ],
            defaultSubcommand: OpenCommand.self
        )
    }

    static func main() {
        BenchLog.mainStarted = Date()
        // Blocks of a megabyte or more (a journal's slice, its events, a list's rows) are mapped
        // on their own and given back when freed. glibc's default raises that threshold to the
        // largest block freed, after which a journal's slices came from the heap and left it
        // fragmented: a full read of a large store then peaked far above what it held.
        cairn_map_blocks_from(1 << 20)
        var arguments = Array(CommandLine.arguments.dropFirst())
        if CairnVersion.isRequest(arguments) {
            print(CairnVersion.line)
            return
        }
        do {
            let language: Language
            (language, arguments) = try LanguageArgument.take(from: arguments, environment: ProcessInfo.processInfo.environment)
            if let options = plainStart(arguments) {
                // The screens read the catalogue while the store opens; a command, at once.
                Words.prepare(language)
                try TerminalSession.run(options: options)
                return
            }
            try Words.use(language)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // Help and the version as argument-parser prints them; an error, which may quote
            // data, in one visible line on standard error.
            let code = exitCode(for: error)
            if code == .success, !(error is ExitCode) {
                print(HelpWords.translated(fullMessage(for: error)))
                Foundation.exit(0)
            }
            if error is ExitCode { exit(withError: error) }
            FileHandle.standardError.write(Data((errorLine(for: error, code: code, arguments: arguments) + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

extension CairnCommand {
    /// The terminal UI's usual start, `cairn` alone or with `--store DIR`, as the parser would
    /// read it: without the parser, whose reflection over every command's arguments would be
    /// paid by every start before its first frame. Anything else goes through the parser.
    static func plainStart(_ args: [String]) -> StoreOptions? {
        var options = StoreOptions()
        switch args.count {
        case 0: options.store = nil
        case 1 where args[0].hasPrefix("--store=") && args[0].count > 8: options.store = String(args[0].dropFirst(8))
        case 2 where args[0] == "--store" && !args[1].hasPrefix("-"): options.store = args[1]
        default: return nil
        }
        return options
    }
}

/// `--store DIR`, taken by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            Words.say("The store directory (default: $CAIRN_STORE, $XDG_DATA_HOME/cairn or ~/.local/share/cairn).", context: "option"),
            valueName: "dir"))
    var store: String?

    var directory: URL { StoreLocation.resolve(flag: store) }

    /// - Parameter readNow: false to read it later, with `Store.read()`.
    func open(readNow: Bool = true) throws -> Store {
        do {
            let store = try Store(directory: directory, readNow: readNow)
            if let notice = store.privacyNotice { FileHandle.standardError.write(Data((Text.visible(notice) + "\n").utf8)) }
            // A file in `journal/` that is no journal is never read: said, so that a record
            // someone expected from it is not silently missing.
            if let stray = store.strayFiles.first {
                let about = ["file": stray.file, "detail": stray.detail]
                let note =
                    store.strayFiles.count > 1
                    ? Words.count(
                        "note: journal/{file} is not a Cairn journal ({detail}): it is neither read nor sent (and {count} more); cairn check says more",
                        "note: journal/{file} is not a Cairn journal ({detail}): it is neither read nor sent (and {count} more); cairn check says more",
                        store.strayFiles.count - 1, context: "cli", about)
                    : Words.say(
                        "note: journal/{file} is not a Cairn journal ({detail}): it is neither read nor sent; cairn check says more",
                        context: "cli", about)
                FileHandle.standardError.write(Data((Text.visible(note) + "\n").utf8))
            }
            // Kept until the process ends, which gives its memory back at once: freeing a store's
            // records one by one would end every command with a walk over all of them.
            _ = Unmanaged.passRetained(store)
            return store
        } catch {
            throw CLIError(error.message)
        }
    }
}

/// A one-line message for stderr and a non-zero exit, never a stack trace.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension CLIError: LocalizedError {
    var errorDescription: String? { message }
}

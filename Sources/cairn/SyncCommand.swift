import ArgumentParser
import CairnCore
import CairnStore
import CairnWords
import Foundation

/// `cairn sync [--remote NAME] [--init URL] [--status] [--put-back] [--take JOURNAL]`: shares the store through git.
struct SyncCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync",
            abstract: Words.say("Send this store's changes to its git remote and bring in everyone else's.", context: "command"),
            discussion: Words.say(
                "The store folder is a git repository; each copy writes only its own journal file, so journals never conflict in git. A new machine starts with: git clone URL DIR, then cairn --store DIR.",
                context: "command"))
    }
    @OptionGroup var options: StoreOptions
    @Option(
        help: ArgumentHelp(
            Words.say("The git remote to sync with (default: the branch's upstream, else origin).", context: "option"), valueName: "name"))
    var remote: String?
    @Option(
        name: .customLong("init"),
        help: ArgumentHelp(
            Words.say("Make the store a git repository with this remote (origin), and push it.", context: "option"), valueName: "url"))
    var initURL: String?
    @Flag(help: ArgumentHelp(Words.say("Say what is unsent and when the store last synced; changes nothing.", context: "option")))
    var status = false
    @Flag(
        name: .customLong("put-back"),
        help: ArgumentHelp(
            Words.say(
                "When the remote holds this copy's journal otherwise than it was written here, send it back as written.", context: "option")
        ))
    var putBack = false
    @Option(
        name: .customLong("take"),
        help: ArgumentHelp(
            Words.say(
                "Take the remote's version of another copy's journal that this copy holds otherwise (once its copy has put it back).",
                context: "option"), valueName: "journal/NAME.jsonl"))
    var take: [String] = []

    func validate() throws {
        if status && (initURL != nil || remote != nil || putBack || !take.isEmpty) {
            throw ValidationError(Words.say("--status changes nothing: give it alone", context: "cli"))
        }
        if putBack && initURL != nil {
            throw ValidationError(Words.say("--put-back sends to a remote the store already has: leave out --init", context: "cli"))
        }
        if initURL != nil && remote != nil {
            throw ValidationError(Words.say("--init always names the remote origin: leave out --remote", context: "cli"))
        }
        if let initURL, initURL.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(Words.say("--init needs the remote's URL", context: "cli"))
        }
    }

    func run() throws {
        let store = try options.open()
        if status {
            print(Self.describe(SyncStatus.of(store), journal: store.journalFile))
            return
        }
        var sync = StoreSync(store: store)
        sync.interactive = isatty(0) == 1 && isatty(2) == 1
        sync.putBack = putBack
        sync.taking = Set(take.map { $0.hasPrefix("journal/") ? $0 : "journal/" + $0 })
        // Steps go to standard error, and only on a terminal: standard output is the summary.
        let tell: (String) -> Void = isatty(2) == 1 ? { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } : { _ in }
        let report: StoreSync.Report
        do throws(StoreError) {
            if let initURL {
                report = try sync.initialize(url: initURL, progress: tell)
            } else {
                report = try sync.run(remote: remote, progress: tell)
            }
        } catch {
            throw CLIError(error.message)
        }
        do {
            try store.refresh()
        } catch {
            throw CLIError(Words.say("synced, but the store cannot be read again: {message}", context: "cli", ["message": error.message]))
        }
        print(
            report.line(openConflicts: store.world.openConflicts.count, listedBy: Words.say("cairn conflicts lists them", context: "sync"))
                + ".")
    }

    /// "3 changes unsent (journal/…); last synced 2026-12-01 14:02 UTC with origin."
    static func describe(_ s: SyncStatus, journal: URL) -> String {
        guard s.isShared else { return Words.say("This store is not shared through git: cairn sync --init URL shares it.", context: "cli") }
        var values = ["file": journal.lastPathComponent]
        guard let last = s.last else {
            return s.unsent == 0
                ? Words.say("Nothing unsent; never synced from this copy.", context: "cli")
                : Words.count(
                    "{count} change unsent (journal/{file}); never synced from this copy.",
                    "{count} changes unsent (journal/{file}); never synced from this copy.", s.unsent, context: "cli", values)
        }
        values["when"] = EventTime.minute(last.at)
        values["remote"] = last.remote
        return s.unsent == 0
            ? Words.say("Nothing unsent; last synced {when} UTC with {remote}.", context: "cli", values)
            : Words.count(
                "{count} change unsent (journal/{file}); last synced {when} UTC with {remote}.",
                "{count} changes unsent (journal/{file}); last synced {when} UTC with {remote}.", s.unsent, context: "cli", values)
    }
}

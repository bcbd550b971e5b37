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
            discussion: """
                The store folder is a git repository; each copy writes only its own journal file, so \
                journals never conflict in git. A new machine starts with: git clone URL DIR, then \
                cairn --store DIR.
                """)
    }
    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The git remote to sync with (default: the branch's upstream, else origin).", valueName: "name"))
    var remote: String?
    @Option(
        name: .customLong("init"),
        help: ArgumentHelp("Make the store a git repository with this remote (origin), and push it.", valueName: "url"))
    var initURL: String?
    @Flag(help: "Say what is unsent and when the store last synced; changes nothing.") var status = false
    @Flag(
        name: .customLong("put-back"),
        help: "When the remote holds this copy's journal otherwise than it was written here, send it back as written.")
    var putBack = false
    @Option(
        name: .customLong("take"),
        help: ArgumentHelp(
            "Take the remote's version of another copy's journal that this copy holds otherwise (once its copy has put it back).",
            valueName: "journal/NAME.jsonl"))
    var take: [String] = []

    func validate() throws {
        if status && (initURL != nil || remote != nil || putBack || !take.isEmpty) {
            throw ValidationError("--status changes nothing: give it alone")
        }
        if putBack && initURL != nil { throw ValidationError("--put-back sends to a remote the store already has: leave out --init") }
        if initURL != nil && remote != nil { throw ValidationError("--init always names the remote origin: leave out --remote") }
        if let initURL, initURL.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--init needs the remote's URL") }
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
            throw CLIError("synced, but the store cannot be read again: \(error.message)")
        }
        print(report.line(openConflicts: store.world.openConflicts.count, listedBy: "cairn conflicts lists them") + ".")
    }

    /// "3 changes unsent (journal/…); last synced 2026-12-01 14:02 UTC with origin."
    static func describe(_ s: SyncStatus, journal: URL) -> String {
        let unsent =
            s.unsent == 0 ? "nothing unsent" : "\(s.unsent) change\(s.unsent == 1 ? "" : "s") unsent (journal/\(journal.lastPathComponent))"
        guard s.isShared else { return "This store is not shared through git: cairn sync --init URL shares it." }
        guard let last = s.last else { return "\(unsent.prefix(1).uppercased() + unsent.dropFirst()); never synced from this copy." }
        let when = EventTime.minute(last.at)
        return "\(unsent.prefix(1).uppercased() + unsent.dropFirst()); last synced \(when) UTC with \(last.remote)."
    }
}

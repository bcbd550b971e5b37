import CairnCore
import CairnWords
import Foundation

/// `cairn sync`: shares this copy's journal through git and brings in everyone else's.
///
/// Each copy writes only its own journal file, so git never has two versions of one file to
/// merge: a sync commits ours, merges theirs (new files and lines appended to files we do not
/// write), pushes, and the store folds what came by the same rules as two sessions' changes.
/// Nothing here touches a `Store` object, so a screen can run it on another thread.
public struct StoreSync: Sendable {
    public let directory: URL
    let identity: Identity
    let access: StoreAccess
    /// The journal file this copy writes: its open segment when the sync began.
    let ownJournal: URL
    /// The copy whose segments this copy writes (`JournalSegment`).
    var ownCopy: String { JournalSegment(fileName: ownJournal.lastPathComponent)?.copy ?? "" }
    /// Whether git may ask the person a question on the terminal (see `Git`): only for
    /// `cairn sync` typed at one, never under the terminal UI or with nobody there.
    public var interactive = false
    /// `cairn sync --put-back`: this copy's journal, held otherwise by the hub, is sent back as
    /// this copy wrote it (see `puttingBackOwnJournal`).
    public var putBack = false
    /// `cairn sync --take journal/…`: other copies' journals this copy holds otherwise than the
    /// hub, whose hub version a person has checked with the copy that writes it and takes.
    public var taking: Set<String> = []
    /// How often a push the remote rejected (someone pushed first) is retried after a new merge.
    static let pushAttempts = 5

    public init(store: Store) {
        directory = store.directory
        identity = store.identity
        access = store.access
        ownJournal = store.journalFile
    }

    init(directory: URL, identity: Identity, access: StoreAccess, ownJournal: URL, interactive: Bool) {
        self.directory = directory
        self.identity = identity
        self.access = access
        self.ownJournal = ownJournal
        self.interactive = interactive
    }

    /// What a sync did, for its one-line summary.
    public struct Report: Sendable, Equatable {
        public static func == (a: Report, b: Report) -> Bool {
            a.remote == b.remote && a.received == b.received && a.sent == b.sent && a.latest?.at == b.latest?.at
        }

        public var remote: String
        /// Changes that came in, per person who made them.
        public var received: [String: Int] = [:]
        public var sent = 0
        /// Said when this copy took a new id (`becomeNewCopyIfRestored`).
        public var renamed: String?
        /// Said when the store's examples could not be sent (`stageExamples`).
        public var examplesUnsent: String?
        /// The change that came stamped latest: when, by whom, on which machine.
        public var latest: (at: String, by: String, host: String)?
        public var receivedTotal: Int { received.values.reduce(0, +) }

        /// Changes stamped well ahead of this machine's clock mean one of the two clocks is
        /// wrong. Order stays right (the hybrid clock), but the times in the trail do not, so
        /// it is said: "changes by ben on laptop are stamped 2 h ahead of this machine's clock".
        public func clockWarning(now: Date = Date()) -> String? {
            guard let latest, let at = Event.date(latest.at) else { return nil }
            let ahead = at.timeIntervalSince(now)
            guard ahead > 600 else { return nil }
            if ahead >= 5400 {
                return Words.say(
                    "changes by {who} on {host} are stamped {hours} h ahead of this machine's clock: check both clocks", context: "store",
                    ["who": latest.by, "host": latest.host, "hours": String(Int((ahead / 3600).rounded()))])
            }
            return Words.say(
                "changes by {who} on {host} are stamped {minutes} min ahead of this machine's clock: check both clocks", context: "store",
                ["who": latest.by, "host": latest.host, "minutes": String(Int((ahead / 60).rounded()))])
        }

        /// "received 12 changes (ana 8, ben 4), sent 5": the people by how much they did.
        public var summary: String {
            let people = received.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            let got =
                receivedTotal == 0
                ? Words.say("received nothing", context: "store")
                : Words.count(
                    "received {count} change ({people})", "received {count} changes ({people})", receivedTotal, context: "store",
                    ["people": people.joined(separator: ", ")])
            let gave =
                sent == 0
                ? Words.say("sent nothing", context: "store")
                : Words.count("sent {count} change", "sent {count} changes", sent, context: "store")
            return Words.say("{received}, {sent}", context: "store", ["received": got, "sent": gave])
        }

        /// The one line a sync ends with, on the command line and on the screen alike:
        /// "Synced with origin: received …, sent …; 1 conflict open (HOW)".
        public func line(openConflicts open: Int, listedBy how: String) -> String {
            let conflicts =
                open == 0
                ? Words.say("no conflicts", context: "store")
                : Words.count("{count} conflict open ({how})", "{count} conflicts open ({how})", open, context: "store", ["how": how])
            return Words.say(
                "Synced with {remote}: {summary}; {conflicts}", context: "store",
                ["remote": remote, "summary": summary, "conflicts": conflicts])
                + (clockWarning().map { "; " + $0 } ?? "") + (renamed.map { "; " + $0 } ?? "") + (examplesUnsent.map { "; " + $0 } ?? "")
        }
    }

    // MARK: - The steps

    /// Commits this copy's journal, merges the remote's, pushes; `progress` hears each step.
    /// Throws a one-line message; whatever was committed stays committed and goes next time.
    public func run(remote chosen: String? = nil, progress: (String) -> Void = { _ in }) throws(StoreError) -> Report {
        switch try runOnce(remote: chosen, progress: progress) {
        case .synced(let report): return report
        case .restarted(let renewed):
            // This copy was restored from a backup and now has a new id: its sync, again.
            guard case .synced(var report) = try renewed.runOnce(remote: chosen, progress: progress) else {
                throw StoreError(
                    Words.say(
                        "this copy was restored from a backup and took a new id, yet the hub still holds its journal otherwise",
                        context: "store"))
            }
            report.renamed = Words.say(
                "{remote} held this copy's journal otherwise than it does (it was restored from a backup?): it now writes journal/{new}, and reads journal/{old} as {remote} holds it",
                context: "store",
                ["remote": report.remote, "new": renewed.ownJournal.lastPathComponent, "old": ownJournal.lastPathComponent])
            return report
        }
    }

    /// What one pass of a sync came to.
    enum Pass {
        case synced(Report)
        /// This copy became a new one (`becomeNewCopyIfRestored`): run that copy's sync.
        case restarted(StoreSync)
    }

    func runOnce(remote chosen: String?, progress: (String) -> Void) throws(StoreError) -> Pass {
        let git = try self.git()
        try requireOwnRepository(git)
        let lock = try SyncLock(directory, access: access)
        defer { lock.release() }
        try lock.clearStaleIndexLock()
        try finishInterruptedMerge(git)
        try finishInterruptedMove(git)
        let branch = try currentBranch(git)
        let (remote, upstreamBranch) = try remoteAndBranch(git, chosen: chosen, branch: branch)
        var remoteBranch = upstreamBranch ?? branch
        try StoreLayout.writeSharedFiles(directory, access: access)
        progress(Words.say("Saving this copy's changes in git…", context: "store"))
        let examplesUnsent = try commitOwnJournals(git)
        var report = Report(remote: remote)
        report.examplesUnsent = examplesUnsent
        for attempt in 1...StoreSync.pushAttempts {
            progress(
                attempt == 1
                    ? Words.say("Fetching from {remote}…", context: "store", ["remote": remote])
                    : Words.say("Fetching from {remote} again (someone sent first)…", context: "store", ["remote": remote]))
            let fetched = git.run(["fetch", "--no-tags", "--quiet", remote])
            guard fetched.ok else {
                throw StoreError(
                    Words.say(
                        "cannot reach {remote} ({url}): {reason}; nothing was lost, the changes go next time", context: "store",
                        ["remote": remote, "url": url(of: remote, git), "reason": fetched.reason]))
            }
            // No upstream, or one the remote does not have (a clone of a hub whose HEAD names
            // a branch nobody pushed): join the branch the remote does have.
            if upstreamBranch.map({ !exists(git, "refs/remotes/\(remote)/\($0)") }) ?? true {
                remoteBranch = try branchToJoin(git, remote: remote, local: upstreamBranch ?? branch)
            }
            let ref = "refs/remotes/\(remote)/\(remoteBranch)"
            let remoteHas = exists(git, ref)
            // What the remote has is all in this copy's history already (nobody sent since): nothing
            // to check or merge, and the push below is a fast-forward.
            if remoteHas, !git.run(["merge-base", "--is-ancestor", ref, "HEAD"]).ok {
                try requireCairnStore(git, ref: ref, remote: remote)
                if let renewed = try becomeNewCopyIfRestored(git, ref: ref, progress: progress) { return .restarted(renewed) }
                progress(Words.say("Merging what {remote} has…", context: "store", ["remote": remote]))
                let incoming = putBack ? try puttingBackOwnJournal(git, onto: ref, remote: remote) : ref
                try merge(git, ref: incoming, remote: remote, into: &report)
            }
            let sending = unsentLines(git, against: remoteHas ? ref : nil)
            progress(
                sending == 0
                    ? Words.say("Checking {remote} is up to date…", context: "store", ["remote": remote])
                    : Words.count(
                        "Sending {count} change to {remote}…", "Sending {count} changes to {remote}…", sending, context: "store",
                        ["remote": remote]))
            let pushed = git.run(["push", "--quiet", remote, "HEAD:refs/heads/\(remoteBranch)"])
            if pushed.ok {
                report.sent = sending
                if upstreamBranch != remoteBranch || git.value(["config", "--get", "branch.\(branch).remote"]) != remote {
                    _ = git.run(["branch", "--quiet", "--set-upstream-to=\(remote)/\(remoteBranch)", branch])
                }
                _ = git.run(["fetch", "--no-tags", "--quiet", remote])  // so that the remote's ref is the one pushed
                try record(git, remote: remote, ref: ref)
                tidy(git)
                return .synced(report)
            }
            let text = pushed.err + pushed.out
            // A hub that declines (a hook, a protected branch) says why on lines of its own:
            // that reason is the message, not "overtaken".
            // (A ref the hub could not lock is someone sending at that moment: tried again below.)
            if text.contains("hook declined") || (text.contains("[remote rejected]") && !text.contains("cannot lock ref")) {
                let said = text.split(separator: "\n").filter { $0.hasPrefix("remote:") }
                    .map { $0.dropFirst("remote:".count).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let why = said.isEmpty ? pushed.reason : said.joined(separator: " ")
                throw StoreError(
                    Words.say(
                        "{remote} refused what was sent: {reason}; nothing was lost, the changes go next time", context: "store",
                        ["remote": remote, "reason": Text.visible(why)]))

            }
            guard text.contains("rejected") || text.contains("fetch first") || text.contains("non-fast-forward") else {
                if report.receivedTotal > 0 {
                    throw StoreError(
                        Words.count(
                            "cannot send to {remote}: {reason}; what came ({count} change) is merged; nothing was lost, the changes go next time",
                            "cannot send to {remote}: {reason}; what came ({count} changes) is merged; nothing was lost, the changes go next time",
                            report.receivedTotal, context: "store", ["remote": remote, "reason": pushed.reason]))
                }
                throw StoreError(
                    Words.say(
                        "cannot send to {remote}: {reason}; nothing was lost, the changes go next time", context: "store",
                        ["remote": remote, "reason": pushed.reason]))
            }
        }
        throw StoreError(
            Words.say(
                "{remote} kept moving: {count} tries to send were each overtaken; what came is merged, the rest goes next time",
                context: "store",
                ["remote": remote, "count": String(StoreSync.pushAttempts)]))
    }

    /// `cairn sync --init URL`: makes the store a git repository of its own with `url` as
    /// `origin`, and syncs with it (pushing the whole store when the remote is empty).
    public func initialize(url: String, progress: (String) -> Void = { _ in }) throws(StoreError) -> Report {
        let git = try self.git()
        let repository = directory.appendingPathComponent(".git")
        let madeRepository = !FileManager.default.fileExists(atPath: repository.path)
        if !madeRepository {
            if let existing = git.value(["remote", "get-url", "origin"]) {
                throw StoreError(
                    Words.say("this store already syncs with origin ({url}): run cairn sync", context: "store", ["url": existing]))
            }
        } else {
            var arguments = ["init", "--quiet"]
            if access.isTeam { arguments.append("--shared=group") }  // every member's sessions may commit
            let made = git.run(arguments)
            guard made.ok else {
                throw StoreError(
                    Words.say(
                        "cannot make {path} a git repository: {reason}", context: "store", ["path": directory.path, "reason": made.reason]))
            }
        }
        let added = git.run(["remote", "add", "origin", url])
        guard added.ok else {
            if madeRepository { try? FileManager.default.removeItem(at: repository) }
            if added.err.contains("dubious ownership") { throw StoreSync.notYours(directory) }
            throw StoreError(
                Words.say("cannot add the remote {url}: {reason}; nothing was set", context: "store", ["url": url, "reason": added.reason]))
        }
        nameBranchAfterEmptyRemote(git, url: url)
        do {
            return try run(remote: "origin", progress: progress)
        } catch {
            // A first sync that failed (a mistyped URL) leaves nothing set, so the right one can be given.
            if madeRepository {
                try? FileManager.default.removeItem(at: repository)
            } else {
                _ = git.run(["remote", "remove", "origin"])
            }
            throw StoreError(
                Words.say(
                    "{reason}; nothing was set: cairn sync --init URL again with the right one", context: "store", ["reason": error.message]
                ))

        }
    }

    /// An empty hub's HEAD names the branch a `git clone` of it will check out (`master`,
    /// `main`, whatever its git chose). The first push must create that branch, or every clone
    /// would start with nothing checked out. Git tells an empty repository's HEAD only to a
    /// clone, so a bare one is made of it (it holds nothing) and read.
    private func nameBranchAfterEmptyRemote(_ git: Git, url: String) {
        guard git.value(["rev-parse", "--verify", "--quiet", "HEAD"]) == nil else { return }  // has commits: keep its branch
        let probe = StoreLayout.localFolder(directory).appendingPathComponent("hub-head-\(getpid())")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard git.run(["clone", "--quiet", "--bare", "--depth=1", url, probe.path]).ok,
            FileManager.default.fileExists(atPath: probe.path),
            (try? FileManager.default.contentsOfDirectory(atPath: probe.appendingPathComponent("refs/heads").path))?.isEmpty ?? true,
            let head = Git(in: probe)?.value(["symbolic-ref", "HEAD"]), head.hasPrefix("refs/heads/")
        else { return }
        _ = git.run(["symbolic-ref", "HEAD", head])
    }
}

extension StoreSync {
    /// True when the store is a git repository with a remote: what is written in it reaches
    /// that hub at the next sync.
    public var sendsToHub: Bool {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) else { return false }
        return Git(in: directory)?.value(["remote"]) != nil
    }
}

extension StoreSync {
    /// Whether `path` (`journal/NAME`, or a bare name) is one of this copy's journal segments.
    func isOwn(_ path: String) -> Bool {
        let name = path.hasPrefix("journal/") ? String(path.dropFirst("journal/".count)) : path
        return !name.contains("/") && JournalSegment.isSegment(name, of: ownCopy)
    }

    /// Runs `body` holding the lock of this copy's open segment: no session of it writes meanwhile.
    func lockingOwnJournal<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try OwnJournal(copy: ownCopy, store: directory, mode: access.fileMode).locked(sealing: false) { _ throws(StoreError) -> T in
            try body()
        }
    }
}

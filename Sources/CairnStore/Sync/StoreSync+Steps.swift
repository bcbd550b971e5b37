import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The steps of a sync, each one git command or a few: the checks that make a failure one
/// clear line, the commit of this copy's journals, the merge of the remote's, the record kept.
extension StoreSync {
    // MARK: - Checks

    func git() throws(StoreError) -> Git {
        guard let git = Git(in: directory, interactive: interactive) else {
            throw StoreError(Words.say("git is not installed, and cairn sync needs it (on Debian: apt install git)", context: "store"))
        }
        return git
    }

    func requireOwnRepository(_ git: Git) throws(StoreError) {
        let hasGit = FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path)
        let asked = git.run(["rev-parse", "--show-toplevel"])
        // Git refuses a repository another account owns, since its settings can run commands:
        // in a team store only the account that made the repository syncs it.
        if hasGit, asked.err.contains("dubious ownership") { throw StoreSync.notYours(directory) }
        guard hasGit, asked.ok, let top = asked.out.split(separator: "\n").first.map(String.init),
            URL(fileURLWithPath: top).resolvingSymlinksInPath().path == directory.resolvingSymlinksInPath().path
        else {
            throw StoreError(
                Words.say(
                    "this store ({path}) is not a git repository: cairn sync --init URL makes it one", context: "store",
                    ["path": directory.path]))
        }
    }

    /// Why git refuses a store whose folder or repository another account owns.
    static func notYours(_ directory: URL) -> StoreError {
        func owner(_ url: URL) -> String? {
            var info = stat()
            guard lstat(url.path, &info) == 0, info.st_uid != geteuid() else { return nil }
            return accountName(info.st_uid)
        }
        let owners = [
            owner(directory).map { Words.say("{path} belongs to {owner}", context: "store", ["path": directory.path, "owner": $0]) },
            owner(directory.appendingPathComponent(".git")).map { Words.say("its .git to {owner}", context: "store", ["owner": $0]) },
        ]
        .compactMap { $0 }
        return StoreError(
            Words.say(
                "git refuses this store: {owners}, and git runs no repository another account owns, since its settings could run commands as you; its owner syncs it for everyone",
                context: "store",
                ["owners": owners.isEmpty ? Words.say("it belongs to another account", context: "store") : owners.joined(separator: ", ")]))
    }

    static func accountName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else {
            return Words.say("account {uid}", context: "store", ["uid": String(uid)])
        }
        return String(cString: name)
    }

    /// A sync killed mid-merge (a dropped SSH link) leaves git merging: that merge is undone,
    /// and done again below from the start. Only other copies' journals were being merged.
    func finishInterruptedMerge(_ git: Git) throws(StoreError) {
        guard git.value(["rev-parse", "--verify", "--quiet", "MERGE_HEAD"]) != nil else { return }
        let undone = git.run(["merge", "--abort"])
        guard undone.ok else {
            throw StoreError(
                Words.say("an earlier sync left a merge git cannot undo: {reason}", context: "store", ["reason": undone.reason]))
        }
    }

    func currentBranch(_ git: Git) throws(StoreError) -> String {
        guard let branch = git.value(["symbolic-ref", "--quiet", "--short", "HEAD"]) else {
            throw StoreError(
                Words.say("the store's repository is not on a branch (a detached HEAD): git switch main, then cairn sync", context: "store")
            )
        }
        return branch
    }

    /// `--remote NAME`, else the branch's upstream, else `origin`; and the remote's branch.
    func remoteAndBranch(_ git: Git, chosen: String?, branch: String) throws(StoreError) -> (String, String?) {
        let upstream = git.value(["config", "--get", "branch.\(branch).remote"])
        let remote = chosen ?? upstream ?? "origin"
        guard git.value(["remote", "get-url", remote]) != nil else {
            let known = git.value(["remote"])?.split(separator: "\n").joined(separator: ", ")
            if let known {
                throw StoreError(
                    Words.say(
                        "this store has no remote “{remote}” (it has {known}): cairn sync --remote NAME", context: "store",
                        ["remote": remote, "known": known]))
            }
            throw StoreError(
                Words.say(
                    "this store has no remote “{remote}”: cairn sync --init URL or git remote add origin URL", context: "store",
                    ["remote": remote]))
        }
        if remote == upstream, let merge = git.value(["config", "--get", "branch.\(branch).merge"]), merge.hasPrefix("refs/heads/") {
            return (remote, String(merge.dropFirst("refs/heads/".count)))
        }
        return (remote, nil)
    }

    /// With no upstream yet: the remote's branch of the same name, else its only branch (a
    /// clone of a hub whose HEAD names another branch checks nothing out), else a new one.
    func branchToJoin(_ git: Git, remote: String, local: String) throws(StoreError) -> String {
        let prefix = "refs/remotes/\(remote)/"
        let listed = git.value(["for-each-ref", "--format=%(refname)", prefix]) ?? ""
        let branches = listed.split(separator: "\n").map { String($0.dropFirst(prefix.count)) }.filter { $0 != "HEAD" }
        if branches.isEmpty || branches.contains(local) { return local }
        if branches.count == 1 { return branches[0] }
        throw StoreError(
            Words.say(
                "{remote} has several branches ({branches}) and none is {local}: git branch --set-upstream-to={remote}/BRANCH chooses one",
                context: "store",
                ["remote": remote, "branches": branches.joined(separator: ", "), "local": local]))
    }

    func exists(_ git: Git, _ ref: String) -> Bool {
        git.value(["rev-parse", "--verify", "--quiet", ref + "^{commit}"]) != nil
    }

    func url(of remote: String, _ git: Git) -> String { git.value(["remote", "get-url", remote]) ?? remote }

    /// A remote branch with no `.cairn-store` and no `journal/` is somebody else's repository:
    /// merging it would fill the store with files that are not journals.
    func requireCairnStore(_ git: Git, ref: String, remote: String) throws(StoreError) {
        let marked = git.run(["cat-file", "-e", "\(ref):\(StoreLayout.marker)"]).ok
        let journals = git.value(["ls-tree", "--name-only", ref, "journal/"]) != nil
        guard marked || journals else {
            throw StoreError(
                Words.say(
                    "{remote} ({url}) is not a Cairn store: it has no journal/; nothing was merged or sent", context: "store",
                    ["remote": remote, "url": url(of: remote, git)]))
        }
    }

    // MARK: - Commit, merge, record

    /// The journal files this copy commits: its own, and any git does not know yet (one an
    /// earlier version wrote under the host's name). Another copy's journal changed here is
    /// refused: only that copy may write it, or git would meet two versions of one file.
    func ownJournals(_ git: Git) throws(StoreError) -> [String] {
        let listed = git.run(["status", "--porcelain=v1", "--untracked-files=all", "-z", "--", "journal"])
        guard listed.ok else {
            throw StoreError(Words.say("cannot read the repository's state: {reason}", context: "store", ["reason": listed.reason]))
        }
        var paths = Set(JournalSegment.segments(of: ownCopy, in: StoreLayout.journalFolder(directory)).map { "journal/" + $0.fileName })
        for entry in listed.out.split(separator: "\0") where entry.count > 3 {
            let code = entry.prefix(2)
            let path = String(entry.dropFirst(3))
            guard path.hasSuffix(".jsonl") else { continue }
            if code == "??" || isOwn(path) {
                // A file that is not a journal (a link, garbage, a sparse file) is never sent.
                if JournalVetting.vet(directory.appendingPathComponent(path), known: nil).refusal == nil { paths.insert(path) }
            } else {
                throw StoreError(
                    Words.say(
                        "{path} is another copy's journal and was changed here (git status says {code}); cairn sync sends only this copy's: git checkout -- {path} puts it back",
                        context: "store",
                        ["path": path, "code": code.trimmingCharacters(in: .whitespaces)]))

            }
        }
        return paths.sorted()
    }

    /// Commits this copy's journals, holding the journal's lock so that no half-written line
    /// is committed, and the store's examples when they are fit to send. The message says how
    /// many changes, by whom, from which machine. Returns why the examples were not sent.
    func commitOwnJournals(_ git: Git) throws(StoreError) -> String? {
        return try lockingOwnJournal { () throws(StoreError) -> String? in
            let head = journals(git, at: "HEAD")
            try requireOwnJournalExtendsCommitted(git, head: head)
            let paths = try ownJournals(git)
            var people: Set<String> = []
            var count = 0
            for path in paths {
                let before = head[path]?.size ?? 0
                if let read = try? JournalReader.read(directory.appendingPathComponent(path), from: before, firstLine: 1) {
                    count += read.events.count
                    for event in read.events { people.insert(event.by) }
                }
            }
            let added = git.run(["add", "--", ".gitignore", StoreLayout.marker] + paths)
            guard added.ok else {
                throw StoreError(Words.say("cannot stage the journal in git: {reason}", context: "store", ["reason": added.reason]))
            }
            let examplesUnsent = stageExamples(git)
            guard !git.run(["diff", "--cached", "--quiet"]).ok else { return examplesUnsent }
            let who = people.isEmpty ? identity.user : people.sorted().joined(separator: ", ")
            // English whatever the session speaks: the store's history is shared by members
            // who speak different languages (as the journal is).
            let message =
                count == 0
                ? "Cairn store files, from \(identity.host) (\(ownCopy))"
                : "\(count) change\(count == 1 ? "" : "s") by \(who) on \(identity.host) (\(ownCopy))"
            let committed = git.run(authorship(git) + ["commit", "--quiet", "--no-verify", "-m", message])
            guard committed.ok else {
                throw StoreError(Words.say("cannot commit the journal in git: {reason}", context: "store", ["reason": committed.reason]))
            }
            return examplesUnsent
        }
    }

    /// A fresh laptop's git knows no user: the commit then names the account and the machine.
    func authorship(_ git: Git) -> [String] {
        // Both asked in one git call: "user.name Ana Silva" lines.
        let set = (git.value(["config", "--get-regexp", "^user\\.(name|email)$"]) ?? "").split(separator: "\n")
            .compactMap { line -> String? in
                let parts = line.split(separator: " ", maxSplits: 1)
                return parts.count == 2 ? String(parts[0]) : nil  // a name set empty is none
            }
        var flags: [String] = []
        if !set.contains("user.name") { flags += ["-c", "user.name=\(identity.user)"] }
        if !set.contains("user.email") { flags += ["-c", "user.email=\(identity.user)@\(identity.host)"] }
        return flags
    }

    /// Merges the remote branch into `report`: the changes that came, per person, and the one
    /// stamped latest. A merge git cannot make (someone rewrote a journal) is undone, leaving
    /// the store as it was.
    func merge(_ git: Git, ref: String, remote: String, into report: inout Report) throws(StoreError) {
        let journalFolder = StoreLayout.journalFolder(directory)
        func sizes() -> [String: Int] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: journalFolder.path)) ?? []
            var out: [String: Int] = [:]
            for name in names where name.hasSuffix(".jsonl") {
                out[name] =
                    InsideStore.size(journalFolder.appendingPathComponent(name))
            }
            return out
        }
        try requireAppendsOnly(git, ref: ref, remote: remote)
        try requireExamplesMergeable(git, ref: ref, remote: remote)
        let before = sizes()
        // Git rewrites the other copies' journal files whole: a session of this copy that
        // commits meanwhile would read a world with some of them missing, so it waits.
        try lockingOwnJournal { () throws(StoreError) in
            let merged = git.run(
                authorship(git) + [
                    // The merge's message stays English, as every commit message Cairn writes (shared history).
                    "merge", "--quiet", "--no-edit", "--no-verify", "--allow-unrelated-histories", "-m",
                    "Merge \(remote) into \(identity.host) (\(ownCopy))", ref,
                ])
            var examplesSettled = false
            if !merged.ok { examplesSettled = try settleExamples(git, remote: remote) }
            let settled =
                merged.ok
                || (examplesSettled && nothingConflicted(git)
                    ? git.run(authorship(git) + ["commit", "--quiet", "--no-edit", "--no-verify"]).ok
                    : takeLongerJournals(git) || takeTakenJournals(git))
            guard settled else {
                _ = git.run(["merge", "--abort"])
                throw StoreError(
                    Words.say(
                        "cannot merge what {remote} has: {reason}; the store is as it was", context: "store",
                        ["remote": remote, "reason": merged.reason]))

            }
            // Git wrote what came with its own modes (0644 under the usual umask).
            StorePrivacy.applyModes(directory, access: access)
        }
        for (name, size) in sizes() where !isOwn(name) {
            var from = before[name] ?? 0
            if from > size { from = 0 }  // rewritten, not appended: count it afresh
            guard size > from, let read = try? JournalReader.read(journalFolder.appendingPathComponent(name), from: from, firstLine: 1)
            else { continue }
            for event in read.events {
                report.received[event.by, default: 0] += 1
                if event.at > report.latest?.at ?? "" { report.latest = (event.at, event.by, event.host) }
            }
        }
    }

    /// A merge git could not make only because both sides hold a journal with no common
    /// ancestor (a hub made anew from another copy): each such journal is the same lines, one
    /// side's running on past the other's (`requireAppendsOnly` saw to that), so the longer is
    /// taken and the merge made. False, leaving it to be undone, for anything else.
    func takeLongerJournals(_ git: Git) -> Bool {
        let conflicted = (git.value(["diff", "--name-only", "--diff-filter=U"]) ?? "").split(separator: "\n").map(String.init)
        guard !conflicted.isEmpty, git.value(["rev-parse", "--verify", "--quiet", "MERGE_HEAD"]) != nil else { return false }
        for path in conflicted {
            guard path.hasPrefix("journal/"), path.hasSuffix(".jsonl") else { return false }
            let ours = git.run(["show", ":2:\(path)"])
            let theirs = git.run(["show", ":3:\(path)"])
            guard ours.ok, theirs.ok else { return false }
            let side: String
            if theirs.bytes.starts(with: ours.bytes) {
                side = "--theirs"
            } else if ours.bytes.starts(with: theirs.bytes) {
                side = "--ours"
            } else {
                return false
            }
            guard git.run(["checkout", side, "--", path]).ok, git.run(["add", "--", path]).ok else { return false }
        }
        return git.run(authorship(git) + ["commit", "--quiet", "--no-edit", "--no-verify"]).ok
    }

    /// A merge git could not make only because a journal the person takes as the hub holds
    /// it (`taking`) was changed on both sides: the hub's version is taken.
    func takeTakenJournals(_ git: Git) -> Bool {
        let conflicted = (git.value(["diff", "--name-only", "--diff-filter=U"]) ?? "").split(separator: "\n").map(String.init)
        guard !conflicted.isEmpty, conflicted.allSatisfy(taking.contains) else { return false }
        for path in conflicted {
            guard git.run(["checkout", "--theirs", "--", path]).ok, git.run(["add", "--", path]).ok else { return false }
        }
        return git.run(authorship(git) + ["commit", "--quiet", "--no-edit", "--no-verify"]).ok
    }

    /// The changes HEAD has that `ref` (the remote) does not: this copy's own, and any journal
    /// it committed that the remote lacks (one an earlier version wrote, a whole store at
    /// `--init`). Journals only grow, so it is lines past the remote's size in each file.
    func unsentLines(_ git: Git, against ref: String?) -> Int {
        func sizes(_ rev: String) -> [String: Int] {
            var out: [String: Int] = [:]
            for line in (git.value(["ls-tree", "-r", "-l", rev, "journal/"]) ?? "").split(separator: "\n") {
                // "100644 blob <sha>  <size>\t<path>"
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let size = parts[0].split(separator: " ").last.flatMap({ Int($0) }) else { continue }
                out[String(parts[1])] = size
            }
            return out
        }
        let there = ref.map(sizes) ?? [:]
        var total = 0
        for (path, here) in sizes("HEAD") where here > there[path] ?? 0 {
            let file = directory.appendingPathComponent(path)
            total += SyncRecord.unsent(in: file, after: there[path] ?? 0) - SyncRecord.unsent(in: file, after: here)
        }
        return total
    }

    /// Every sync commits a whole new copy of this copy's journal as a loose object; git packs
    /// them (as deltas, small beside the copies) only past 6,700 objects, by which time a busy
    /// laptop holds thousands of whole copies of a growing journal. Past 16 MiB of loose objects
    /// they are packed now.
    func tidy(_ git: Git) {
        guard let counted = git.value(["count-objects", "-v"]),
            let line = counted.split(separator: "\n").first(where: { $0.hasPrefix("size: ") }),
            let kib = Int(line.dropFirst("size: ".count)), kib > 16 * 1024
        else { return }
        _ = git.run(["gc", "--quiet"])
    }

    /// Notes when this sync ended and what the remote now has of this copy's journals.
    func record(_ git: Git, remote: String, ref: String) throws(StoreError) {
        var sent: [String: Int] = [:]
        for (path, blob) in journals(git, at: ref) where isOwn(path) { sent[String(path.dropFirst("journal/".count))] = blob.size }
        try SyncRecord(at: Event.timestamp(Date()), remote: remote, sent: sent).write(directory, access: access)
    }
}

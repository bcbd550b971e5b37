import CairnCore
import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `cairn check --repair`: a journal whose hash chain breaks (a line changed, removed or
/// reordered by hand) is put back from the newest copy git holds that is whole, keeping every
/// line written after it. Nothing acknowledged is lost: the lines kept after the copy must
/// chain on from it, or nothing is changed.
public enum JournalRepair {
    /// What `repair` did or could not do, one line a journal.
    public struct Outcome: Sendable, Equatable {
        public var journal: String
        public var repaired: Bool
        public var said: String
    }

    /// Repairs every journal of `store` whose chain breaks, from git's history, and this
    /// copy's own journal when it no longer holds what git last committed of it.
    public static func run(_ store: Store) throws(StoreError) -> [Outcome] {
        var outcomes: [Outcome] = []
        outcomes += try repairCommitted(store)
        for url in try store.journalFiles() {
            guard let walk = ChainWalk.walk(url), let broken = walk.firstBreak else { continue }
            outcomes.append(try repair(url, brokenAt: broken.line, in: store))
        }
        return outcomes
    }

    static func repair(_ url: URL, brokenAt line: Int, in store: Store) throws(StoreError) -> Outcome {
        let path = "journal/" + url.lastPathComponent
        func cannot(_ why: String) -> Outcome {
            Outcome(
                journal: path, repaired: false,
                said: Words.say(
                    "{path} line {line} cannot be repaired: {reason}", context: "store",
                    ["path": path, "line": String(line), "reason": why]))
        }
        guard let git = Git(in: store.directory),
            FileManager.default.fileExists(atPath: store.directory.appendingPathComponent(".git").path)
        else { return cannot(Words.say("the store is not synced, so git holds no copy of it", context: "store")) }
        let writer = JournalWriter(url: url, store: store.directory, mode: store.access.fileMode)
        return try writer.locked { () throws(StoreError) -> Outcome in
            guard let now = InsideStore.contents(of: url) else { return cannot(Words.say("it cannot be read", context: "store")) }
            let lines = now.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Array($0) }
            for commit in (git.value(["rev-list", "HEAD", "--", path]) ?? "").split(separator: "\n").map(String.init) {
                let shown = git.run(["show", "\(commit):\(path)"])
                guard shown.ok, !shown.bytes.isEmpty else { continue }
                let copy = shown.bytes
                var whole = ChainWalk(journal: url.lastPathComponent)
                copy.withUnsafeBytes { whole.feed($0) }
                guard whole.firstBreak == nil, copy.last == 0x0A, whole.lines >= line else { continue }
                // The lines written after the copy, as they stand now: after its last line.
                let last = Array(copy.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).last ?? [])
                let after = lines.lastIndex(of: last).map { lines[($0 + 1)...] } ?? lines.dropFirst(whole.lines)
                var mended = copy
                for l in after { mended += l + [0x0A] }
                var check = ChainWalk(journal: url.lastPathComponent)
                mended.withUnsafeBytes { check.feed($0) }
                guard check.firstBreak == nil else { continue }
                try StoreFiles.write(mended, to: url, mode: store.access.fileMode, store: store.directory)
                let name = git.value(["log", "-1", "--format=%h (%an, “%s”)", commit]).map { Text.visible($0) } ?? commit
                // Committed at once: git then holds the journal whole again, so the next sync
                // compares what arrives with it, not with the damaged version.
                let sync = StoreSync(store: store)
                let added = git.run(["add", "--", path])
                // English whatever the session speaks: the commit is part of the history every member shares.
                let message = "\(store.identity.host): \(path) put back as git commit \(commit.prefix(10)) holds it (cairn check --repair)"
                guard added.ok, git.run(sync.authorship(git) + ["commit", "--quiet", "--no-verify", "-m", message, "--", path]).ok else {
                    return Outcome(
                        journal: path, repaired: true,
                        said: Words.say(
                            "{path}: put back as git commit {commit} holds it, but git could not commit it: `git -C {store} commit -m repair -- {path}` does",
                            context: "store",
                            ["path": path, "commit": name, "store": StorePrivacy.shellQuoted(store.directory.path)]))
                }
                return Outcome(
                    journal: path, repaired: true,
                    said: Words.say(
                        "{path}: put back as git commit {commit} holds it ({lines} lines), and the {kept} written after kept",
                        context: "store",
                        ["path": path, "commit": name, "lines": String(whole.lines), "kept": String(after.count)]))
            }
            return cannot(Words.say("git holds no whole copy of it up to that line", context: "store"))

        }
    }
}

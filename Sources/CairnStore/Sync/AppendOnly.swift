import CairnCore
import CairnWords
import Foundation

/// A sync takes only appends: history that arrives changing or removing a line this copy
/// already holds, in any journal, is refused whole before git merges anything.
extension StoreSync {
    /// One journal as a commit has it.
    struct Blob: Equatable {
        var sha: String
        var size: Int
    }

    /// The journals `rev` holds, by path.
    func journals(_ git: Git, at rev: String) -> [String: Blob] {
        var out: [String: Blob] = [:]
        for line in (git.value(["ls-tree", "-r", "-l", rev, "journal/"]) ?? "").split(separator: "\n") {
            // "100644 blob <sha>  <size>\t<path>"
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts.first?.split(separator: " ", omittingEmptySubsequences: true) ?? []
            guard parts.count == 2, fields.count == 4, let size = Int(fields[3]) else { continue }
            out[String(parts[1])] = Blob(sha: String(fields[2]), size: size)
        }
        return out
    }

    /// Refuses what `ref` brings when it changes or removes a line HEAD holds. This copy's own
    /// journal may only be behind on the remote (what was sent), or ahead of HEAD when this
    /// copy was restored from an older backup (it catches up).
    func requireAppendsOnly(_ git: Git, ref: String, remote: String) throws(StoreError) {
        let ours = journals(git, at: "HEAD")
        let theirs = journals(git, at: ref)
        let base = git.value(["merge-base", "HEAD", ref]).map { journals(git, at: $0) } ?? [:]
        try requireOnlyJournals(git, ref: ref, remote: remote)
        try requireFitExamples(git, ref: ref, remote: remote)
        for (path, held) in ours.sorted(by: { $0.key < $1.key }) {
            guard let arriving = theirs[path] else {
                // A file that is no journal here (a copy of one under another name) may go.
                let stray = JournalVetting.vet(directory.appendingPathComponent(path), known: nil).refusal != nil
                if base[path] != nil, !stray {
                    throw refusal(
                        git, ref: ref, remote: remote, path: path, line: 1, what: Words.say("removed", context: "a journal's line was"))
                }
                continue
            }
            // Taken as the hub holds it, as the person asked (`cairn sync --take`).
            if !isOwn(path), taking.contains(path) { continue }
            // Nothing arrives for it (the remote has what both last shared): this copy's own
            // journal mended since (`cairn check --repair`) goes out as its next version.
            if arriving == held || base[path] == arriving { continue }
            guard let mine = blob(git, held.sha), let came = blob(git, arriving.sha) else {
                throw StoreError(
                    Words.say(
                        "cannot read {path} from git to compare it with what {remote} has; nothing was merged", context: "store",
                        ["path": path, "remote": remote]))
            }
            // Another copy's journal may only grow. This copy's own journal takes nothing from a
            // remote: not a line more (a copy restored from a backup takes a new id first, see
            // `becomeNewCopyIfRestored`), not a line less.
            if !isOwn(path), came.starts(with: mine) { continue }
            // A hub made anew from another copy (no history shared) may hold less of ours.
            if isOwn(path), base.isEmpty, mine.starts(with: came) { continue }
            let line = firstDifferentLine(mine, came)
            let what =
                mine.starts(with: came)
                ? Words.say("cut short", context: "a journal's line was")
                : came.starts(with: mine)
                    ? Words.say("followed by lines this copy never wrote", context: "a journal's line was")
                    : Words.say("changed", context: "a journal's line was")
            if !isOwn(path), let broken = firstBreak(mine, journal: path) {
                throw StoreError(
                    Words.say(
                        "refused what {remote} has: this copy holds {path} damaged (line {line} was changed here: its hash does not follow); nothing was merged and the store is as it was (`cairn check --repair --store {store}` puts it back from git, then sync)",
                        context: "store",
                        ["remote": remote, "path": path, "line": String(broken), "store": StorePrivacy.shellQuoted(directory.path)]))
            }
            throw refusal(git, ref: ref, remote: remote, path: path, line: line, what: what, own: isOwn(path))
        }
    }

    /// Only journals travel: a remote that brings any other file (`local/…`, which git would
    /// write over this copy's own, a `.gitattributes` that rewrites line ends, a link, anything
    /// but a plain file) is refused whole. `.gitignore` and `.cairn-store` come as any version
    /// of Cairn writes them, and the store's examples as a plain file (read before merging).
    func requireOnlyJournals(_ git: Git, ref: String, remote: String) throws(StoreError) {
        // Each path the remote brings, with its mode there (nil when it removes it).
        var brought: [(path: String, mode: String?)] = []
        if let base = git.value(["merge-base", "HEAD", ref]) {
            // ":oldmode newmode oldsha newsha status", then the path.
            let fields = git.run(["diff", "--no-renames", "--raw", "-z", base, ref]).out.split(separator: "\0").map(String.init)
            var k = 0
            while k + 1 < fields.count {
                let mode = fields[k].split(separator: " ").dropFirst().first.map(String.init)
                brought.append((fields[k + 1], mode == "000000" ? nil : mode))
                k += 2
            }
        } else {
            // "mode type sha\tpath"
            for entry in git.run(["ls-tree", "-r", "-z", ref]).out.split(separator: "\0") {
                let parts = entry.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2 else { continue }
                brought.append((String(parts[1]), parts[0].split(separator: " ").first.map(String.init)))
            }
        }
        for (path, mode) in brought {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            let journal =
                parts.count == 2 && parts[0] == "journal" && path.hasSuffix(".jsonl")
                && StoreInstance.isSafe(String(parts[1].dropLast(".jsonl".count)))
            let plain = mode == nil || mode == "100644" || mode == "100755"
            if plain, journal || [".gitignore", StoreLayout.marker, Self.examplesPath].contains(path) { continue }
            let brought = Text.visible(path)
            let commit = culprit(git, ref: ref, changing: path)
            switch (plain, commit) {
            case (true, let commit?):
                throw StoreError(
                    Words.say(
                        "refused what {remote} has: it brings {path}, which is not a journal (commit {commit}); nothing was merged and the store is as it was (only journals travel between copies)",
                        context: "store",
                        ["remote": remote, "path": brought, "commit": commit]))
            case (true, nil):
                throw StoreError(
                    Words.say(
                        "refused what {remote} has: it brings {path}, which is not a journal; nothing was merged and the store is as it was (only journals travel between copies)",
                        context: "store",
                        ["remote": remote, "path": brought]))
            case (false, let commit?):
                throw StoreError(
                    Words.say(
                        "refused what {remote} has: it brings {path}, which is not a plain file (commit {commit}); nothing was merged and the store is as it was (only journals travel between copies)",
                        context: "store",
                        ["remote": remote, "path": brought, "commit": commit]))
            case (false, nil):
                throw StoreError(
                    Words.say(
                        "refused what {remote} has: it brings {path}, which is not a plain file; nothing was merged and the store is as it was (only journals travel between copies)",
                        context: "store",
                        ["remote": remote, "path": brought]))
            }
        }
    }

    /// The last commit between HEAD and `ref` that touched `path`.
    func culprit(_ git: Git, ref: String, changing path: String) -> String? {
        git.value(["log", "-1", "--format=%H", "HEAD..\(ref)", "--", path]).map { describe(git, $0) }
    }

    func blob(_ git: Git, _ sha: String) -> Data? {
        let read = git.run(["cat-file", "blob", sha])
        return read.ok ? read.bytes : nil
    }

    /// The first line of a journal's bytes whose hash does not follow from the lines before it.
    func firstBreak(_ bytes: Data, journal path: String) -> Int? {
        var walk = ChainWalk(journal: String(path.dropFirst("journal/".count)))
        bytes.withUnsafeBytes { walk.feed($0) }
        return walk.firstBreak?.line
    }

    /// The 1-based line of `a` where `b` first differs from it.
    func firstDifferentLine(_ a: Data, _ b: Data) -> Int {
        var line = 1
        for (x, y) in zip(a, b) {
            if x != y { return line }
            if x == 0x0A { line += 1 }
        }
        return line
    }

    /// The one line that refuses it: the journal, the line, the commit that did it.
    func refusal(
        _ git: Git, ref: String, remote: String, path: String, line: Int, what: String, own: Bool = false
    ) -> StoreError {
        let store = StorePrivacy.shellQuoted(directory.path)
        let whose = own ? Words.say("this copy's own journal ({path})", context: "store", ["path": path]) : path
        let fix =
            own
            ? Words.say(
                "only this copy writes its journal: `cairn sync --put-back --store {store}` sends it back as written", context: "store",
                ["store": store])
            : Words.say(
                "the copy that wrote it puts it back with `cairn check --repair`, or with `cairn sync --put-back` when only {remote}'s copy changed, then syncs; if that is what arrives, `cairn sync --take {path} --store {store}` takes it; until then nothing of {remote} is merged here",
                context: "store",
                ["remote": remote, "path": path, "store": store])
        let values = ["remote": remote, "line": String(line), "journal": whose, "what": what, "fix": fix]
        if let commit = culprit(git, ref: ref, path: path, own: own) {
            return StoreError(
                Words.say(
                    "refused what {remote} has: line {line} of {journal} was {what} by commit {commit}; nothing was merged and the store is as it was ({fix})",
                    context: "store",
                    values.merging(["commit": commit]) { a, _ in a }))
        }
        return StoreError(
            Words.say(
                "refused what {remote} has: line {line} of {journal} was {what}; nothing was merged and the store is as it was ({fix})",
                context: "store", values))

    }

    /// The first commit between HEAD and `ref` whose `path` is no longer one HEAD's grows
    /// into (for this copy's own journal: the first that changes it at all). Once rewritten, a journal
    /// stays so in the commits after, so the commits are halved, not read one by one: a journal
    /// of 10 MB under 500 commits costs nine reads, not 500.
    func culprit(_ git: Git, ref: String, path: String, own: Bool) -> String? {
        guard let held = journals(git, at: "HEAD")[path], let mine = blob(git, held.sha) else { return nil }
        let commits = (git.value(["rev-list", "--reverse", "--topo-order", "HEAD..\(ref)", "--", path]) ?? "")
            .split(separator: "\n").map(String.init)
        func sound(_ commit: String) -> Bool {
            guard let sha = git.value(["rev-parse", "--verify", "--quiet", "\(commit):\(path)"]), let bytes = blob(git, sha) else {
                return false
            }
            return bytes.starts(with: mine)
        }
        // Nobody else may change this copy's journal: the first commit that does is the one.
        if own { return commits.first.map { describe(git, $0) } }
        var low = 0
        var high = commits.count
        while low < high {
            let middle = (low + high) / 2
            if sound(commits[middle]) { low = middle + 1 } else { high = middle }
        }
        return low < commits.count ? describe(git, commits[low]) : nil
    }

    func describe(_ git: Git, _ commit: String) -> String {
        git.value(["log", "-1", "--format=%h (%an, “%s”)", commit]).map { Text.visible($0) } ?? String(commit.prefix(10))
    }
}

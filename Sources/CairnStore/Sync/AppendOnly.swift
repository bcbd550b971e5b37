import CairnCore
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
        let own = "journal/" + ownJournal.lastPathComponent
        for (path, held) in ours.sorted(by: { $0.key < $1.key }) {
            guard let arriving = theirs[path] else {
                if base[path] != nil { throw refusal(git, ref: ref, remote: remote, path: path, line: 1, what: "removed") }
                continue
            }
            // Nothing arrives for it (the remote has what both last shared): this copy's own
            // journal mended since (`cairn check --repair`) goes out as its next version.
            if arriving == held || base[path] == arriving { continue }
            guard let mine = blob(git, held.sha), let came = blob(git, arriving.sha) else {
                throw StoreError("cannot read \(path) from git to compare it with what \(remote) has; nothing was merged")
            }
            if came.starts(with: mine) { continue }  // appended to: the usual case
            if path == own, mine.starts(with: came) { continue }  // the remote has less of ours: sent next
            let line = firstDifferentLine(mine, came)
            let what = came.count < mine.count && mine.starts(with: came) ? "cut short" : "changed"
            throw refusal(git, ref: ref, remote: remote, path: path, line: line, what: what, own: path == own)
        }
    }

    func blob(_ git: Git, _ sha: String) -> Data? {
        let read = git.run(["cat-file", "blob", sha])
        return read.ok ? read.bytes : nil
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
        let commit = culprit(git, ref: ref, path: path).map { " by commit \($0)" } ?? ""
        let whose = own ? "this copy's own journal" : path
        let fix =
            own
            ? "`cairn sync --status` says what this copy holds; a copy restored from a backup made changes since the hub last had it"
            : "the copy that wrote it puts it back with `cairn check --repair`, then syncs; until then nothing of \(remote) is merged here"
        return StoreError(
            "refused what \(remote) has: line \(line) of \(whose)\(own ? " (\(path))" : "") was \(what)\(commit); "
                + "nothing was merged and the store is as it was (\(fix))")
    }

    /// The first commit between HEAD and `ref` whose `path` no longer starts with HEAD's.
    func culprit(_ git: Git, ref: String, path: String) -> String? {
        guard let held = journals(git, at: "HEAD")[path], let mine = blob(git, held.sha) else { return nil }
        let commits = (git.value(["rev-list", "--reverse", "HEAD..\(ref)", "--", path]) ?? "").split(separator: "\n")
        for commit in commits {
            guard let blob = journals(git, at: String(commit))[path] else {
                return describe(git, String(commit))
            }
            guard let bytes = self.blob(git, blob.sha), bytes.starts(with: mine) else { return describe(git, String(commit)) }
        }
        return nil
    }

    func describe(_ git: Git, _ commit: String) -> String {
        git.value(["log", "-1", "--format=%h (%an, “%s”)", commit]).map { Text.visible($0) } ?? String(commit.prefix(10))
    }
}

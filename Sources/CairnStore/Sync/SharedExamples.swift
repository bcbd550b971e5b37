import CairnCore
import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A store's own examples (`inspiration.json`) travel with its journals. Unlike a journal,
/// anyone may change the file, so two copies can both change it: their versions are merged
/// example by example (`Inspiration.merged`), never one written over the other.
extension StoreSync {
    static let examplesPath = InspirationLibrary.storeFile

    /// Stages this copy's examples when they are fit to send: a plain file of at most 1 MiB
    /// that reads as a library of examples (or no file, when it was removed here). Returns why
    /// it was not sent, for the sync's line; the journals go all the same.
    func stageExamples(_ git: Git) -> String? {
        let file = directory.appendingPathComponent(Self.examplesPath)
        let bytes: Data
        do {
            guard let read = try InspirationLibrary.ownBytes(file) else {
                // Removed here: the removal goes, as any change does (when git held it at all).
                guard git.value(["ls-files", "--", Self.examplesPath]) != nil else { return nil }
                _ = git.run(["rm", "--cached", "--quiet", "--", Self.examplesPath])
                return nil
            }
            _ = try InspirationLibrary.decode(read, name: Self.examplesPath)
            bytes = read
        } catch {
            return Words.say("{file} was not sent: {reason}", context: "store", ["file": Self.examplesPath, "reason": Self.reason(error)])
        }
        // The bytes read and checked are what is staged, as a plain file, whatever the name
        // holds by the time git would read it.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-examples-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard (try? StoreFiles.write(bytes, to: temporary, mode: 0o600, flushed: false, store: nil)) != nil,
            let sha = git.value(["hash-object", "-w", "--no-filters", "--", temporary.path])
        else { return Words.say("{file} was not sent: git cannot store it", context: "store", ["file": Self.examplesPath]) }
        let staged = git.run(["update-index", "--add", "--cacheinfo", "100644,\(sha),\(Self.examplesPath)"])
        return staged.ok
            ? nil : Words.say("{file} was not sent: {reason}", context: "store", ["file": Self.examplesPath, "reason": staged.reason])
    }

    /// "inspiration.json is not a plain file: it is not read" as the sync says it: "it is not a plain file".
    static func reason(_ error: StoreError) -> String { error.reason ?? error.message }

    /// Why this copy's file of examples cannot travel, or nil when it can (or there is none).
    func unfitExamples() -> String? {
        do {
            guard let bytes = try InspirationLibrary.ownBytes(directory.appendingPathComponent(Self.examplesPath)) else { return nil }
            _ = try InspirationLibrary.decode(bytes, name: Self.examplesPath)
            return nil
        } catch {
            return Self.reason(error)
        }
    }

    /// Refuses examples a remote brings that this copy would not read: larger than 1 MiB, or
    /// not a library of examples (anything but a plain file is refused before this).
    func requireFitExamples(_ git: Git, ref: String, remote: String) throws(StoreError) {
        guard let sha = git.value(["rev-parse", "--verify", "--quiet", "\(ref):\(Self.examplesPath)"]) else { return }
        let size = Int(git.value(["cat-file", "-s", sha]) ?? "") ?? Int.max
        var why: String?
        if size > InspirationLibrary.largest {
            why = Words.say("it is larger than 1 MiB", context: "store")
        } else if let bytes = blob(git, sha) {
            do { _ = try InspirationLibrary.decode(bytes, name: Self.examplesPath) } catch { why = error.message }
        } else {
            why = Words.say("git cannot read it", context: "store")
        }
        guard let why else { return }
        if let commit = culprit(git, ref: ref, changing: Self.examplesPath) {
            throw StoreError(
                Words.say(
                    "refused what {remote} has: its {file} cannot be read ({reason}) (commit {commit}); nothing was merged and the store is as it was",
                    context: "store",
                    ["remote": remote, "file": Self.examplesPath, "reason": why, "commit": commit]))
        }
        throw StoreError(
            Words.say(
                "refused what {remote} has: its {file} cannot be read ({reason}); nothing was merged and the store is as it was",
                context: "store",
                ["remote": remote, "file": Self.examplesPath, "reason": why]))
    }

    /// Refuses, before git merges, a remote that brings examples while this copy's own file
    /// was not sent (a link, no library): git would stop on it with half a sentence, and the
    /// merge must not write over it. Says why the file stayed here and how to take the remote's.
    func requireExamplesMergeable(_ git: Git, ref: String, remote: String) throws(StoreError) {
        let base = git.value(["merge-base", "HEAD", ref])
        // Nothing arrives for the examples: the merge leaves the file here alone.
        if let base, git.run(["diff", "--quiet", base, ref, "--", Self.examplesPath]).ok { return }
        guard git.value(["rev-parse", "--verify", "--quiet", "\(ref):\(Self.examplesPath)"]) != nil else { return }
        // A file fit to send was committed just before: it differs from HEAD only when it was not.
        let here = git.run(["status", "--porcelain=v1", "-z", "--ignored", "--", Self.examplesPath])
        guard here.ok, !here.out.isEmpty else { return }
        let file = directory.appendingPathComponent(Self.examplesPath)
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return }
        let why = unfitExamples() ?? Words.say("it was not sent", context: "store")
        throw StoreError(
            Words.say(
                "{remote} brings new examples, and this copy's {file} was not sent ({reason}); nothing was merged and the store is as it was: mend it, or remove it to take {remote}'s (`rm {path}`), then sync",
                context: "store",
                ["remote": remote, "file": Self.examplesPath, "reason": why, "path": StorePrivacy.shellQuoted(file.path)]))
    }

    /// A merge that stopped because both copies changed the examples: the two versions are
    /// merged example by example and staged. True when there was such a conflict and it is
    /// settled (other conflicted paths are left to the other steps). Examples that together
    /// pass 1 MiB are refused, the merge undone: a file over it would go to the hub, and every
    /// other copy would refuse the hub whole.
    func settleExamples(_ git: Git, remote: String) throws(StoreError) -> Bool {
        let conflicted = (git.value(["diff", "--name-only", "--diff-filter=U"]) ?? "").split(separator: "\n").map(String.init)
        guard conflicted.contains(Self.examplesPath), git.value(["rev-parse", "--verify", "--quiet", "MERGE_HEAD"]) != nil else {
            return false
        }
        func side(_ stage: Int) -> Inspiration? {
            let shown = git.run(["show", ":\(stage):\(Self.examplesPath)"])
            guard shown.ok else { return Inspiration() }  // absent on that side (added on both)
            return try? InspirationLibrary.decode(shown.bytes, name: Self.examplesPath)
        }
        guard let base = side(1), let ours = side(2), let theirs = side(3) else { return false }
        let merged = Inspiration.merged(base: base, ours: ours, theirs: theirs)
        // Laid out to be read when that fits in 1 MiB; else on one line.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(merged) else { return false }
        if data.count + 1 > InspirationLibrary.largest {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let compact = try? encoder.encode(merged) else { return false }
            data = compact
        }
        guard data.count + 1 <= InspirationLibrary.largest else {
            _ = git.run(["merge", "--abort"])
            throw StoreError(
                Words.say(
                    "this copy's examples and {remote}'s are larger than 1 MiB together ({size} KiB), and no copy would read them; nothing was merged and the store is as it was: remove examples from {file} here, then sync",
                    context: "store",
                    ["remote": remote, "size": String(data.count / 1024), "file": Self.examplesPath]))

        }
        let file = directory.appendingPathComponent(Self.examplesPath)
        guard (try? StoreFiles.write(data + Data("\n".utf8), to: file, mode: access.fileMode, store: directory)) != nil else {
            return false
        }
        return git.run(["add", "--", Self.examplesPath]).ok
    }

    /// True when git holds no path still in conflict.
    func nothingConflicted(_ git: Git) -> Bool {
        (git.value(["diff", "--name-only", "--diff-filter=U"]) ?? "").isEmpty
    }
}

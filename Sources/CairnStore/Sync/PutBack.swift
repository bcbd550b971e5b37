import CairnWords
import Foundation

/// Only this copy writes its journal, so when the hub holds it otherwise (a line changed or
/// cut there, by hand or by a hostile member), this copy's is the true one. `cairn sync
/// --put-back` sends it back: the hub's history gets one commit more, on top of what it holds,
/// in which this copy's journal is as this copy wrote it, and that commit is merged and sent
/// like any other. Nothing is forced, nothing of anyone else's is changed, and the other copies
/// take it as they take an append (what they held of this journal is there again, unchanged).
extension StoreSync {
    /// The commit to merge instead of `ref`: `ref` itself when the hub holds this copy's journal
    /// as sent (at HEAD, or as both last shared it: nothing to put back), else a child of `ref` whose only change
    /// is this copy's journal as HEAD has it. Built on a private index: the working tree, where
    /// a session may be appending to the journal, is never touched.
    func puttingBackOwnJournal(_ git: Git, onto ref: String, remote: String) throws(StoreError) -> String {
        let arrivingAll = journals(git, at: ref)
        let base = git.value(["merge-base", "HEAD", ref]).map { journals(git, at: $0) } ?? [:]
        // Each segment of this copy's journal the hub holds otherwise than HEAD does.
        let differing = journals(git, at: "HEAD").filter { path, held in
            guard isOwn(path) else { return false }
            let arriving = arrivingAll[path]
            return arriving != held && (arriving == nil || arriving != base[path])
        }
        guard !differing.isEmpty else { return ref }
        let path = differing.keys.sorted().joined(separator: ", ")
        var privateIndex = git
        let index = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-put-back-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: index) }
        privateIndex.environment["GIT_INDEX_FILE"] = index.path
        let read = privateIndex.run(["read-tree", ref])
        var updated = read
        for (segment, held) in differing.sorted(by: { $0.key < $1.key }) where updated.ok {
            updated = privateIndex.run(["update-index", "--add", "--cacheinfo", "100644,\(held.sha),\(segment)"])
        }
        guard updated.ok, let tree = privateIndex.value(["write-tree"]) else {
            throw StoreError(
                Words.say(
                    "cannot put back {path} on {remote}: {reason}; nothing was merged or sent", context: "store",
                    ["path": path, "remote": remote, "reason": updated.reason]))
        }
        // English whatever the session speaks: the commit is part of the history every member shares.
        let message = "\(identity.host): \(path) put back as this copy wrote it (\(remote) held it otherwise)"
        guard let commit = git.value(authorship(git) + ["commit-tree", tree, "-p", ref, "-m", message]) else {
            throw StoreError(
                Words.say(
                    "cannot put back {path} on {remote}: git made no commit; nothing was merged or sent", context: "store",
                    ["path": path, "remote": remote]))

        }
        return commit
    }
}

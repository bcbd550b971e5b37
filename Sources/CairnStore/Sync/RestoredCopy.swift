import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A copy restored from a backup at the same path has the same id as before, and a journal
/// shorter than the one the hub holds for that id (and maybe changes made since the restore
/// that the hub's lacks). Neither copy of the journal may overwrite the other, so this copy
/// takes a new id: the old journal becomes one it only reads, caught up from the hub like any
/// other copy's, and what it wrote since the backup moves to its new journal, every event as
/// it was. Its sync then converges; nothing acknowledged is lost.
extension StoreSync {
    /// Whether the remote holds this copy's journal otherwise than as an earlier part of it:
    /// then this copy becomes a new one (see above) and the sync is run again by that copy.
    func becomeNewCopyIfRestored(_ git: Git, ref: String, progress: (String) -> Void) throws(StoreError) -> StoreSync? {
        let base = git.value(["merge-base", "HEAD", ref]).map { journals(git, at: $0) } ?? [:]
        // Each segment of this copy's journal the hub holds otherwise than both last shared it.
        var arriving: [(name: String, came: Data, known: Int)] = []
        let sent = SyncRecord.read(directory)?.sent ?? [:]
        for (path, blob) in journals(git, at: ref).sorted(by: { $0.key < $1.key }) where isOwn(path) && base[path] != blob {
            guard let came = self.blob(git, blob.sha) else { return nil }
            let name = String(path.dropFirst("journal/".count))
            arriving.append((name, came, max(base[path]?.size ?? 0, sent[name] ?? 0)))
        }
        guard !arriving.isEmpty else { return nil }
        return try lockingOwnJournal { () throws(StoreError) -> StoreSync? in
            var parts: [JournalMove.Kept] = []
            var since = 0
            for (name, came, known) in arriving {
                let mine = InsideStore.contents(of: directory.appendingPathComponent("journal/" + name)) ?? Data()
                if mine.starts(with: came) { continue }  // the hub is behind on ours: the usual case
                // What the hub is known to have had of ours (sent at the last sync, or in the
                // commit both sides share) must be there unchanged: otherwise the hub's copy was
                // rewritten, not this one restored, and `requireAppendsOnly` refuses it.
                guard known <= mine.count, known <= came.count, mine.prefix(known) == came.prefix(known) else { return nil }
                // The lines both hold; the rest of ours were written here since the backup.
                let shared = commonLines(mine, came)
                since += mine[shared...].split(separator: 0x0A, omittingEmptySubsequences: true).count
                parts.append(JournalMove.Kept(file: name, keep: shared))
            }
            guard let first = parts.first else { return nil }
            progress(Words.say("This copy was restored from a backup: it takes a new id…", context: "store"))
            // The move is noted first, so that a kill anywhere in it is finished by the next start or sync.
            let renewedID = StoreInstance.newID(identity)
            let move = JournalMove(
                from: first.file, to: renewedID + ".jsonl", keep: first.keep, more: parts.count > 1 ? Array(parts.dropFirst()) : nil)
            try move.record(directory, access: access)
            try move.finish(directory, identity: identity, access: access, holdingLock: true)
            let next = StoreSync(
                directory: directory, identity: identity, access: access,
                ownJournal: StoreLayout.journalFolder(directory).appendingPathComponent(move.to), interactive: interactive)
            let old = ownCopy
            // English whatever the session speaks: the commit is part of the history every member shares.
            try commitMove(
                git, move,
                message: "\(identity.host): this copy was restored from a backup and is now \(renewedID) (it was \(old)); "
                    + "\(since) change\(since == 1 ? "" : "s") made since moved to its new journal")
            return next
        }
    }

    /// Commits the two journals of a finished move, then forgets the move.
    func commitMove(_ git: Git, _ move: JournalMove, message: String) throws(StoreError) {
        let paths =
            move.parts.map { "journal/" + $0.file }
            .filter { FileManager.default.fileExists(atPath: directory.path + "/" + $0) }
            + (FileManager.default.fileExists(atPath: directory.path + "/journal/" + move.to) ? ["journal/" + move.to] : [])
        let added = git.run(["add", "--"] + paths)
        guard added.ok else {
            throw StoreError(Words.say("cannot stage this copy's new journal in git: {reason}", context: "store", ["reason": added.reason]))
        }
        if !git.run(["diff", "--cached", "--quiet"]).ok {
            let committed = git.run(authorship(git) + ["commit", "--quiet", "--no-verify", "-m", message])
            guard committed.ok else {
                throw StoreError(
                    Words.say("cannot commit this copy's new journal in git: {reason}", context: "store", ["reason": committed.reason]))
            }

        }
        unlink(JournalMove.file(directory).path)
    }

    /// A move a kill stopped (noted in `local/moving.json`): finished and committed before anything else.
    func finishInterruptedMove(_ git: Git) throws(StoreError) {
        guard let move = JournalMove.pending(directory) else { return }
        try move.finish(directory, identity: identity, access: access)
        try commitMove(git, move, message: "\(identity.host): the move of this copy's journal to \(move.to), finished")
    }

    /// The length of the lines `a` and `b` both begin with (up to a line break they share).
    func commonLines(_ a: Data, _ b: Data) -> Int {
        var end = 0
        var i = 0
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            i += 1
            if x == 0x0A { end = i }
        }
        return end
    }
}

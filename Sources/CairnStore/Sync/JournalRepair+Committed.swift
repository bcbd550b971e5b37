import CairnCore
import CairnWords
import Foundation

/// This copy's own journal cut or changed here after git committed it (an editor, an old copy
/// of the file put back, a cut under a running session): what git committed was sent, or is
/// about to be, so it is put back as committed, and the events written since (found by their
/// ids) follow it, chained on from its end. A line changed here is not kept: git holds it as
/// it was.
extension JournalRepair {
    /// Each segment of this copy's journal that no longer holds what git committed of it, put back.
    static func repairCommitted(_ store: Store) throws(StoreError) -> [Outcome] {
        guard let git = Git(in: store.directory),
            FileManager.default.fileExists(atPath: store.directory.appendingPathComponent(".git").path)
        else { return [] }
        let sync = StoreSync(store: store)
        var outcomes: [Outcome] = []
        for (path, committed) in sync.journals(git, at: "HEAD").sorted(by: { $0.key < $1.key }) where sync.isOwn(path) {
            if let outcome = try repairCommitted(store, path: path, committed: committed, git: git) { outcomes.append(outcome) }
        }
        return outcomes
    }

    static func repairCommitted(_ store: Store, path: String, committed: StoreSync.Blob, git: Git) throws(StoreError) -> Outcome? {
        let url = store.directory.appendingPathComponent(path)
        let writer = JournalWriter(url: url, store: store.directory, mode: store.access.fileMode)
        return try writer.locked { () throws(StoreError) -> Outcome? in
            guard StoreSync.blobHash(of: url, prefix: committed.size) != committed.sha else { return nil }
            let shown = git.run(["cat-file", "blob", committed.sha])
            guard shown.ok, shown.bytes.last == 0x0A else {
                return Outcome(
                    journal: path, repaired: false,
                    said: Words.say("{path} cannot be repaired: git's copy of it cannot be read whole", context: "store", ["path": path]))
            }
            let head = shown.bytes
            let now = InsideStore.contents(of: url) ?? Data()
            func ids(_ bytes: Data) -> [String?] {
                bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
                    JournalReader.parse(Data(line) + Data([0x0A]), file: url.lastPathComponent, baseOffset: 0, firstLine: 1).events.first?
                        .id
                }
            }
            let headLines = head.split(separator: 0x0A, omittingEmptySubsequences: true)
            var committedLines: [String: Data] = [:]
            for (line, id) in zip(headLines, ids(head)) { if let id { committedLines[id] = Data(line) } }
            var walk = ChainWalk(journal: url.lastPathComponent)
            head.withUnsafeBytes { walk.feed($0) }
            var link = walk.link
            var mended = head
            var kept = 0
            var dropped = 0
            for (line, id) in zip(now.split(separator: 0x0A, omittingEmptySubsequences: true), ids(now)) {
                guard let id, committedLines[id] == nil else {
                    if id.flatMap({ committedLines[$0] }) != Data(line) { dropped += 1 }
                    continue
                }
                let chained = JournalChain.chained(JournalChain.split(Array(line)[...]).content, after: link)
                mended += chained.line + [0x0A]
                link = chained.link
                kept += 1
            }
            try StoreFiles.write(mended, to: url, mode: store.access.fileMode, store: store.directory)
            let lines = headLines.count
            let values = ["path": path, "lines": String(lines), "kept": String(kept)]
            let said =
                dropped == 0
                ? Words.say(
                    "{path}: put back as git last committed it ({lines} lines), and the {kept} written since kept", context: "store", values
                )
                : Words.count(
                    "{path}: put back as git last committed it ({lines} lines), and the {kept} written since kept; {count} line changed here left out",
                    "{path}: put back as git last committed it ({lines} lines), and the {kept} written since kept; {count} lines changed here left out",
                    dropped, context: "store", values)
            return Outcome(journal: path, repaired: true, said: said)

        }
    }
}

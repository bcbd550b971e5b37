import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The move a restored copy makes (`becomeNewCopyIfRestored`), in steps that a kill can stop
/// anywhere: it is written down first (`local/moving.json`), and whoever finds it there (the
/// next start, the next sync) finishes it. Finishing twice does nothing more, so no change is
/// ever in both journals, nor in neither.
struct JournalMove: Codable, Equatable {
    /// The journal this copy wrote, and the new one it writes from now on (file names).
    var from: String
    var to: String
    /// The bytes of `from` the hub holds too; the lines after them move to `to`.
    var keep: Int

    static func file(_ store: URL) -> URL { StoreLayout.localFolder(store).appendingPathComponent("moving.json") }

    static func pending(_ store: URL) -> JournalMove? {
        InsideStore.contents(of: file(store)).flatMap { try? JSONDecoder().decode(JournalMove.self, from: $0) }
    }

    func record(_ store: URL, access: StoreAccess) throws(StoreError) {
        guard let data = try? JSONEncoder().encode(self) else {
            throw StoreError(Words.say("cannot note the move of this copy's journal", context: "store"))
        }
        try StoreFiles.write(data, to: Self.file(store), mode: access.fileMode, store: store)
    }

    /// Does what is not done yet: this copy's new id, the lines of `from` past `keep` in `to`
    /// (each once), `from` cut back to `keep`. The record stays until git holds the result.
    ///
    /// - Parameter holdingLock: true when the caller holds `from`'s lock already (a second
    ///   `flock` of it from this process would wait for ever).
    func finish(_ store: URL, identity: Identity, access: StoreAccess, holdingLock: Bool = false) throws(StoreError) {
        guard StoreInstance.isSafe(String(to.dropLast(".jsonl".count))), StoreInstance.isSafe(String(from.dropLast(".jsonl".count)))
        else { throw StoreError(Words.say("local/moving.json names no journal of this store: remove it", context: "store")) }

        StoreInstance.renew(store, identity: identity, access: access, to: String(to.dropLast(".jsonl".count)))
        let folder = StoreLayout.journalFolder(store)
        let old = JournalWriter(url: folder.appendingPathComponent(from), store: store, mode: access.fileMode)
        func move() throws(StoreError) {
            let bytes = InsideStore.contents(of: folder.appendingPathComponent(from)) ?? Data()
            guard bytes.count > keep else { return }
            let moving = bytes[(bytes.startIndex + keep)...].split(separator: 0x0A, omittingEmptySubsequences: true).map {
                JournalChain.split(Array($0)[...]).content
            }
            let new = JournalWriter(url: folder.appendingPathComponent(to), store: store, mode: access.fileMode)
            try new.locked { () throws(StoreError) in
                let there = Set(
                    (InsideStore.contents(of: folder.appendingPathComponent(to)) ?? Data()).split(separator: 0x0A).map {
                        JournalChain.split(Array($0)[...]).content
                    })
                let missing = moving.filter { !there.contains($0) }
                if !missing.isEmpty { try new.append(lines: missing) }
            }
            let fd = try InsideStore.openFile(folder.appendingPathComponent(from), of: store, flags: O_RDWR)
            defer { close(fd) }
            guard ftruncate(fd, off_t(keep)) == 0, fdatasync(fd) == 0 else {
                throw StoreError.posix {
                    Words.say(
                        "cannot set back the journal of the copy this was {path}: {reason}", context: "store", ["path": from, "reason": $0])
                }
            }
        }
        if holdingLock { try move() } else { try old.locked { () throws(StoreError) in try move() } }
    }

    /// The move noted and not yet finished, finished now (the next start after a kill).
    static func finishPending(_ store: URL, identity: Identity, access: StoreAccess) throws(StoreError) {
        try pending(store)?.finish(store, identity: identity, access: access)
    }
}

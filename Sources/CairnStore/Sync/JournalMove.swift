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
    /// Further segments of the old journal moved likewise, each after `from` (`JournalSegment`).
    var more: [Kept]?

    /// A segment of the old journal and the bytes of it the hub holds too.
    struct Kept: Codable, Equatable {
        var file: String
        var keep: Int
    }

    /// Every segment the move takes lines from, first to last.
    var parts: [Kept] { [Kept(file: from, keep: keep)] + (more ?? []) }

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

    /// Does what is not done yet: this copy's new id, the lines of each part past its `keep`
    /// in `to` (each once), each part cut back to its `keep`. The record stays until git holds
    /// the result.
    ///
    /// - Parameter holdingLock: true when the caller holds the old journal's lock already (a
    ///   second `flock` of it from this process would wait for ever).
    func finish(_ store: URL, identity: Identity, access: StoreAccess, holdingLock: Bool = false) throws(StoreError) {
        guard StoreInstance.isSafe(String(to.dropLast(".jsonl".count))),
            parts.allSatisfy({ StoreInstance.isSafe(String($0.file.dropLast(".jsonl".count))) && $0.keep >= 0 }),
            let copy = JournalSegment(fileName: from)?.copy
        else { throw StoreError(Words.say("local/moving.json names no journal of this store: remove it", context: "store")) }

        StoreInstance.renew(store, identity: identity, access: access, to: String(to.dropLast(".jsonl".count)))
        let folder = StoreLayout.journalFolder(store)
        func move() throws(StoreError) {
            for part in parts { try move(part) }
        }
        func move(_ part: Kept) throws(StoreError) {
            let bytes = InsideStore.contents(of: folder.appendingPathComponent(part.file)) ?? Data()
            guard bytes.count > part.keep else { return }
            let moving = bytes[(bytes.startIndex + part.keep)...].split(separator: 0x0A, omittingEmptySubsequences: true).map {
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
            let fd = try InsideStore.openFile(folder.appendingPathComponent(part.file), of: store, flags: O_RDWR)
            defer { close(fd) }
            guard ftruncate(fd, off_t(part.keep)) == 0, fdatasync(fd) == 0 else {
                throw StoreError.posix {
                    Words.say(
                        "cannot set back the journal of the copy this was {path}: {reason}", context: "store",
                        ["path": part.file, "reason": $0])
                }
            }
        }
        if holdingLock {
            try move()
        } else {
            try OwnJournal(copy: copy, store: store, mode: access.fileMode).locked(sealing: false) { _ throws(StoreError) in try move() }
        }
    }

    /// The move noted and not yet finished, finished now (the next start after a kill).
    static func finishPending(_ store: URL, identity: Identity, access: StoreAccess) throws(StoreError) {
        try pending(store)?.finish(store, identity: identity, access: access)
    }
}

import CairnWords
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What git last committed of this copy's journal was sent, or is about to be: the journal on
/// disk must hold it still, byte for byte, and only grow past it. A journal cut here (an
/// editor, an old copy of the file put back, a cut under a running session) or changed here
/// is never committed, or the hub would lose lines other copies hold, or hold a forgery.
extension StoreSync {
    /// Refuses to commit this copy's journal when a segment of it no longer begins with what
    /// HEAD holds of it. Compared by git's own blob hash of that many bytes, so nothing is read
    /// from git; a segment git finds unchanged since HEAD (its status, from each file's inode,
    /// size and times) is not read at all, so a sealed segment costs nothing however long.
    func requireOwnJournalExtendsCommitted(_ git: Git, head: [String: Blob]) throws(StoreError) {
        let committed = head.filter { isOwn($0.key) }
        guard !committed.isEmpty else { return }
        let status = git.run(["status", "--porcelain=v1", "--untracked-files=no", "-z", "--"] + committed.keys.sorted())
        // "XY path": a path git lists differs from HEAD (or cannot be told from it without reading).
        let changed: Set<String> =
            status.ok ? Set(status.out.split(separator: "\0").filter { $0.count > 3 }.map { String($0.dropFirst(3)) }) : Set(committed.keys)
        let store = StorePrivacy.shellQuoted(directory.path)
        for (path, blob) in committed.sorted(by: { $0.key < $1.key }) where changed.contains(path) {
            guard StoreSync.blobHash(of: directory.appendingPathComponent(path), prefix: blob.size) == blob.sha else {
                throw StoreError(
                    Words.say(
                        "{path} no longer holds what this copy already committed to git (lines were cut or changed here); nothing was committed or sent (`cairn check --repair --store {store}` puts back what git holds, keeping what was written since)",
                        context: "store",
                        ["path": path, "store": store]))
            }
        }
    }

    /// Git's blob hash (SHA-1 of `blob <size>\0` and the bytes) of the first `size` bytes of
    /// `file`, or nil when it holds fewer.
    static func blobHash(of file: URL, prefix size: Int) -> String? {
        guard let fd = InsideStore.openForReading(file) else { return nil }
        defer { close(fd) }
        var hasher = Insecure.SHA1()
        hasher.update(data: Array("blob \(size)\0".utf8))
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var done = 0
        while done < size {
            let want = min(buffer.count, size - done)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(done)) }
            guard n > 0 else { return nil }
            hasher.update(data: buffer[0..<n])
            done += n
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

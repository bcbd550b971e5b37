import CairnCore
import Foundation
import Synchronization

/// How a snapshot is tied to the journals' bytes: each journal's mark (its fingerprint and its
/// hash chain's link at the place read up to), and whether the journals found now are still
/// the bytes the snapshot read.
extension StoreSnapshot {
    /// The mark of a journal file read up to `offset`, or nil when it cannot be read.
    ///
    /// - Parameter known: the mark this file had before, whose link is taken when it stands at
    ///   the same place in the same bytes, rather than walked anew.
    static func mark(_ url: URL, offset: Int, line: Int, known: Mark? = nil) -> Mark? {
        guard let fd = InsideStore.openForReading(url) else { return nil }
        defer { close(fd) }
        guard var mark = fingerprint(fd, file: url.lastPathComponent, offset: offset, line: line) else { return nil }
        if let known, known.sameBytes(as: mark), known.inode == mark.inode {
            mark.link = known.link
        } else {
            mark.link = link(fd, journal: url.lastPathComponent, at: offset) ?? []
        }
        return mark
    }

    /// The mark without its link: the file's inode, and hashes of its first bytes and of those
    /// before `offset`.
    static func fingerprint(_ fd: Int32, file: String, offset: Int, line: Int) -> Mark? {
        // A place read from a file (a snapshot's, an index's) may be anything.
        guard offset >= 0, line >= 1 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = min(offset, fingerprintBytes)
        guard let head = hash(fd, from: 0, count: size), let tail = tailHash(fd, before: offset) else { return nil }
        let seen = JournalStat(info)
        return Mark(
            file: file, offset: offset, line: line, inode: seen.inode, head: head, tail: tail, seen: seen.quiet ? seen : nil)
    }

    /// The hash of the fingerprint's bytes before `offset` (a mark's `tail`).
    static func tailHash(_ fd: Int32, before offset: Int) -> UInt64? {
        let size = min(offset, fingerprintBytes)
        return hash(fd, from: offset - size, count: size)
    }

    static func hash(_ fd: Int32, from start: Int, count: Int) -> UInt64? {
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(start)) }
        guard n == count else { return nil }
        // Eight bytes a step: a start fingerprints every journal, a thousand at ten million events.
        return buffer.withUnsafeBytes { SnapshotChecksum.of($0) }
    }

    /// The chain's link at `offset` (a line's end): the hash the line before it carries, or,
    /// for a line an earlier version wrote without one, the chain walked up to there.
    static func link(_ fd: Int32, journal: String, at offset: Int) -> [UInt8]? {
        guard offset > 0 else { return JournalChain.seed(journal: journal) }
        // A line is short: the last 64 KiB hold it, and the longest an event can be the rest.
        for reach in [1 << 16, JournalVetting.firstLineLimit] {
            let back = min(offset, reach)
            var bytes = [UInt8](repeating: 0, count: back)
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, back, off_t(offset - back)) }
            guard n == back, bytes.last == 0x0A else { return nil }
            let start = bytes.dropLast().lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            guard start > 0 || back == offset else { continue }
            if let carried = JournalChain.split(bytes[start..<(back - 1)]).carried { return carried }
            break
        }
        return ChainWalk.walk(fd: fd, journal: journal, upTo: offset)?.link
    }

    /// How the snapshot stands against the journals now.
    enum Fit: Equatable {
        /// Every journal it read is unchanged up to its place.
        case fits
        /// So too, but some are other files holding the same bytes (a copied or restored
        /// store): a snapshot written anew ties itself to them, so the next start checks less.
        case fitsMoved
        case unfit
    }

    /// Whether every journal the snapshot read is still there and unchanged up to its place.
    /// Files it never saw (brought by a sync since) are the tail, read from their start.
    ///
    /// - Parameter stats: each journal as it was just listed (`Store.journalStats`): one the
    ///   snapshot saw so when it fingerprinted it is not read (`JournalStat`).
    func fit(_ byName: [String: URL], stats: [String: JournalStat]) -> Fit {
        var walks: [(mark: Mark, url: URL)] = []
        for m in marks {
            guard let url = byName[m.file] else { return .unfit }
            if let seen = m.seen, stats[m.file] == seen, m.offset <= seen.size { continue }
            guard let fd = InsideStore.openForReading(url) else { return .unfit }
            defer { close(fd) }
            guard let now = Self.fingerprint(fd, file: m.file, offset: m.offset, line: m.line), now.sameBytes(as: m) else {
                return .unfit
            }
            if now.inode == m.inode { continue }
            guard m.link.count == 32 else { return .unfit }
            walks.append((m, url))
        }
        guard !walks.isEmpty else { return .fits }
        // Other files (a copied or restored store): each chain must end where the snapshot's
        // did, with no line broken on the way; walked on both cores, as they hash every byte.
        let sound = Mutex(true)
        let toWalk = walks
        DispatchQueue.concurrentPerform(iterations: toWalk.count) { k in
            let (m, url) = toWalk[k]
            guard sound.withLock({ $0 }) else { return }
            let fd = InsideStore.openForReading(url)
            defer { if let fd { close(fd) } }
            guard let fd, let walk = ChainWalk.walk(fd: fd, journal: m.file, upTo: m.offset), walk.offset == m.offset,
                walk.firstBreak == nil, walk.link == m.link
            else {
                sound.withLock { $0 = false }
                return
            }
        }
        return sound.withLock { $0 } ? .fitsMoved : .unfit
    }

    /// Whether it names every journal there is, each up to its end (no tail to read, no
    /// journal it never saw); whether the bytes before are the ones it read is `fit`'s question.
    ///
    /// - Parameter stats: each journal as it was just listed, by name.
    func endsWhereTheyEnd(_ files: [String: URL], stats: [String: JournalStat]) -> Bool {
        guard files.count == marks.count else { return false }
        return marks.allSatisfy { m in files[m.file] != nil && stats[m.file]?.size == m.offset }
    }
}

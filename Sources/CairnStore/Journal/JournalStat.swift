import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What one `lstat` tells of a journal file: enough to know, without opening it, that it is
/// the very file a snapshot read, with not a byte changed since.
///
/// The kernel sets a file's change time (`ctime`) at every write and no one can set it back,
/// and a journal is only ever appended to, which changes its size: a file whose device, inode,
/// size and change time are those noted when a snapshot fingerprinted it still holds the bytes
/// fingerprinted then. A copied or restored file is another inode, and is read to be trusted.
///
/// A change time ticks in steps (a few milliseconds; a second on some network file systems),
/// so a file rewritten within one step of being seen could look unchanged: only a file left
/// alone for `quietSeconds` before it was seen is noted (`quiet`). A sealed segment always is;
/// the open one, still being written, is fingerprinted at each start, as any file seen otherwise.
struct JournalStat: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var changedSeconds: Int
    var changedNanoseconds: Int

    /// As a snapshot writes it.
    func write(to w: inout SnapshotWriter) {
        w.unsigned(device)
        w.unsigned(inode)
        w.number(size)
        w.number(changedSeconds)
        w.number(changedNanoseconds)
    }

    /// As `write(to:)` wrote it.
    static func read(_ r: inout SnapshotReader) throws(SnapshotReader.Damaged) -> JournalStat {
        JournalStat(
            device: try r.unsigned(), inode: try r.unsigned(), size: try r.number(), changedSeconds: try r.number(),
            changedNanoseconds: try r.number())
    }
}

extension JournalStat {
    static let quietSeconds = 2

    /// Whether its last change was at least `quietSeconds` before now (by this machine's clock).
    var quiet: Bool { Int(Date().timeIntervalSince1970) - changedSeconds >= Self.quietSeconds }

    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size), changedSeconds: Int(info.st_ctim.tv_sec),
            changedNanoseconds: Int(info.st_ctim.tv_nsec))
    }
}

import CairnCore
import Foundation

/// One journal file's lines found by record, and counted by author, kept in
/// `local/index/<journal file>`: one record's history is then read from its own lines, and
/// what others changed since you last looked is counted without reading the whole trail.
///
/// An index covers its journal from the start up to a place (where the snapshot was written),
/// fingerprinted as the snapshot's marks are: in another file, or with other bytes there, it
/// is not used. What lies past the place is read as before. Like the snapshot it is this
/// machine's cache: every line it points at is read and parsed again, so a damaged or forged
/// index can leave a line out, never make one up (only `cairn check` reads every line).
struct JournalIndex {
    static let magic = Array("cairn journal index\n".utf8)
    static let format = 3
    /// The format before the journal's stat was noted: read as it is, its journal
    /// fingerprinted, and written anew at the next snapshot.
    static let formatBefore = 2
    /// A stamp as Cairn writes it (`2026-12-01T14:02:11.000Z`).
    static let stampBytes = 24

    /// The journal is covered from its start to `mark.offset`.
    var mark: StoreSnapshot.Mark
    /// The covered lines that begin with a whole stamp (`{"at":"…"`, longer than the stamp).
    var stamped = 0
    /// Of those, how many name each author (`"by":"…"`, by the author's bytes; a line naming
    /// two counts for both).
    var authors: [[UInt8]: Int] = [:]
    /// The earliest and the latest of their stamps; nil when there is none.
    var earliest: String?
    var latest: String?

    static func folder(_ store: URL) -> URL { StoreLayout.localFolder(store).appendingPathComponent("index") }

    static func file(of journal: URL, store: URL) -> URL { file(named: journal.lastPathComponent, in: folder(store).path) }

    /// The index of the journal `name`, in the folder of indexes at `folder` (a path): made
    /// from the path, as a thousand are at a start.
    static func file(named name: String, in folder: String) -> URL { URL(filePath: folder + "/" + name, directoryHint: .notDirectory) }

    /// How many covered lines by others than `user` are stamped after `since` (a whole stamp),
    /// as `Store.changesSince` counts them; nil when the index cannot tell without reading the
    /// lines (some are not later).
    func countedSince(_ since: String, notBy user: String) -> Int? {
        guard since.utf8.count == Self.stampBytes, !user.utf8.contains(0x22) else { return nil }
        guard let earliest, let latest else { return 0 }
        // None later: the read back stops at its last stamped line.
        guard since.utf8.lexicographicallyPrecedes(latest.utf8) else { return 0 }
        guard since.utf8.lexicographicallyPrecedes(earliest.utf8) else { return nil }
        return stamped - (authors[Array(user.utf8)] ?? 0)
    }

    /// No event line is shorter: `{"at":"` and a stamp, and more.
    static let shortestLine = 32
}

/// An index file opened, its head read and checked, found to fit its journal as it is now.
final class JournalIndexFile {
    let index: JournalIndex
    private let fd: Int32
    /// Each run of entries (by their hash's first byte): where it begins in the file, how many
    /// entries it holds and their checksum.
    private let runs: [(at: Int, count: Int, sum: UInt64)]

    private init(index: JournalIndex, fd: Int32, runs: [(at: Int, count: Int, sum: UInt64)]) {
        self.index = index
        self.fd = fd
        self.runs = runs
    }

    deinit { close(fd) }

    /// The index of `journal`, when there is a sound one that fits the journal's bytes.
    ///
    /// - Parameter journalFD: the journal as the caller opened it, to be checked (and then
    ///   read) as that one file; nil to open it here.
    /// - Parameter now: the journal as the caller's listing saw it (`JournalStat`): found as the
    ///   index saw it when it fingerprinted it, and covered to its end, it is not read.
    /// - Parameter file: the index's own file, when the caller made it.
    static func open(
        _ journal: URL, store: URL, journalFD: Int32? = nil, now: JournalStat? = nil, file: URL? = nil
    ) -> JournalIndexFile? {
        guard let fd = InsideStore.openForReading(file ?? JournalIndex.file(of: journal, store: store)) else { return nil }
        guard let (index, runs) = head(fd), index.mark.file == journal.lastPathComponent,
            asSeen(index.mark, now) || fits(index.mark, journal, journalFD)
        else {
            close(fd)
            return nil
        }
        return JournalIndexFile(index: index, fd: fd, runs: runs)
    }

    /// Whether the journal is as the index saw it when it fingerprinted it, and ends where the
    /// index does: its bytes are then those fingerprinted, and its end a line's end or the
    /// end of what is read.
    private static func asSeen(_ mark: StoreSnapshot.Mark, _ now: JournalStat?) -> Bool {
        guard let now, let seen = mark.seen else { return false }
        return seen == now && mark.offset == now.size
    }

    /// Whether the journal holds the bytes the index read, up to a line's end.
    private static func fits(_ mark: StoreSnapshot.Mark, _ journal: URL, _ given: Int32?) -> Bool {
        guard let fd = given ?? InsideStore.openForReading(journal) else { return false }
        defer { if given == nil { close(fd) } }
        guard let now = StoreSnapshot.fingerprint(fd, file: mark.file, offset: mark.offset, line: mark.line), now.sameBytes(as: mark)
        else { return false }
        var before: UInt8 = 0x0A
        guard mark.offset == 0 || (pread(fd, &before, 1, off_t(mark.offset - 1)) == 1 && before == 0x0A) else { return false }
        // Another file (a copied or restored store): the same bytes when the line before the
        // place carries the same link of the chain, which hashes every line before it.
        return now.inode == mark.inode
            || (mark.link.count == 32 && StoreSnapshot.link(fd, journal: mark.file, at: mark.offset) == mark.link)
    }

    /// The head: the magic, then one checked section, then the entries, run after run.
    private static func head(_ fd: Int32) -> (JournalIndex, [(at: Int, count: Int, sum: UInt64)])? {
        var info = stat()
        // Sparse (a file that says it is huge, of holes): no index of ours.
        guard fstat(fd, &info) == 0, Int(info.st_size) <= Int(info.st_blocks) * 512 + 4096 else { return nil }
        let size = Int(info.st_size)
        // The head is a few KiB (the runs and the authors): read on only when it says it is
        // longer, and never past a MiB.
        func read(_ count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: min(size, count))
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            return n == bytes.count && bytes.starts(with: JournalIndex.magic) ? bytes : nil
        }
        guard var bytes = read(4 << 10) else { return nil }
        let needed = bytes.withUnsafeBytes { raw -> Int in
            var reader = SnapshotReader(raw, from: JournalIndex.magic.count)
            guard let length = try? reader.unsigned(), (try? reader.unsigned()) != nil, length < 1 << 20 else { return 0 }
            return reader.offset + Int(length)
        }
        if needed > bytes.count {
            guard let more = read(needed) else { return nil }
            bytes = more
        }
        return bytes.withUnsafeBytes { raw -> (JournalIndex, [(at: Int, count: Int, sum: UInt64)])? in
            var reader = SnapshotReader(raw, from: JournalIndex.magic.count)
            do {
                var head = try reader.section()
                let written = try head.number()
                guard written == JournalIndex.format || written == JournalIndex.formatBefore else { return nil }
                var mark = try StoreSnapshot.Mark.read(&head)
                if written == JournalIndex.format {
                    if try head.bool() { mark.seen = try JournalStat.read(&head) }
                    let links = try head.count()
                    guard links <= 32 else { return nil }
                    for _ in 0..<links { mark.link.append(try head.byte()) }
                }
                // Counts no journal of that length could hold are no index of it.
                let most = mark.offset / JournalIndex.shortestLine
                guard mark.offset >= 0, mark.line >= 1 else { return nil }
                var index = JournalIndex(mark: mark)
                index.stamped = try head.number()
                guard (0...most).contains(index.stamped) else { return nil }
                index.earliest = try head.optionalText()
                index.latest = try head.optionalText()
                for _ in 0..<(try head.count()) {
                    var author: [UInt8] = []
                    for _ in 0..<(try head.count()) { author.append(try head.byte()) }
                    let count = try head.number()
                    guard (0...index.stamped).contains(count) else { return nil }
                    index.authors[author] = count
                }
                var runs: [(at: Int, count: Int, sum: UInt64)] = []
                var at = reader.offset
                for _ in 0..<256 {
                    let count = try head.number()
                    guard count >= 0, count <= (size - at) / SnapshotKeys.entryBytes else { return nil }
                    runs.append((at, count, try head.unsigned()))
                    at += count * SnapshotKeys.entryBytes
                }
                guard at == size, (at - reader.offset) / SnapshotKeys.entryBytes <= most, head.isAtEnd else { return nil }
                return (index, runs)
            } catch {
                return nil
            }
        }
    }

    /// The lines (byte ranges of the journal, without their line break) whose event names
    /// `recordID`, in the order they lie; nil when the run that holds them is damaged.
    func lines(of recordID: String) -> [Range<Int>]? {
        run(Int(SnapshotKeys.hash(recordID) >> 56)).flatMap { bytes in
            bytes.withUnsafeBytes { raw in
                // Each byte of the journal read once at most: entries that overlap (forged
                // twice over) are dropped, so what is read never passes the journal's size.
                var lines: [Range<Int>] = []
                for range in SnapshotKeys.offsets(of: recordID, in: raw).filter({ $0.upperBound < index.mark.offset }).sorted(by: {
                    $0.lowerBound < $1.lowerBound
                }) where lines.last.map({ $0.upperBound < range.lowerBound }) ?? true {
                    lines.append(range)
                }
                return lines
            }
        }
    }

    /// Every entry, for an index brought further; nil when any run is damaged.
    func entries() -> [JournalIndex.Entry]? {
        var all: [JournalIndex.Entry] = []
        for r in runs.indices {
            guard let bytes = run(r) else { return nil }
            bytes.withUnsafeBytes { raw in
                for i in 0..<(raw.count / SnapshotKeys.entryBytes) {
                    let at = i * SnapshotKeys.entryBytes
                    all.append(
                        JournalIndex.Entry(
                            hash: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)),
                            offset: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self)),
                            length: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self))))
                }
            }
        }
        return all
    }

    private func run(_ r: Int) -> [UInt8]? {
        let run = runs[r]
        var bytes = [UInt8](repeating: 0, count: run.count * SnapshotKeys.entryBytes)
        guard bytes.isEmpty || bytes.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, $0.count, off_t(run.at)) }) == bytes.count,
            bytes.withUnsafeBytes({ SnapshotChecksum.of($0) }) == run.sum
        else { return nil }
        return bytes
    }
}

import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A journal is only ever appended to. One that shrinks or changes under a running session
/// (cut by hand, restored from a backup, rewritten by an editor) is read again whole, and said:
/// a session never goes on quietly from a world that lost records.
extension Store {
    /// How much of what a session read last it compares on each poll.
    static let tailBytes = 96

    /// What a session read last of a journal, to tell whether it changed under it.
    struct ReadTail {
        var offset: Int
        /// The file as `lstat` saw it when it was found to hold them: found so again, it does.
        var seen: JournalStat?
        /// The bytes just before `offset`; nil when the snapshot's fingerprint of them stands
        /// for them (`markTail`).
        var bytes: [UInt8]?
        var markTail: UInt64?
    }

    /// Whether `file` still holds, just before `offset`, the bytes this session read there (its
    /// last line's end, which carries the hash of every line before it). A first look notes them,
    /// or, for a journal the snapshot fingerprinted up to there and the listing found as it saw
    /// it, the snapshot's fingerprint of them: a start then reads no journal it need not.
    func stillHolds(_ file: URL, name: String, upTo offset: Int) -> Bool {
        guard offset > 0 else { return true }
        let seen = journalStats[name]
        guard var read = readTails[name], read.offset == offset else {
            if let mark = snapshotMarks[name], mark.offset == offset, let seen, trustedStats[name] == seen {
                readTails[name] = ReadTail(offset: offset, seen: seen, markTail: mark.tail)
            } else {
                readTails[name] = ReadTail(offset: offset, seen: seen, bytes: Self.bytes(of: file, before: offset))
            }
            return true
        }
        if let seen, read.seen == seen { return true }
        let holds: Bool
        if let bytes = read.bytes {
            holds = Self.bytes(of: file, before: offset).map { $0 == bytes } ?? true
        } else if let markTail = read.markTail, let fd = InsideStore.openForReading(file) {
            defer { close(fd) }
            holds = StoreSnapshot.tailHash(fd, before: offset) == markTail
        } else {
            holds = true
        }
        if holds {
            read.seen = seen
            readTails[name] = read
        }
        return holds
    }

    /// Notes that `name` changed under this session, to be said on screen.
    func noteChangedUnder(_ name: String, from offset: Int, to size: Int) {
        readTails[name] = nil
        alarms.append(
            size < offset
                ? Words.say(
                    "journal/{name} shrank from {offset} to {size} bytes while Cairn had it open: lines were removed or changed, and everything was read again; nothing is cut from it: run `cairn check`",
                    context: "store",
                    ["name": name, "offset": String(offset), "size": String(size)])
                : Words.say(
                    "journal/{name} changed before the place this session had read to while Cairn had it open: lines were removed or changed, and everything was read again; nothing is cut from it: run `cairn check`",
                    context: "store",
                    ["name": name]))

    }

    /// What was found changed under this session since the last call: each a line for the screen.
    public func takeAlarms() -> [String] {
        defer { alarms = [] }
        return alarms
    }

    static func bytes(of file: URL, before offset: Int) -> [UInt8]? {
        guard let fd = InsideStore.openForReading(file) else { return nil }
        defer { close(fd) }
        let count = min(offset, tailBytes)
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset - count)) }
        return n == count ? out : []
    }
}

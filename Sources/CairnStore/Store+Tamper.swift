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

    /// Whether `file` still holds, just before `offset`, the bytes this session read there (its
    /// last line's end, which carries the hash of every line before it). A first look notes them.
    func stillHolds(_ file: URL, upTo offset: Int) -> Bool {
        let name = file.lastPathComponent
        guard offset > 0, let now = Self.bytes(of: file, before: offset) else { return true }
        if let read = readTails[name], read.offset == offset { return read.bytes == now }
        readTails[name] = (offset, now)
        return true
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

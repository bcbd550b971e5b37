import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A walk along one journal's hash chain, line by line, fed its bytes in any slices: where the
/// chain ends (the link a next line chains to) and the first line that breaks it.
struct ChainWalk: Sendable {
    /// The first line whose hash does not follow from the lines before it.
    struct Break: Sendable, Equatable {
        /// 1-based line number in the journal.
        var line: Int
        /// The host the line names (which machine's session wrote it, or claims to have).
        var host: String
        var reason: String
    }

    private(set) var link: JournalChain.Link
    /// Complete lines walked.
    private(set) var lines = 0
    /// Bytes of complete lines walked: the offset the link stands at.
    private(set) var offset = 0
    private(set) var firstBreak: Break?
    private var sawChained = false
    private var pending: [UInt8] = []

    init(journal name: String) { link = JournalChain.seed(journal: name) }

    /// Walks the complete lines in `bytes` (a torn last line waits for the rest).
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            guard let nl = memchr(base + start, 0x0A, bytes.count - start) else {
                pending += UnsafeRawBufferPointer(rebasing: bytes[start...])
                return
            }
            let end = base.distance(to: UnsafeRawPointer(nl))
            if pending.isEmpty {
                walk(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            } else {
                pending += UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                pending.withUnsafeBytes { walk($0) }
                pending = []
            }
            start = end + 1
        }
    }

    /// One line, hashed where it lies: a national journal has millions.
    private mutating func walk(_ line: UnsafeRawBufferPointer) {
        lines += 1
        offset += line.count + 1
        let carried = JournalChain.carried(line)
        link = JournalChain.next(link, line, carried: carried != nil)
        guard firstBreak == nil else { return }
        if let carried {
            sawChained = true
            if !JournalChain.hexEquals(carried, link) {
                firstBreak = Break(
                    line: lines, host: Self.host(of: Array(line)[...]),
                    reason: Words.say(
                        "its hash does not follow from the lines before it: it, or a line before it, was changed, removed or reordered",
                        context: "store"))
            }
        } else if sawChained {
            firstBreak = Break(
                line: lines, host: Self.host(of: Array(line)[...]),
                reason: Words.say("it carries no hash after lines that do: it was added or changed by hand", context: "store"))

        }
    }

    /// The `host` a line names, read as bytes (a damaged line may be no JSON at all).
    static func host(of line: ArraySlice<UInt8>) -> String {
        let key = Array("\"host\":\"".utf8)
        guard line.count > key.count else { return "?" }
        var i = line.startIndex
        while i <= line.endIndex - key.count {
            if line[i..<(i + key.count)].elementsEqual(key) {
                let from = i + key.count
                let to = line[from...].firstIndex(of: 0x22) ?? line.endIndex
                return String(decoding: line[from..<min(to, from + 200)], as: UTF8.self)
            }
            i += 1
        }
        return "?"
    }

    /// Walks the first `count` bytes of the open file `fd` (all of it when nil).
    static func walk(fd: Int32, journal name: String, upTo count: Int? = nil) -> ChainWalk? {
        var walk = ChainWalk(journal: name)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var at = 0
        while count.map({ at < $0 }) ?? true {
            let want = min(buffer.count, (count ?? Int.max) - at)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(at)) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            buffer.withUnsafeBytes { walk.feed(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            at += n
        }
        return walk
    }

    /// Walks the journal at `url` whole, never through a link.
    static func walk(_ url: URL) -> ChainWalk? {
        guard let fd = InsideStore.openForReading(url) else { return nil }
        defer { close(fd) }
        return walk(fd: fd, journal: url.lastPathComponent)
    }
}

import Foundation

/// A journal read from a byte offset back to its start, a chunk at a time, as lines: the lines
/// `JournalTail.lines` visits, in the same order, but pulled a chunk at a time so that several
/// journals can be read back side by side.
struct BackwardLines {
    private let handle: FileHandle
    private let chunkBytes: Int
    /// Bytes before this offset are still to be read.
    private var end: Int
    /// Where the reading stops: a line's start.
    private let floor: Int
    /// The start of a line cut by the last chunk's start, kept for the next chunk.
    private var carry: [UInt8] = []
    private var finished = false

    /// Reads `url` back from `end` (its size when it was first looked at: what is appended
    /// after that is left out) to `floor`.
    init(_ url: URL, upTo end: Int, downTo floor: Int = 0, chunkBytes: Int) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.end = end
        self.floor = min(floor, end)
        self.chunkBytes = chunkBytes
    }

    /// The non-empty lines of the next chunk back, the last line first; nil once the file's
    /// start has been passed. A chunk without a line break gives none.
    mutating func next() -> [ArraySlice<UInt8>]? {
        guard !finished else { return nil }
        guard end > floor else {
            finished = true
            try? handle.close()
            return nil
        }
        let start = max(floor, end - chunkBytes)
        guard (try? handle.seek(toOffset: UInt64(start))) != nil, let data = try? handle.read(upToCount: end - start) else {
            finished = true
            try? handle.close()
            return nil
        }
        let block = [UInt8](data) + carry
        var lines: [ArraySlice<UInt8>] = []
        var stop = block.count
        block.withUnsafeBytes { raw in
            var i = raw.count - 1
            while i >= 0 {
                if raw[i] == 0x0A {
                    if stop > i + 1 { lines.append(block[(i + 1)..<stop]) }
                    stop = i
                }
                i -= 1
            }
        }
        carry = Array(block[0..<stop])
        if start == floor, !carry.isEmpty { lines.append(carry[...]) }
        end = start
        return lines
    }
}

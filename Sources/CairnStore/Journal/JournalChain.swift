import Crypto
import Foundation

/// Each journal line's hash, chaining it to every line before it in that journal, so that a
/// line changed, removed or reordered anywhere is seen (`cairn check`) and a sync can refuse
/// history that was rewritten.
///
/// A line is its event's JSON with `,"chain":"<64 hex digits>"}` in place of the closing
/// brace: the SHA-256 of the previous line's hash followed by the event's JSON as it was
/// before the hash went in. The first line chains to the journal's own name (the copy that
/// writes it), so a line moved from another journal breaks too. Lines written by earlier
/// versions carry no hash; they are hashed all the same, so the first chained line covers
/// every line before it and no line is ever rewritten to chain it.
public enum JournalChain {
    /// A link of the chain: 32 bytes.
    public typealias Link = [UInt8]

    static let head = Array(",\"chain\":\"".utf8)
    /// The bytes that end a chained line: `,"chain":"`, 64 hex digits, `"}`.
    static let suffixCount = head.count + 64 + 2

    /// The link a journal's first line chains to.
    public static func seed(journal name: String) -> Link {
        Array(SHA256.hash(data: Array("cairn journal \(name)".utf8)))
    }

    /// The link after a line whose event JSON (without its own hash) is `content`.
    static func next(_ previous: Link, _ content: some Collection<UInt8>) -> Link {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: Array(content))
        return Array(hasher.finalize())
    }

    /// The link after `line` as it lies in a journal: its content is the line itself, or (when
    /// it carries a hash, see `carried`) the line up to `,"chain":` closed with `}`.
    static func next(_ previous: Link, _ line: UnsafeRawBufferPointer, carried: Bool) -> Link {
        var hasher = SHA256()
        hasher.update(data: previous)
        if carried {
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: line[0..<(line.count - suffixCount)]))
            hasher.update(data: [0x7D])
        } else {
            hasher.update(bufferPointer: line)
        }
        return Array(hasher.finalize())
    }

    /// The 64 hex digits a line carries as its hash, as they lie, or nil when it carries none:
    /// the same lines as `split` finds a hash in.
    static func carried(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let n = line.count
        guard n > suffixCount, line[n - 1] == 0x7D, line[n - 2] == 0x22 else { return nil }
        let start = n - suffixCount
        for k in 0..<head.count where line[start + k] != head[k] { return nil }
        let digits = UnsafeRawBufferPointer(rebasing: line[(start + head.count)..<(n - 2)])
        for c in digits where !((48...57).contains(c) || (97...102).contains(c)) { return nil }
        return digits
    }

    /// Whether 64 lowercase hex digits spell `link`.
    static func hexEquals(_ digits: UnsafeRawBufferPointer, _ link: Link) -> Bool {
        guard digits.count == 2 * link.count else { return false }
        for (k, b) in link.enumerated() {
            let high = digits[2 * k]
            let low = digits[2 * k + 1]
            func value(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
            if value(high) != b >> 4 || value(low) != b & 15 { return false }
        }
        return true
    }

    /// `line` (an event's JSON ending in `}`, no line break) with its hash put in, and the link.
    static func chained(_ line: [UInt8], after previous: Link) -> (line: [UInt8], link: Link) {
        let link = next(previous, line)
        var out = line
        out.removeLast()
        out += head
        out += hex(link)
        out += [0x22, 0x7D]
        return (out, link)
    }

    /// A line split into the JSON its hash was made over and the hash it carries; a line
    /// written without one (an earlier version) is its own content, with no hash.
    static func split(_ line: ArraySlice<UInt8>) -> (content: [UInt8], carried: Link?) {
        let n = line.count
        guard n > suffixCount, line.last == 0x7D else { return (Array(line), nil) }
        let start = line.startIndex + n - suffixCount
        guard line[start..<(start + head.count)].elementsEqual(head), line[line.endIndex - 2] == 0x22,
            let carried = unhex(line[(start + head.count)..<(line.endIndex - 2)])
        else { return (Array(line), nil) }
        return (Array(line[line.startIndex..<start]) + [0x7D], carried)
    }

    static func hex(_ link: Link) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in link {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return out
    }

    static func unhex(_ text: ArraySlice<UInt8>) -> Link? {
        guard text.count == 64 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            default: return nil
            }
        }
        var out: Link = []
        out.reserveCapacity(32)
        var i = text.startIndex
        while i < text.endIndex {
            guard let high = value(text[i]), let low = value(text[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}

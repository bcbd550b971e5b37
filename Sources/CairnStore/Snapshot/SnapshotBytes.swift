import CairnCore

/// The bytes of a snapshot: numbers as LEB128 varints, text as its length then its UTF-8.
///
/// A snapshot is a cache the store can always rebuild from the journals, so its form is
/// chosen to be read fast, not to be read by people (the journals are that).
package struct SnapshotWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    /// Mixed into every part's checksum: one snapshot's, so that parts of two snapshots spliced
    /// together (each sound on its own) never read as one.
    package var seal: UInt64 = 0

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func byte(_ b: UInt8) { bytes.append(b) }

    package mutating func number(_ n: Int) { unsigned(UInt64(bitPattern: Int64(n))) }

    package mutating func unsigned(_ n: UInt64) {
        var n = n
        while n >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: n) | 0x80)
            n >>= 7
        }
        bytes.append(UInt8(n))
    }

    package mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Nothing is written as 0; a text as its length plus one, then its bytes.
    package mutating func optionalText(_ s: String?) {
        guard var s else { return bytes.append(0) }
        s.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count) + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    package mutating func day(_ d: Day) { number(d.ordinal) }

    package mutating func optionalDay(_ d: Day?) {
        bool(d != nil)
        if let d { day(d) }
    }

    package mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A part of the snapshot that can be read alone, or skipped: its length, a checksum of its
    /// bytes (`SnapshotChecksum`), then the bytes. A part damaged on disk is then never read as
    /// if sound, even where the damage falls inside a text.
    package mutating func section(_ part: SnapshotWriter) {
        unsigned(UInt64(part.bytes.count))
        unsigned(part.bytes.withUnsafeBytes { SnapshotChecksum.of($0, seal: seal) })
        bytes.append(contentsOf: part.bytes)
    }
}

/// A 64-bit checksum of a snapshot's part, eight bytes a step, so that checking a national
/// store's snapshot adds little to its start. Each step is a bijection of the running state,
/// so a part that differs from what was written in any single eight-byte word never has the
/// checksum it was written with. Against damage, not against forgery: the snapshot is this
/// machine's own cache.
package enum SnapshotChecksum {
    package static func of(_ bytes: UnsafeRawBufferPointer, seal: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        h = (h ^ seal) &* 0xD6E8_FEB8_6659_FD93
        func mix(_ w: UInt64) {
            h ^= w
            h = (h << 29 | h >> 35) &* 0xBF58_476D_1CE4_E5B9
        }
        var i = 0
        while i + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var last: UInt64 = 0
        for k in i..<bytes.count { last |= UInt64(bytes[k]) << (8 * UInt64(k - i)) }
        mix(last)
        return h ^ (h >> 31)
    }
}

/// Reads what `SnapshotWriter` wrote; any read past the end, or a length that does not fit,
/// throws: a snapshot cut short or damaged is rebuilt, never trusted.
package struct SnapshotReader {
    package struct Damaged: Error, Sendable {
        package let at: Int
    }

    let base: UnsafePointer<UInt8>
    /// What holds the bytes, kept alive while the reader is (`Loaded`); nil for a caller that
    /// keeps them itself.
    private var owner: AnyObject?
    private(set) var end: Int
    package private(set) var offset: Int
    /// The seal the parts were written with (`SnapshotWriter.seal`).
    package var seal: UInt64 = 0

    package init(_ buffer: UnsafeRawBufferPointer, from offset: Int = 0) {
        self.init(buffer, from: offset, owner: nil)
    }

    init(_ buffer: UnsafeRawBufferPointer, from offset: Int, owner: AnyObject?) {
        base = buffer.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        end = buffer.count
        self.offset = offset
        self.owner = owner
    }

    package var isAtEnd: Bool { offset == end }

    /// How many bytes are left to read.
    var length: Int { end - offset }

    /// A reader of the next `length` bytes alone (checked against what is left by `count`).
    package func section(_ length: Int) -> SnapshotReader {
        var part = self
        part.end = offset + length
        return part
    }

    package mutating func skip(_ length: Int) { offset += length }

    /// The next part written by `SnapshotWriter.section`, checked against its checksum, and
    /// this reader moved past it.
    package mutating func section() throws(Damaged) -> SnapshotReader {
        let length = try count()
        let sum = try unsigned()
        guard length <= end - offset else { throw Damaged(at: offset) }
        let part = section(length)
        guard SnapshotChecksum.of(UnsafeRawBufferPointer(start: base + offset, count: length), seal: seal) == sum else {
            throw Damaged(at: offset)
        }
        offset += length
        return part
    }

    /// The next part written by `SnapshotWriter.section`, unchecked, with its checksum: for a
    /// reader that checks it on another core (`checked`).
    package mutating func uncheckedSection() throws(Damaged) -> (part: SnapshotReader, sum: UInt64) {
        let length = try count()
        let sum = try unsigned()
        guard length <= end - offset else { throw Damaged(at: offset) }
        let part = section(length)
        offset += length
        return (part, sum)
    }

    /// Whether the part this reader spans (from where it stands) has the checksum `sum`.
    package func checked(_ sum: UInt64) -> Bool {
        SnapshotChecksum.of(UnsafeRawBufferPointer(start: base + offset, count: end - offset), seal: seal) == sum
    }

    package mutating func byte() throws(Damaged) -> UInt8 {
        guard offset < end else { throw Damaged(at: offset) }
        defer { offset += 1 }
        return base[offset]
    }

    package mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            // The tenth byte holds one bit: any other set would be shifted out unseen, and a
            // changed checksum would pass for the one written.
            guard shift < 63 || (shift == 63 && b <= 1) else { throw Damaged(at: offset) }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    package mutating func number() throws(Damaged) -> Int { Int(Int64(bitPattern: try unsigned())) }

    /// A count of things to follow: never more than the bytes left, so damage cannot make a
    /// reader reserve gigabytes.
    package mutating func count() throws(Damaged) -> Int {
        let n = try unsigned()
        guard n <= UInt64(end - offset) else { throw Damaged(at: offset) }
        return Int(n)
    }

    private mutating func utf8(_ length: Int) throws(Damaged) -> String {
        guard length <= end - offset else { throw Damaged(at: offset) }
        defer { offset += length }
        return String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self)
    }

    package mutating func text() throws(Damaged) -> String { try utf8(try count()) }

    package mutating func optionalText() throws(Damaged) -> String? {
        let n = try unsigned()
        if n == 0 { return nil }
        guard n - 1 <= UInt64(end - offset) else { throw Damaged(at: offset) }
        return try utf8(Int(n - 1))
    }

    package mutating func bool() throws(Damaged) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged(at: offset - 1)
        }
    }

    package mutating func day() throws(Damaged) -> Day { Day(ordinal: try number()) }

    package mutating func optionalDay() throws(Damaged) -> Day? { try bool() ? try day() : nil }

    /// A vocabulary word stored as its place in `words` (its type's `allCases`, kept once).
    package mutating func word<T>(in words: [T]) throws(Damaged) -> T {
        let i = try number()
        guard i >= 0, i < words.count else { throw Damaged(at: offset) }
        return words[i]
    }
}

extension SnapshotWriter {
    /// A vocabulary word as its place in `words` (a snapshot is rebuilt whenever Cairn's
    /// version changes, so the places cannot shift under it).
    package mutating func word<T: Equatable>(_ w: T, in words: [T]) {
        number(words.firstIndex(of: w) ?? 0)
    }
}

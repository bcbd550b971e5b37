import CairnCore

/// Where each entry of a snapshot's part lies, by a hash of its key (a record's id, a group's
/// cluster): a lookup of one school reads that school, not the 25,000 of its part.
///
/// Sixteen bytes an entry, sorted by hash: the hash (8 bytes), the entry's offset in its part
/// (4) and its length (4), little-endian, so that a lookup is a binary search of the bytes as
/// they lie, and reads the entry's bytes alone. Two keys of one hash are told apart by the key
/// each entry holds.
enum SnapshotKeys {
    static let entryBytes = 16

    /// FNV-1a of the key's UTF-8: the same on every machine and in every run.
    static func hash(_ key: String) -> UInt64 {
        var key = key
        // Over the bytes as they lie: a start hashes every school's id to check the order kept.
        return key.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
    }

    /// The keys of a part as it is written.
    struct Noted {
        private var entries: [(hash: UInt64, offset: UInt32, length: UInt32)] = []

        init(capacity: Int) { entries.reserveCapacity(capacity) }

        /// The entry of `key` lies from `start` to `end` of its part.
        mutating func note(_ key: String, from start: Int, to end: Int) throws(World.Unsound) {
            guard let at = UInt32(exactly: start), let length = UInt32(exactly: end - start) else { throw World.Unsound() }
            entries.append((SnapshotKeys.hash(key), at, length))
        }

        var written: SnapshotWriter {
            var w = SnapshotWriter(capacity: entries.count * SnapshotKeys.entryBytes)
            for e in entries.sorted(by: { ($0.hash, $0.offset) < ($1.hash, $1.offset) }) {
                withUnsafeBytes(of: e.hash.littleEndian) { w.raw(Array($0)) }
                withUnsafeBytes(of: e.offset.littleEndian) { w.raw(Array($0)) }
                withUnsafeBytes(of: e.length.littleEndian) { w.raw(Array($0)) }
            }
            return w
        }
    }

    /// Whether `keys` name each of `ids`, and no two of them hash alike (the same id twice, or
    /// the rare two of one hash): their hashes sorted and walked beside the keys' once, rather
    /// than each looked up and each kept in a set.
    static func nameEachOnce(_ ids: [String], in keys: UnsafeRawBufferPointer) -> Bool {
        guard keys.count % entryBytes == 0 else { return false }
        var hashes = ids.map(hash)
        sortInPlace(&hashes)
        let count = keys.count / entryBytes
        var k = 0
        for (i, h) in hashes.enumerated() {
            if i > 0, hashes[i - 1] == h { return false }
            while k < count, UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: k * entryBytes, as: UInt64.self)) < h { k += 1 }
            guard k < count, UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: k * entryBytes, as: UInt64.self)) == h else {
                return false
            }
        }
        return true
    }

    /// Sorts hashes eleven bits a pass, six passes: half what comparing them costs, for the
    /// 25,000 ids a start checks.
    static func sortInPlace(_ values: inout [UInt64]) {
        var other = [UInt64](repeating: 0, count: values.count)
        for shift in stride(from: UInt64(0), to: 64, by: 11) {
            var starts = [Int](repeating: 0, count: 2049)
            for v in values { starts[Int((v >> shift) & 0x7ff) + 1] += 1 }
            for d in 1..<starts.count { starts[d] += starts[d - 1] }
            for v in values {
                let d = Int((v >> shift) & 0x7ff)
                other[starts[d]] = v
                starts[d] += 1
            }
            swap(&values, &other)
        }
    }

    /// Where the entries whose key has the hash of `key` lie, in `keys` (a part's keys, as
    /// `Noted` wrote them); none when its length is no multiple of an entry.
    static func offsets(of key: String, in keys: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard keys.count % entryBytes == 0 else { return [] }
        let h = hash(key)
        func hashAt(_ i: Int) -> UInt64 { UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: i * entryBytes, as: UInt64.self)) }
        var low = 0
        var high = keys.count / entryBytes
        while low < high {
            let mid = (low + high) / 2
            if hashAt(mid) < h { low = mid + 1 } else { high = mid }
        }
        var found: [Range<Int>] = []
        var i = low
        while i < keys.count / entryBytes, hashAt(i) == h {
            let start = Int(UInt32(littleEndian: keys.loadUnaligned(fromByteOffset: i * entryBytes + 8, as: UInt32.self)))
            let length = Int(UInt32(littleEndian: keys.loadUnaligned(fromByteOffset: i * entryBytes + 12, as: UInt32.self)))
            found.append(start..<(start + length))
            i += 1
        }
        return found
    }
}

/// A checksum for each block of a part's bytes, so that one entry is checked by reading the
/// block or two it lies in, not the whole part.
enum SnapshotBlocks {
    static let size = 1 << 14

    static func count(_ length: Int) -> Int { (length + size - 1) / size }

    /// The sums of `bytes`, a block at a time, eight bytes each.
    static func sums(of bytes: [UInt8], seal: UInt64) -> SnapshotWriter {
        var w = SnapshotWriter(capacity: count(bytes.count) * 8)
        bytes.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: size) {
                let sum = SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: all[start..<min(start + size, all.count)]), seal: seal)
                withUnsafeBytes(of: sum.littleEndian) { w.raw(Array($0)) }
            }
        }
        return w
    }

    /// The sum of block `i`, from the sums as `sums` wrote them.
    static func sum(_ i: Int, in sums: UnsafeRawBufferPointer) -> UInt64 {
        UInt64(littleEndian: sums.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
    }
}

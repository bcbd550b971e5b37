import CairnCore

/// Where each entry of a snapshot's part lies, by a hash of its key (a record's id, a group's
/// cluster): a lookup of one school reads that school, not the 25,000 of its part.
///
/// Twelve bytes an entry, sorted by hash: the hash (8 bytes) and the entry's offset in its
/// part (4), little-endian, so that a lookup is a binary search of the bytes as they lie.
/// Two keys of one hash are told apart by the key each entry holds.
enum SnapshotKeys {
    static let entryBytes = 12

    /// FNV-1a of the key's UTF-8: the same on every machine and in every run.
    static func hash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The keys of a part as it is written.
    struct Noted {
        private var entries: [(hash: UInt64, offset: UInt32)] = []

        init(capacity: Int) { entries.reserveCapacity(capacity) }

        /// The entry of `key` begins at `offset` of its part.
        mutating func note(_ key: String, at offset: Int) throws(World.Unsound) {
            guard let at = UInt32(exactly: offset) else { throw World.Unsound() }
            entries.append((SnapshotKeys.hash(key), at))
        }

        var written: SnapshotWriter {
            var w = SnapshotWriter(capacity: entries.count * SnapshotKeys.entryBytes)
            for e in entries.sorted(by: { ($0.hash, $0.offset) < ($1.hash, $1.offset) }) {
                withUnsafeBytes(of: e.hash.littleEndian) { w.raw(Array($0)) }
                withUnsafeBytes(of: e.offset.littleEndian) { w.raw(Array($0)) }
            }
            return w
        }
    }

    /// The offsets of the entries whose key has the hash of `key`, in `keys` (a part's keys, as
    /// `Noted` wrote them); none when its length is no multiple of an entry.
    static func offsets(of key: String, in keys: UnsafeRawBufferPointer) -> [Int] {
        guard keys.count % entryBytes == 0 else { return [] }
        let h = hash(key)
        func hashAt(_ i: Int) -> UInt64 { UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: i * entryBytes, as: UInt64.self)) }
        var low = 0
        var high = keys.count / entryBytes
        while low < high {
            let mid = (low + high) / 2
            if hashAt(mid) < h { low = mid + 1 } else { high = mid }
        }
        var found: [Int] = []
        var i = low
        while i < keys.count / entryBytes, hashAt(i) == h {
            found.append(Int(UInt32(littleEndian: keys.loadUnaligned(fromByteOffset: i * entryBytes + 8, as: UInt32.self))))
            i += 1
        }
        return found
    }
}

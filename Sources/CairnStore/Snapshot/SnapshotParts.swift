import CairnCore
import Foundation
import Synchronization

/// A snapshot's file, kept open while any part of the world read from it is not yet read: each
/// part is read from it (and checked against its checksum) only when first asked for, so a
/// command reads the few parts its question needs, not the whole file.
///
/// Read, not mapped: a store's `local/` is shared by a team's accounts, and a mapped file that
/// another account cut short would stop this process at the next page it touched. The file
/// stays open, so a snapshot written since (a new file renamed over it) does not change it.
final class SnapshotBytes: @unchecked Sendable {
    private enum Source {
        case file(Int32)
        case memory(UnsafeRawBufferPointer)
    }
    private let source: Source
    let size: Int
    /// Where the snapshot came from, removed once a part of it is found damaged: the next
    /// start reads the journals and writes a sound one.
    private let url: URL?
    /// Set when a part is found damaged (its bytes changed on disk, cut short, or forged under
    /// sound checksums): its values were taken from the journals instead (`recover`).
    private let damaged = Mutex<Bool>(false)
    /// The world as the journals hold it, made once a part is found damaged; nil when there
    /// is none to take (the part is then empty, and the store writes nothing: `Store.write`).
    let recover: Mutex<(@Sendable () -> World?)?> = Mutex(nil)
    private let recovered = Mutex<World??>(nil)
    /// Set when a damaged part could not be taken from the journals either: the world lacks
    /// its values, and nothing is written from it.
    private let lostParts = Mutex<Bool>(false)

    private init(_ source: Source, size: Int, url: URL?) {
        self.source = source
        self.size = size
        self.url = url
    }

    deinit {
        switch source {
        case .file(let fd): close(fd)
        case .memory(let buffer): buffer.deallocate()
        }
    }

    /// The snapshot file, opened; nil when it is not a regular file of this store.
    static func open(_ url: URL) -> SnapshotBytes? {
        guard let fd = InsideStore.openForReading(url) else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else {
            close(fd)
            return nil
        }
        return SnapshotBytes(.file(fd), size: Int(info.st_size), url: url)
    }

    /// A copy of `bytes` (a snapshot made in memory, as the tests make them).
    convenience init(copying bytes: some Collection<UInt8>) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        buffer.copyBytes(from: bytes)
        self.init(.memory(UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count])), size: bytes.count, url: nil)
    }

    /// The bytes from `offset`, `count` of them (fewer where the snapshot ends), in memory of
    /// their own; nil when they cannot be read.
    func load(_ offset: Int, _ count: Int) -> Loaded? {
        guard offset >= 0, count >= 0, offset <= size else { return nil }
        let count = min(count, size - offset)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        switch source {
        case .memory(let all):
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]))
        case .file(let fd):
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    buffer.deallocate()
                    return nil
                }
                done += n
            }
        }
        return Loaded(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), owner: buffer)
    }

    /// The section (`SnapshotWriter.section`) whose length and checksum begin at `offset`.
    func section(at offset: Int) -> SnapshotSection? {
        guard let head = load(offset, 20) else { return nil }
        var r = SnapshotReader(head)
        guard let length = try? r.unsigned(), let sum = try? r.unsigned(), length <= UInt64(size - offset - r.offset) else {
            return nil
        }
        return SnapshotSection(offset: offset + r.offset, length: Int(length), sum: sum)
    }

    /// A section's bytes, checked against its checksum: nil when they do not match.
    func checked(_ section: SnapshotSection, seal: UInt64) -> Loaded? {
        guard let bytes = load(section.offset, section.length), bytes.buffer.count == section.length,
            SnapshotChecksum.of(bytes.buffer, seal: seal) == section.sum
        else { return nil }
        return bytes
    }

    /// Notes a part found damaged, and removes the snapshot so that the next start does not
    /// take it again.
    func fail() {
        let first = damaged.withLock { was in
            defer { was = true }
            return !was
        }
        // Only while it is still this file: a session may have written a sound one since.
        guard first, let url, case .file(let fd) = source else { return }
        var open = stat()
        var now = stat()
        if fstat(fd, &open) == 0, lstat(url.path, &now) == 0, open.st_ino == now.st_ino, open.st_dev == now.st_dev {
            unlink(url.path)
        }
    }

    var isDamaged: Bool { damaged.withLock { $0 } }
    var lost: Bool { lostParts.withLock { $0 } }
    func noteLost() { lostParts.withLock { $0 = true } }

    /// Says where a part found damaged is taken from: the journals in `journals`, folded up to
    /// the snapshot's marks (`Store.journalsWorld`).
    func recoverFrom(_ journals: URL, marks: [StoreSnapshot.Mark], events count: Int) {
        recover.withLock { $0 = { Store.journalsWorld(journals, marks: marks, events: count) } }
    }

    /// The world as the journals hold it, read once, for the parts found damaged.
    var fromJournals: World? {
        recovered.withLock { done in
            if let done { return done }
            let world = recover.withLock { $0 }?()
            done = .some(world)
            return world
        }
    }
}

extension SnapshotReader {
    /// A reader of bytes read from a snapshot, which it keeps alive.
    init(_ loaded: Loaded, from offset: Int = 0) {
        self.init(loaded.buffer, from: offset, owner: loaded)
    }
}

/// Bytes read from a snapshot, freed when the last reader or part that reads them is.
final class Loaded: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let owner: UnsafeMutableRawBufferPointer

    init(_ buffer: UnsafeRawBufferPointer, owner: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
        self.owner = owner
    }

    deinit { owner.deallocate() }
}

/// Where a section's bytes lie in the snapshot, and the checksum they were written with.
struct SnapshotSection: Sendable {
    let offset: Int
    let length: Int
    let sum: UInt64
    var end: Int { offset + length }
}

/// One part of a snapshot (a kind's records, or what the fold keeps beside them), read the
/// first time anything in it is asked for, and checked then. A part whose bytes do not match
/// their checksum, or do not read, is taken from the journals instead (`SnapshotBytes.recover`).
final class SnapshotPart<Decoded: Sendable>: Sendable {
    private let bytes: SnapshotBytes
    private let body: SnapshotSection
    /// The checksum of each block of the body (`SnapshotBlocks`).
    private let blocks: SnapshotSection
    /// Where its entries lie by key (`SnapshotKeys`).
    private let keys: [SnapshotSection]
    private let seal: UInt64
    private let decode: @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> Decoded
    private let fromWorld: @Sendable (World) -> Decoded
    private let empty: Decoded
    private let decoded = Mutex<Decoded?>(nil)
    private let loaded = Mutex<[Int: Loaded]>([:])
    private let lookups = Mutex(0)
    /// Entries read one by one before the part is read whole.
    static var lookupsBeforeWhole: Int { 256 }

    init(
        _ bytes: SnapshotBytes, _ body: SnapshotSection, blocks: SnapshotSection, keys: [SnapshotSection], seal: UInt64,
        empty: Decoded,
        fromWorld: @escaping @Sendable (World) -> Decoded,
        decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> Decoded
    ) {
        self.bytes = bytes
        self.body = body
        self.blocks = blocks
        self.keys = keys
        self.seal = seal
        self.empty = empty
        self.fromWorld = fromWorld
        self.decode = decode
    }

    /// A section of this part (its body, or its keys), read and checked once.
    private func section(_ s: SnapshotSection) -> Loaded? {
        if let done = loaded.withLock({ $0[s.offset] }) { return done }
        guard let read = bytes.checked(s, seal: seal) else { return nil }
        loaded.withLock { $0[s.offset] = read }
        return read
    }

    /// What one entry holds, found by its key (`SnapshotKeys`) and read alone: `.some(nil)`
    /// when there is none, nil when the caller is to read the part whole (it is damaged, and
    /// taken from the journals, or many entries were asked for already).
    func entry<V>(
        _ key: String, keys: SnapshotSection,
        _ read: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: V)
    ) -> V?? {
        // A question that goes through many entries (every cluster's members, for a list of
        // them all) reads the part whole: one read, not thousands.
        let asked = lookups.withLock { n in
            n += 1
            return n
        }
        guard !bytes.isDamaged, asked <= Self.lookupsBeforeWhole else { return nil }
        guard let index = section(keys) else {
            bytes.fail()
            return nil
        }
        for range in SnapshotKeys.offsets(of: key, in: index.buffer) {
            guard let (blocks, at) = span(range) else {
                bytes.fail()
                return nil
            }
            let found = withExtendedLifetime(blocks) { () -> (key: String, value: V)? in
                var r = SnapshotReader(UnsafeRawBufferPointer(rebasing: blocks.buffer[at]))
                r.seal = seal
                guard let found = try? read(&r), r.isAtEnd else { return nil }
                return found
            }
            guard let found else {
                bytes.fail()
                return nil
            }
            if found.key == key { return .some(found.value) }
        }
        return .some(nil)
    }

    /// Whether the keys in `keys` name each of `ids`, none twice (by their hash: a list is
    /// drawn from ids so found, each record read when it is shown); nil when the keys cannot be read.
    func holdsEachOnce(_ ids: [String], keys: SnapshotSection) -> Bool? {
        guard !bytes.isDamaged, let index = section(keys) else { return nil }
        return withExtendedLifetime(index) { SnapshotKeys.nameEachOnce(ids, in: index.buffer) }
    }

    /// The bytes of `range` of the body, checked block by block: the blocks read, and where in
    /// them the range lies. Nil when they cannot be read or do not match their checksums.
    private func span(_ range: Range<Int>) -> (Loaded, Range<Int>)? {
        guard !range.isEmpty, range.upperBound <= body.length, let sums = section(blocks) else { return nil }
        let size = SnapshotBlocks.size
        let (first, last) = (range.lowerBound / size, (range.upperBound - 1) / size)
        let (start, end) = (first * size, min((last + 1) * size, body.length))
        guard let read = bytes.load(body.offset + start, end - start), read.buffer.count == end - start else { return nil }
        for block in first...last {
            let at = (block - first) * size
            let part = UnsafeRawBufferPointer(rebasing: read.buffer[at..<min(at + size, read.buffer.count)])
            guard SnapshotChecksum.of(part, seal: seal) == SnapshotBlocks.sum(block, in: sums.buffer) else { return nil }
        }
        return (read, (range.lowerBound - start)..<(range.upperBound - start))
    }

    /// Goes through the part's bytes with `walk`, nothing of it kept (`cairn check` compares a
    /// national store's parts so); nil when the part is read already, or its bytes are damaged
    /// or do not read: it is then read whole, and a damaged one taken from the journals.
    func walk(_ walk: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> Bool) -> Bool? {
        guard decoded.withLock({ $0 == nil }), !bytes.isDamaged else { return nil }
        // Every section checked, as a read of the whole part checks them.
        defer { loaded.withLock { $0 = [:] } }
        guard ([blocks] + keys).allSatisfy({ section($0) != nil }), let part = bytes.checked(body, seal: seal) else { return nil }
        var r = SnapshotReader(part)
        r.seal = seal
        guard let told = try? walk(&r) else { return nil }
        if told, !r.isAtEnd { return nil }
        return told
    }

    var value: Decoded {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            var value: Decoded?
            // Read whole, every section of the part is checked: its blocks' sums and its keys
            // too, so that no byte of it goes unchecked once a command has gone through it.
            let sound = ([blocks] + keys).allSatisfy { section($0) != nil }
            if sound, let part = section(body) {
                var r = SnapshotReader(part)
                r.seal = seal
                if let read = try? decode(&r), r.isAtEnd { value = read }
            }
            if value == nil {
                bytes.fail()
                if let world = bytes.fromJournals {
                    value = fromWorld(world)
                } else {
                    bytes.noteLost()
                    value = empty
                }
            }
            // Read whole, no entry is looked up in it again: none of its sections is kept.
            loaded.withLock { $0 = [:] }
            decoded = value
            return value!
        }
    }
}

/// A table's values as a snapshot's part gives them, read the first time they are asked for:
/// all of them when the table is gone through, one when a value is asked for by its id.
final class StoredTable<Value: Sendable>: StoredValues {
    private let declared: Int?
    private let read: @Sendable () -> [String: Value]
    private let one: (@Sendable (String) -> Value??)?
    private let table = Mutex<[String: Value]?>(nil)

    private let holds: (@Sendable ([String]) -> Bool?)?
    private let matches: (@Sendable (World) -> Bool?)?

    /// - Parameter count: how many values `read` gives, when known without it.
    /// - Parameter one: the value of one id, read alone (nil: `read` whole); it gives nil when
    ///   it cannot tell, and the values are then read whole.
    /// - Parameter holds: whether the part's keys name every one of some ids (nil: it cannot
    ///   tell, and the values are read whole).
    /// - Parameter matches: whether the part holds a world's values of this table, gone
    ///   through one at a time (nil: it cannot tell, and the values are read whole).
    init(
        count: Int?, read: @escaping @Sendable () -> [String: Value], one: (@Sendable (String) -> Value??)? = nil,
        holds: (@Sendable ([String]) -> Bool?)? = nil, matches: (@Sendable (World) -> Bool?)? = nil
    ) {
        declared = count
        self.read = read
        self.one = one
        self.holds = holds
        self.matches = matches
    }

    func matchOneByOne(_ world: World) -> Bool? { isRead ? nil : matches?(world) }

    func holdsEachOnce(_ ids: [String]) -> Bool {
        if !isRead, let holds, let told = holds(ids) { return told }
        let all = values
        return Set(ids).count == ids.count && ids.allSatisfy { all[$0] != nil }
    }

    func value(_ id: String) -> Value? {
        if let all = table.withLock({ $0 }) { return all[id] }
        if let one, let found = one(id) { return found }
        return values[id]
    }

    var count: Int { table.withLock { $0?.count } ?? declared ?? values.count }

    var values: [String: Value] {
        table.withLock { table in
            if let table { return table }
            let all = read()
            table = all
            return all
        }
    }

    var isRead: Bool { table.withLock { $0 != nil } }
}

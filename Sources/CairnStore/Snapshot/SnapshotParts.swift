import CairnCore
import Foundation
import Synchronization

/// A snapshot's bytes, read whole into memory this process owns and kept while any part of the
/// world read from them is not yet read: the tables a command never asks for are never decoded.
///
/// Read, not mapped: a store's `local/` is shared by a team's accounts, and a mapped file that
/// another account cut short would stop this process at the next page it touched.
final class SnapshotBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    /// Set when a part's records do not have the form written (a snapshot whose checksums were
    /// forged, or a fault of this Cairn): the store refuses to write from this world.
    let damaged = Mutex<Bool>(false)

    private init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = UnsafeRawBufferPointer(buffer) }

    deinit { buffer.deallocate() }

    /// The file's bytes, or nil when it is not a regular file of this store that reads whole.
    static func read(_ url: URL) -> SnapshotBytes? {
        guard let fd = InsideStore.openForReading(url) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        var done = 0
        while done < size {
            let n = pread(fd, buffer.baseAddress! + done, size - done, off_t(done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                buffer.deallocate()
                return nil
            }
            done += n
        }
        return SnapshotBytes(buffer)
    }

    /// A copy of `bytes` (a snapshot made in memory, as the tests make them).
    convenience init(copying bytes: some Collection<UInt8>) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        buffer.copyBytes(from: bytes)
        self.init(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]))
    }

    func fail() { damaged.withLock { $0 = true } }
    var isDamaged: Bool { damaged.withLock { $0 } }
}

/// One part of a snapshot (a kind's records, or what the fold keeps beside them), decoded the
/// first time anything in it is asked for. Its checksum was checked when the snapshot was
/// opened; a part whose bytes still do not read is taken as empty and the snapshot marked
/// damaged (`SnapshotBytes.damaged`).
final class SnapshotPart<Decoded: Sendable>: Sendable {
    private let bytes: SnapshotBytes
    private let reader: SnapshotReader.Span
    private let decode: @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> Decoded
    private let empty: Decoded
    private let decoded = Mutex<Decoded?>(nil)

    init(
        _ bytes: SnapshotBytes, _ reader: SnapshotReader, empty: Decoded,
        decode: @escaping @Sendable (inout SnapshotReader) throws(SnapshotReader.Damaged) -> Decoded
    ) {
        self.bytes = bytes
        self.reader = reader.span
        self.empty = empty
        self.decode = decode
    }

    /// The value of one entry, found by its key (`SnapshotKeys`) and read alone; nil when there
    /// is none. An entry that does not read marks the snapshot damaged.
    func entry<V>(
        _ key: String, keys: SnapshotReader.Span,
        _ read: (inout SnapshotReader) throws(SnapshotReader.Damaged) -> (key: String, value: V)
    ) -> V? {
        let buffer = bytes.buffer
        let index = UnsafeRawBufferPointer(rebasing: buffer[keys.offset..<keys.end])
        for offset in SnapshotKeys.offsets(of: key, in: index) {
            guard offset < reader.end - reader.offset else {
                bytes.fail()
                return nil
            }
            var r = SnapshotReader(
                span: SnapshotReader.Span(offset: reader.offset + offset, end: reader.end, seal: reader.seal), in: buffer)
            do {
                let found = try read(&r)
                if found.key == key { return found.value }
            } catch {
                bytes.fail()
                return nil
            }
        }
        return nil
    }

    var value: Decoded {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            var r = SnapshotReader(span: reader, in: bytes.buffer)
            let value: Decoded
            do {
                value = try decode(&r)
                guard r.isAtEnd else { throw SnapshotReader.Damaged(at: r.offset) }
            } catch {
                bytes.fail()
                decoded = empty
                return empty
            }
            decoded = value
            return value
        }
    }
}

extension SnapshotReader {
    /// Where a reader stands and ends, without the pointer: kept by a part that reads later.
    struct Span: Sendable {
        let offset: Int
        let end: Int
        let seal: UInt64
    }

    var span: Span { Span(offset: offset, end: offset + length, seal: seal) }

    init(span: Span, in buffer: UnsafeRawBufferPointer) {
        self.init(buffer, from: span.offset)
        self = section(span.end - span.offset)
        seal = span.seal
    }
}

/// A table's values as a snapshot's part gives them, read the first time they are asked for:
/// all of them when the table is gone through, one when a value is asked for by its id.
final class StoredTable<Value: Sendable>: StoredValues {
    private let declared: Int?
    private let read: @Sendable () -> [String: Value]
    private let one: (@Sendable (String) -> Value?)?
    private let table = Mutex<[String: Value]?>(nil)

    /// - Parameter count: how many values `read` gives, when known without it.
    /// - Parameter one: the value of one id, read alone (nil: `read` whole).
    init(count: Int?, read: @escaping @Sendable () -> [String: Value], one: (@Sendable (String) -> Value?)? = nil) {
        declared = count
        self.read = read
        self.one = one
    }

    func value(_ id: String) -> Value? {
        if let all = table.withLock({ $0 }) { return all[id] }
        if let one { return one(id) }
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

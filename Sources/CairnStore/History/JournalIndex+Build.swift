import CairnCore
import Foundation

extension JournalIndex {
    /// A line whose event names a record (by the hash of its id), and where it lies.
    struct Entry {
        var hash: UInt64
        var offset: UInt32
        var length: UInt32
    }

    /// Brings the indexes of the journals up to the snapshot's marks, on both cores. Quietly
    /// leaves one alone when it cannot be written (a link, a full disk): it is only a faster read.
    static func update(_ marks: [StoreSnapshot.Mark], store: URL, access: StoreAccess) {
        let journals = StoreLayout.journalFolder(store)
        let folder = journals.path + "/"
        DispatchQueue.concurrentPerform(iterations: marks.count) { k in
            let m = marks[k]
            update(URL(filePath: folder + m.file, directoryHint: .notDirectory), to: m.offset, line: m.line, store: store, access: access)
        }
    }

    /// Brings the index of `journal` up to `offset` (a line's end, `line` the line there): on
    /// from where a fitting index reached, else from the journal's start.
    static func update(_ journal: URL, to offset: Int, line: Int, store: URL, access: StoreAccess) {
        // An entry's place is four bytes: a longer journal is read whole, as before.
        guard offset <= UInt32.max, let fd = InsideStore.openForReading(journal) else { return }
        defer { close(fd) }
        // The index it had, checked against this very file, which is then read on.
        var index: JournalIndex?
        var entries: [Entry] = []
        if let old = JournalIndexFile.open(journal, store: store, journalFD: fd) {
            // One that did not note how it saw its journal is written anew, noting it.
            guard old.index.mark.offset < offset || old.index.mark.seen == nil else { return }
            if let kept = old.entries() {
                index = old.index
                entries = kept
            }
        }
        guard var mark = StoreSnapshot.fingerprint(fd, file: journal.lastPathComponent, offset: offset, line: line),
            (try? StoreFiles.createFolder(StoreLayout.localFolder(store), mode: access.folderMode, store: store)) != nil,
            (try? StoreFiles.createFolder(folder(store), mode: access.folderMode, store: store)) != nil
        else { return }
        // The chain's link there: a copy of the journal (a restored backup) is known by it.
        mark.link = StoreSnapshot.link(fd, journal: journal.lastPathComponent, at: offset) ?? []
        var built = index ?? JournalIndex(mark: mark)
        guard built.read(fd, from: index?.mark.offset ?? 0, to: offset, into: &entries) else { return }
        built.mark = mark
        try? StoreFiles.write(
            Data(built.encoded(entries)), to: file(of: journal, store: store), mode: access.fileMode, flushed: false, store: store)
    }

    /// Reads the journal's lines from `start` to `end` (both at a line's start), a few MiB at a
    /// time; false when they are not whole lines.
    private mutating func read(_ fd: Int32, from start: Int, to end: Int, into entries: inout [Entry]) -> Bool {
        let decoder = JSONDecoder()
        var at = start
        var chunk = 8 << 20
        while at < end {
            var bytes = [UInt8](repeating: 0, count: min(chunk, end - at))
            guard bytes.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, $0.count, off_t(at)) }) == bytes.count else { return false }
            guard let last = bytes.lastIndex(of: 0x0A) else {
                // A line longer than the chunk: a larger one.
                guard at + chunk < end else { return false }
                chunk *= 2
                continue
            }
            bytes.withUnsafeBufferPointer { all in
                var lineStart = 0
                while lineStart <= last {
                    let found = memchr(all.baseAddress! + lineStart, 0x0A, last + 1 - lineStart)!
                    let lineEnd = all.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if lineEnd > lineStart {
                        note(UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), at: at + lineStart, decoder: decoder, into: &entries)
                    }
                    lineStart = lineEnd + 1
                }
            }
            at += last + 1
        }
        return true
    }

    /// Notes one line: its stamp and authors, as `Store.changesSince` reads them, and the
    /// record its event names.
    private mutating func note(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, decoder: JSONDecoder, into entries: inout [Entry]) {
        let head = JournalTail.atPrefix
        if line.count > head.count + Self.stampBytes, line.starts(with: head) {
            stamped += 1
            let stamp = String(decoding: line[head.count..<(head.count + Self.stampBytes)], as: UTF8.self)
            if earliest.map({ stamp.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true { earliest = stamp }
            if latest.map({ $0.utf8.lexicographicallyPrecedes(stamp.utf8) }) ?? true { latest = stamp }
            for author in Self.authors(line) { authors[author, default: 0] += 1 }
        }
        guard case .success(let event) = JournalReader.event(in: line, decoder: decoder) else { return }
        entries.append(Entry(hash: SnapshotKeys.hash(event.change.recordID), offset: UInt32(offset), length: UInt32(line.count)))
    }

    /// Every value a line gives after `"by":"`, up to the next quote: a line holds
    /// `"by":"ana"` exactly when `ana` is among them.
    static func authors(_ line: UnsafeBufferPointer<UInt8>) -> Set<[UInt8]> {
        let key = Array("\"by\":\"".utf8)
        var found: Set<[UInt8]> = []
        var i = 0
        while i + key.count < line.count, let hit = memchr(line.baseAddress! + i, 0x22, line.count - i - key.count) {
            let at = line.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard line[at..<(at + key.count)].elementsEqual(key) else {
                i = at + 1
                continue
            }
            let valueStart = at + key.count
            guard let quote = line[valueStart...].firstIndex(of: 0x22) else { break }
            found.insert(Array(line[valueStart..<quote]))
            // On from the byte after this key's quote: `"by":"by":"ana"` names `by":` and `ana`.
            i = at + 1
        }
        return found
    }

    /// The file: the magic, a checked head (the mark, the counts, and each run's size and
    /// checksum), then the entries sorted by hash, in 256 runs by the hash's first byte.
    /// - Parameter current: false to write it as the format before wrote it.
    func encoded(_ entries: [Entry], current: Bool = true) -> [UInt8] {
        let sorted = entries.sorted { ($0.hash, $0.offset) < ($1.hash, $1.offset) }
        var body = SnapshotWriter(capacity: sorted.count * SnapshotKeys.entryBytes)
        var head = SnapshotWriter()
        head.number(current ? Self.format : Self.formatBefore)
        mark.write(to: &head)
        if current {
            head.bool(mark.seen != nil)
            mark.seen?.write(to: &head)
            head.number(mark.link.count)
            head.raw(mark.link)
        }
        head.number(stamped)
        head.optionalText(earliest)
        head.optionalText(latest)
        head.number(authors.count)
        for (author, count) in authors.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            head.number(author.count)
            head.raw(author)
            head.number(count)
        }
        var next = 0
        for r in 0..<256 {
            let start = body.bytes.count
            var count = 0
            while next < sorted.count, Int(sorted[next].hash >> 56) == r {
                let e = sorted[next]
                withUnsafeBytes(of: e.hash.littleEndian) { body.raw(Array($0)) }
                withUnsafeBytes(of: e.offset.littleEndian) { body.raw(Array($0)) }
                withUnsafeBytes(of: e.length.littleEndian) { body.raw(Array($0)) }
                next += 1
                count += 1
            }
            head.number(count)
            head.unsigned(body.bytes.withUnsafeBytes { SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: $0[start...])) })
        }
        var file = SnapshotWriter(capacity: 4096 + body.bytes.count)
        file.raw(Self.magic)
        file.section(head)
        file.raw(body.bytes)
        return file.bytes
    }
}

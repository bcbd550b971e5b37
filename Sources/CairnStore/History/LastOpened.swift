import CairnCore
import Foundation

/// When this person last opened Cairn on this copy of the store, kept in
/// `local/opened/<user>` (never in git), so that Home can say what changed since.
public struct LastOpened: Sendable, Equatable {
    /// The event time of that opening (`2026-12-01T14:02:11.000Z`).
    public var at: String
    /// Changes by others made since, newest last.
    public var changes: Int
}

extension Store {
    static func openedFile(_ directory: URL, user: String) -> URL {
        let safe = String(user.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
        return StoreLayout.localFolder(directory).appendingPathComponent("opened/\(safe.isEmpty ? "someone" : safe)")
    }

    /// Reads when this person last opened the store, counts what others changed since, and
    /// marks now as the last opening. Nil the first time (or for a store that cannot be written).
    public func markOpened(now: Date = Date()) -> LastOpened? {
        noteOpened(now: now).map { LastOpened(at: $0, changes: changesSince($0, notBy: identity.user)) }
    }

    /// Marks now as this person's last opening, and returns the one before (nil the first
    /// time): the count of what changed since can then wait for the first frame.
    public func noteOpened(now: Date = Date()) -> String? {
        let file = Self.openedFile(directory, user: identity.user)
        let before = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if readOnlyReason == nil {
            try? StoreFiles.createFolder(file.deletingLastPathComponent(), mode: access.folderMode, store: directory)
            try? StoreFiles.write(
                Data((Event.timestamp(now) + "\n").utf8), to: file, mode: access.fileMode, flushed: false, store: directory)
        }
        guard let before, Event.orderKey(before) != 0 else { return nil }
        return before
    }

    /// How many events after `at` were written by someone other than `user`. Each journal is
    /// written by one copy in time order, so each is read back from its end only as far as
    /// `at`, comparing bytes: opening a national store is not held up by its whole trail. A
    /// journal whose index says every line it covers is later is read only past the index,
    /// the rest counted from it.
    public func changesSince(_ at: String, notBy user: String) -> Int {
        _ = try? journalFiles()
        return changesSinceCounter(at, notBy: user)()
    }

    /// `changesSince` over the journals as last listed, as work for another thread: it reads
    /// files only, so a session counts while it answers its first key.
    public func changesSinceCounter(_ at: String, notBy user: String) -> @Sendable () -> Int {
        let journals = journalNames.compactMap { name in journalListing[name].map { (name: name, url: $0, seen: journalStats[name]) } }
        let (directory, indexes) = (directory, JournalIndex.folder(directory).path)
        return { Store.count(since: at, notBy: user, in: journals, store: directory, indexes: indexes) }
    }

    private static func count(
        since at: String, notBy user: String, in journals: [(name: String, url: URL, seen: JournalStat?)], store directory: URL,
        indexes: String
    ) -> Int {
        let since = Array(at.utf8)
        let by = Array("\"by\":\"\(user)\"".utf8)
        var count = 0
        for (name, file, seen) in journals {
            let index = JournalIndexFile.open(file, store: directory, now: seen, file: JournalIndex.file(named: name, in: indexes))?.index
            let counted = index?.countedSince(at, notBy: user)
            // Counted whole from its index: nothing past it to read.
            if let counted, let index, let seen, index.mark.offset == seen.size {
                count += counted
                continue
            }
            var earlierFound = false
            JournalTail.lines(of: file, downTo: counted == nil ? 0 : index?.mark.offset ?? 0) { line in
                // A line starts `{"at":"2026-12-01T14:02:11.000Z"`: its time, compared as text.
                let head = JournalTail.atPrefix
                guard line.count > head.count + since.count, line.starts(with: head) else { return true }
                let stamp = line[(line.startIndex + head.count)..<(line.startIndex + head.count + since.count)]
                if !stamp.lexicographicallyPrecedes(since) && !stamp.elementsEqual(since) {
                    if !JournalTail.contains(line, by) { count += 1 }
                    return true
                }
                earlierFound = true
                return false
            }
            if !earlierFound, let counted { count += counted }
        }
        return count
    }
}

/// A journal read from its end, line by line, in chunks, as bytes.
enum JournalTail {
    static let atPrefix = Array("{\"at\":\"".utf8)

    /// Calls `visit` with each complete line from the last to the first (or to the one that
    /// starts at `floor`), until it returns false.
    static func lines(of url: URL, downTo floor: Int = 0, _ visit: (ArraySlice<UInt8>) -> Bool) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return }
        defer { try? handle.close() }
        guard var end = try? handle.seekToEnd() else { return }
        // A few KiB first: the reader that stops at the last line or two (a journal with
        // nothing new) reads no more than that.
        var chunk: UInt64 = 16 * 1024
        let floor = min(UInt64(floor), end)
        var carry: [UInt8] = []
        while end > floor {
            defer { chunk = min(chunk * 2, 256 * 1024) }
            let start = end > floor + chunk ? end - chunk : floor
            try? handle.seek(toOffset: start)
            guard let data = try? handle.read(upToCount: Int(end - start)) else { return }
            let block = [UInt8](data) + carry
            // Lines from the end; the first piece may be a line cut by the chunk's start, kept
            // for the next round.
            var stop = block.count
            var i = block.count - 1
            while i >= 0 {
                if block[i] == 0x0A {
                    if stop > i + 1, !visit(block[(i + 1)..<stop]) { return }
                    stop = i
                }
                i -= 1
            }
            carry = Array(block[0..<stop])
            if start == floor, !carry.isEmpty { _ = visit(carry[...]) }
            end = start
        }
    }

    /// The events of `url` stamped at or after `since` (a day or a full stamp, compared on its
    /// length), read from the end.
    static func events(in url: URL, since: String) -> [Event] {
        let key = Array(since.utf8)
        var found: [ArraySlice<UInt8>] = []
        lines(of: url) { line in
            guard line.count > atPrefix.count + key.count, line.starts(with: atPrefix) else { return true }
            let stamp = line.dropFirst(atPrefix.count).prefix(key.count)
            if stamp.lexicographicallyPrecedes(key) { return false }
            found.append(line)
            return true
        }
        var data = Data()
        for line in found.reversed() {
            data.append(contentsOf: line)
            data.append(0x0A)
        }
        return JournalReader.parse(data, file: url.lastPathComponent, baseOffset: 0, firstLine: 1).events
    }

    static func contains(_ line: ArraySlice<UInt8>, _ key: [UInt8]) -> Bool {
        line.withUnsafeBytes { raw in raw.baseAddress.map { JournalReader.find(key, in: $0, count: raw.count) } ?? false }
    }
}

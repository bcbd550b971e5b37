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
        let file = Self.openedFile(directory, user: identity.user)
        let before = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if readOnlyReason == nil {
            try? StoreFiles.createFolder(file.deletingLastPathComponent(), mode: access.folderMode)
            try? StoreFiles.write(Data((Event.timestamp(now) + "\n").utf8), to: file, mode: access.fileMode)
        }
        guard let before, Event.orderKey(before) != 0 else { return nil }
        return LastOpened(at: before, changes: changesSince(before, notBy: identity.user))
    }

    /// How many events after `at` were written by someone other than `user`. Each journal is
    /// written by one copy in time order, so each is read back from its end only as far as
    /// `at`: opening a national store is not held up by its whole trail.
    public func changesSince(_ at: String, notBy user: String) -> Int {
        let since = Event.orderKey(at)
        var count = 0
        for file in (try? journalFiles()) ?? [] {
            JournalTail.lines(of: file) { line in
                guard let stamp = JournalTail.value(of: "at", in: line) else { return true }
                if Event.orderKey(stamp) <= since { return false }
                if JournalTail.value(of: "by", in: line) != user { count += 1 }
                return true
            }
        }
        return count
    }
}

/// A journal read from its end, line by line, in chunks.
enum JournalTail {
    /// Calls `visit` with each complete line from the last to the first, until it returns false.
    static func lines(of url: URL, _ visit: (Substring) -> Bool) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return }
        defer { try? handle.close() }
        guard var end = try? handle.seekToEnd() else { return }
        let chunk: UInt64 = 256 * 1024
        var carry = Data()
        while end > 0 {
            let start = end > chunk ? end - chunk : 0
            try? handle.seek(toOffset: start)
            guard let data = try? handle.read(upToCount: Int(end - start)) else { return }
            var block = data + carry
            // The first piece may be a line cut by the chunk's start: kept for the next round.
            var pieces = block.split(separator: 0x0A, omittingEmptySubsequences: false)
            carry = start > 0 ? Data(pieces.removeFirst()) : Data()
            for piece in pieces.reversed() where !piece.isEmpty {
                if !visit(Substring(decoding: piece, as: UTF8.self)) { return }
            }
            block.removeAll()
            end = start
        }
        if !carry.isEmpty { _ = visit(Substring(decoding: carry, as: UTF8.self)) }
    }

    /// The string value of a top-level `"key":"…"` in a journal line (the writer puts them
    /// before the record, so the first match is the event's own).
    static func value(of key: String, in line: Substring) -> String? {
        guard let r = line.range(of: "\"\(key)\":\"") else { return nil }
        let rest = line[r.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }
}

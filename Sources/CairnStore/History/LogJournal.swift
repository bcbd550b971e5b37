import CairnCore
import CairnWords
import Foundation

/// Which lines of a journal the log reads.
enum LogScope: Sendable {
    /// The lines that name this record's id, its own events among them.
    case record(String)
    /// From the end back to the first line stamped before this time (a day or a full stamp,
    /// compared on its length).
    case since(String)
    /// Every line, commits only whole.
    case all
}

/// One journal as the log reads it: surveyed once (its events counted, its order checked,
/// where its slices lie), then read back from its end a batch at a time, so that the log holds
/// a batch of each journal it merges, never the whole trail.
struct LogJournal {
    /// Bytes of a slice read at a time for `.all`: above 1 MiB a slice parses on both cores.
    static let sliceBytes = 4 << 20

    let url: URL
    let scope: LogScope
    /// Bytes read at a time: a slice forward, a chunk back.
    let readBytes: Int
    /// Its size when surveyed: what is appended after that is left to the next log, so both
    /// readings see the same lines.
    let size: Int
    /// For `.all`: each slice's offset, first line and length, as the survey read them forward
    /// (a commit is never cut between two).
    private(set) var slices: [(offset: Int, line: Int, bytes: Int)] = []
    /// The order of its newest event, nil when it has none.
    private(set) var newest: EventOrder?
    /// False when its events are not in the hybrid clock's order (written by hand or by an
    /// old version): journals can then not be merged as they are read.
    private(set) var inOrder = true
    /// For `.record`: the record's lines up to where the journal's index reaches
    /// (`covered`), as the index gives them; what lies past it is read back as before.
    private(set) var indexed: (covered: Int, lines: [Range<Int>])?
    /// The journal as the store's listing saw it, when it was given.
    private let seen: JournalStat?

    /// - Parameter seen: the journal as the store's listing saw it a moment ago, its size
    ///   taken from there; nil to look.
    init(_ url: URL, scope: LogScope, readBytes: Int = LogJournal.sliceBytes, seen: JournalStat? = nil) {
        self.url = url
        self.scope = scope
        self.readBytes = readBytes
        self.seen = seen
        size = seen?.size ?? InsideStore.size(url)
    }

    /// Takes the record's lines from the journal's index in `store`'s `local/`, when there is
    /// one that fits.
    ///
    /// - Parameter index: the index's file, when the caller made it.
    mutating func takeIndex(store: URL, index: URL? = nil) {
        guard case .record(let id) = scope, let file = JournalIndexFile.open(url, store: store, now: seen, file: index),
            file.index.mark.offset <= size, let lines = file.lines(of: id)
        else { return }
        indexed = (file.index.mark.offset, lines)
    }

    /// Visits every event the scope reads, in no promised order, noting the newest and
    /// whether they stand in order.
    mutating func survey(_ visit: (Event) -> Void) throws(StoreError) {
        if case .all = scope {
            try surveyForward(visit)
            return
        }
        // Indexed whole, and the record not in it: nothing to open.
        if let indexed, indexed.covered == size, indexed.lines.isEmpty { return }
        var reading = try LogReading(self)
        var later: Event?
        while let batch = try reading.olderBatch() {
            for event in batch {
                if let later {
                    if Event.precedes(later, event) { inOrder = false }
                } else {
                    newest = EventOrder(event)
                }
                later = event
                visit(event)
            }
        }
    }

    /// `.all` read forward in slices, each ending before a line or commit it would cut.
    private mutating func surveyForward(_ visit: (Event) -> Void) throws(StoreError) {
        var offset = 0
        var line = 1
        var earlier: Event?
        while offset < size {
            var limit = min(readBytes, size - offset)
            var result = try JournalReader.read(url, from: offset, firstLine: line, maxBytes: limit)
            // A commit longer than the slice: a larger one rather than stop short.
            while offset + limit < size && result.endOffset == offset {
                limit = min(limit * 2, size - offset)
                result = try JournalReader.read(url, from: offset, firstLine: line, maxBytes: limit)
            }
            slices.append((offset, line, limit))
            for event in result.events {
                if let earlier, Event.precedes(event, earlier) { inOrder = false }
                earlier = event
                visit(event)
            }
            line += result.linesRead
            offset = offset + limit >= size ? size : result.endOffset
        }
        newest = earlier.map(EventOrder.init)
    }
}

/// A surveyed journal read back from its end, a batch of events at a time.
struct LogReading {
    private let journal: LogJournal
    private var lines: BackwardLines?
    private var slice: Int
    private var stopped = false
    /// The lines the index gave, still to be read (after the lines past it).
    private var indexed: [Range<Int>]?

    init(_ journal: LogJournal) throws(StoreError) {
        self.journal = journal
        slice = journal.slices.count
        switch journal.scope {
        case .all: break
        case .record:
            indexed = journal.indexed?.lines
            do {
                lines = try BackwardLines(
                    journal.url, upTo: journal.size, downTo: journal.indexed?.covered ?? 0, chunkBytes: journal.readBytes)
            } catch {
                throw StoreError(
                    Words.say(
                        "cannot read {path}: {reason}", context: "store", ["path": journal.url.path, "reason": error.localizedDescription]))
            }
        case .since:
            // A journal that cannot be opened has nothing since, as on Home.
            lines = try? BackwardLines(journal.url, upTo: journal.size, chunkBytes: journal.readBytes)
            stopped = lines == nil
        }
    }

    /// The next events back, the newest first; nil once the journal's start (or, since a
    /// time, the first line before it) is passed. A batch may be empty.
    mutating func olderBatch() throws(StoreError) -> [Event]? {
        switch journal.scope {
        case .all:
            guard slice > 0 else { return nil }
            slice -= 1
            let s = journal.slices[slice]
            return try JournalReader.read(journal.url, from: s.offset, firstLine: s.line, maxBytes: s.bytes).events.reversed()
        case .record(let id):
            var chunk = lines?.next()
            if chunk == nil, let ranges = indexed {
                indexed = nil
                chunk = try Self.lines(ranges, of: journal.url)
            }
            guard let chunk else { return nil }
            let needle = Array("\"\(id)\"".utf8)
            return Self.parse(chunk.filter { JournalTail.contains($0, needle) }).filter { $0.change.recordID == id }
        case .since(let since):
            guard !stopped, let chunk = lines?.next() else { return nil }
            let key = Array(since.utf8)
            let head = JournalTail.atPrefix
            var kept: [ArraySlice<UInt8>] = []
            for line in chunk {
                guard line.count > head.count + key.count, line.starts(with: head) else { continue }
                if line.dropFirst(head.count).prefix(key.count).lexicographicallyPrecedes(key) {
                    stopped = true
                    break
                }
                kept.append(line)
            }
            return Self.parse(kept)
        }
    }

    /// The lines at `ranges` of the journal, last first: each read where the index says it
    /// lies, and left out unless it stands whole between two line breaks there.
    private static func lines(_ ranges: [Range<Int>], of url: URL) throws(StoreError) -> [ArraySlice<UInt8>] {
        guard let fd = InsideStore.openForReading(url) else {
            throw StoreError(
                Words.say(
                    "cannot read {path}: {reason}", context: "store",
                    ["path": url.path, "reason": Words.say("it is a link, or not a file", context: "store")]))
        }
        defer { close(fd) }
        var found: [ArraySlice<UInt8>] = []
        for range in ranges.reversed() {
            let start = max(range.lowerBound - 1, 0)
            var bytes = [UInt8](repeating: 0, count: range.upperBound + 1 - start)
            guard bytes.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, $0.count, off_t(start)) }) == bytes.count,
                bytes.last == 0x0A, start == range.lowerBound || bytes.first == 0x0A
            else { continue }
            let line = bytes[(range.lowerBound - start)..<(bytes.count - 1)]
            guard !line.contains(0x0A) else { continue }
            found.append(line)
        }
        return found
    }

    /// Lines given last first, parsed as the lines of one file; the events come back last first.
    private static func parse(_ lines: [ArraySlice<UInt8>]) -> [Event] {
        guard !lines.isEmpty else { return [] }
        var data = Data(capacity: lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines.reversed() {
            data.append(contentsOf: line)
            data.append(0x0A)
        }
        return JournalReader.parseInParallel(data, file: "", baseOffset: 0, firstLine: 1).events.reversed()
    }
}

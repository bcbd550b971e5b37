import CairnCore
import Foundation

/// A full read that folds each event as it is read: every journal is read a slice at a time,
/// and the files are merged by the events' order, so that memory follows the world, not the
/// length of its history (held in one array, every event ever written is in memory at once).
extension Store {
    /// Bytes of a journal read at a time in a full read.
    public static let readSliceBytes = 8 << 20

    /// One journal file, read a slice at a time, its events in the file's order.
    struct JournalStream {
        let url: URL
        let size: Int
        let sliceBytes: Int
        var offset = 0
        var line = 1
        var pending: [Event] = []
        var next = 0
        var problems: [JournalProblem] = []
        /// The order of the last event taken: a file whose own events are out of order cannot be
        /// merged this way.
        var last: EventOrder?

        init(_ url: URL, sliceBytes: Int) {
            self.url = url
            self.sliceBytes = sliceBytes
            size = InsideStore.size(url)
        }

        /// The next event, reading the next slice when the last is used up; nil at the end.
        mutating func head(_ store: Store) throws(StoreError) -> Event? {
            while next == pending.count {
                guard offset < size else { return nil }
                try readSlice(store)
            }
            return pending[next]
        }

        mutating func take() -> Event {
            defer { next += 1 }
            return pending[next]
        }

        private mutating func readSlice(_ store: Store) throws(StoreError) {
            var limit = sliceBytes
            while true {
                var result = try JournalReader.read(url, from: offset, firstLine: line, maxBytes: limit)
                let toEnd = offset + limit >= size
                // A commit longer than the slice: read a larger one rather than stop short.
                if !toEnd && result.endOffset == offset {
                    limit *= 2
                    continue
                }
                store.checkForeign(&result, file: url)
                // An unfinished line or commit at a slice's end is read whole with the next slice;
                // at the file's end it is what a full read says.
                problems += toEnd ? result.problems : result.problems.filter { $0.kind != .tornTail }
                pending = result.events
                next = 0
                line += result.linesRead
                endOffset = result.endOffset
                offset = toEnd ? size : result.endOffset
                return
            }
        }

        /// Where the read of this file stopped: before an unfinished last line or commit.
        var endOffset = 0
    }

    /// Folds every journal from the start, merging the files as they are read. Returns false,
    /// having changed nothing, when a file's own events are out of order (a journal an old
    /// version or a hand wrote): the whole-file read then sorts them.
    func reloadFolding(sliceBytes: Int = Store.readSliceBytes) throws(StoreError) -> Bool {
        let files = try journalFiles()
        var streams = files.map { JournalStream($0, sliceBytes: sliceBytes) }
        var world = World()
        var problems: [JournalProblem] = []
        var folded = 0
        var last: Event?
        let saved = (clockHigh, overruled)
        clockHigh = (0, "", 0)
        while true {
            // The earliest head; on a tie the file first by name, as the whole read orders them.
            var best: Int?
            var bestOrder: EventOrder?
            for k in streams.indices {
                guard let e = try streams[k].head(self) else { continue }
                let order = EventOrder(e)
                if bestOrder == nil || order < bestOrder! {
                    best = k
                    bestOrder = order
                }
            }
            guard let b = best, let order = bestOrder else { break }
            if let previous = streams[b].last, order < previous {
                (clockHigh, overruled) = saved
                return false
            }
            streams[b].last = order
            let event = streams[b].take()
            last = event
            if foldRead(event, into: &world, files: files, problems: &problems) { folded += 1 }
        }
        // Problems in the order of the files and their lines, as the whole read gives them.
        self.problems = streams.flatMap(\.problems) + problems
        self.world = world
        self.positions = Dictionary(
            uniqueKeysWithValues: zip(files, streams).map { ($0.lastPathComponent, ($1.endOffset, $1.line)) })
        self.lastApplied = last.map(EventOrder.init)
        self.eventCount = folded
        return true
    }

    /// Folds one event of a full read: its clock noted, a problem kept, a value of this
    /// session's that did not stand noted. Returns whether it was folded.
    func foldRead(_ event: Event, into world: inout World, files: [URL], problems: inout [JournalProblem]) -> Bool {
        note(clockOf: event)
        var found: [Conflict] = []
        if let problem = Store.fold(event, into: &world, files: files, found: &found) {
            problems.append(problem)
            return false
        }
        noteOverruled(found)
        return true
    }
}

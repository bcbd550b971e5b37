import CairnCore
import Foundation

/// The full reads of every journal from the start. The usual one folds each event as it is
/// read: every journal is read a slice at a time, and the files are merged by the events'
/// order, so that memory follows the world, not the length of its history (held in one array,
/// every event ever written is in memory at once). Journals whose own events are out of order
/// are read whole and sorted.
extension Store {
    /// Reads every journal from the start and folds it anew.
    public func reload() throws(StoreError) {
        if try !reloadFolding(sliceBytes: readSliceBytes) { try reloadWhole() }
        self.snapshotEvents = 0
        self.startedFromSnapshot = false
        self.snapshotBytes = nil
        self.ownUnseen = []
    }

    /// The full read of every journal at once, sorted: for a journal whose own events are out of
    /// order, which the folding read cannot merge.
    func reloadWhole() throws(StoreError) {
        var events: [Event] = []
        var problems: [JournalProblem] = []
        var positions: [String: (Int, Int)] = [:]
        chainsWalked = nil
        let files = try journalFiles()
        for file in files {
            var result = try JournalReader.read(file, from: 0, firstLine: 1)
            checkForeign(&result, file: file)
            // The first file's events are taken as they are, not copied one by one: a store that
            // one server writes has one file, and copying it event by event costs a step for every event of its history.
            if events.isEmpty { swap(&events, &result.events) } else { events += result.events }
            problems += result.problems
            positions[file.lastPathComponent] = (result.endOffset, 1 + result.linesRead)
        }
        events = Event.ordered(events)
        var world = World()
        var counts: [RecordKind: Int] = [:]
        for event in events { counts[event.change.kind, default: 0] += 1 }
        world.reserveCapacity(counts)
        clockHigh = (0, "", 0)
        var folded = 0
        for event in events where foldRead(event, into: &world, files: files, problems: &problems) { folded += 1 }
        self.world = world
        self.problems = problems
        self.positions = positions
        self.lastApplied = events.last.map(EventOrder.init)
        self.eventCount = folded
    }

    /// Bytes of a journal read at a time in a full read.
    public static let readSliceBytes = 8 << 20

    /// Folds every journal from the start, merging the copies' journals as they are read; a
    /// copy's segments are read one after the other, so that a national history is never held
    /// at once. Returns false, having changed nothing, when a copy's own events are out of order
    /// (a journal an old version or a hand wrote), or a line refused leaves out one an earlier
    /// slice gave: the whole-file read then sorts them, or leaves both out.
    func reloadFolding(sliceBytes: Int = Store.readSliceBytes) throws(StoreError) -> Bool {
        let files = try journalFiles()
        let copies = Self.copies(files)
        var streams = [JournalStream?](repeating: nil, count: files.count)
        // Per copy: which of its segments is read now, the order of its next event, the last one taken.
        var reading = [Int](repeating: 0, count: copies.count)
        var heads = [EventOrder?](repeating: nil, count: copies.count)
        var taken = [(EventOrder, Int)?](repeating: nil, count: copies.count)
        var ended = [Bool](repeating: false, count: copies.count)
        for segments in copies {
            streams[segments[0]] = JournalStream(files[segments[0]], sliceBytes: sliceBytes)
        }
        var world = World()
        var problems: [JournalProblem] = []
        var folded = 0
        var last: Event?
        let saved = (clockHigh, overruled)
        clockHigh = (0, "", 0)
        while true {
            // The earliest head; on a tie the file first by name, as the whole read orders them.
            var best: Int?
            var bestOrder: (EventOrder, Int)?
            for c in copies.indices where !ended[c] {
                if heads[c] == nil {
                    var alone = true
                    heads[c] = try Self.headOrder(
                        of: copies[c], reading: &reading[c], in: &streams, files: files, sliceBytes: sliceBytes, foldsAlone: &alone, self)
                    if !alone {
                        (clockHigh, overruled) = saved
                        return false
                    }
                    if heads[c] == nil {
                        ended[c] = true
                        continue
                    }
                }
                let order = (heads[c]!, copies[c][reading[c]])
                if bestOrder == nil || order < bestOrder! {
                    best = c
                    bestOrder = order
                }
            }
            guard let c = best, let order = bestOrder else { break }
            if let previous = taken[c], order < previous {
                (clockHigh, overruled) = saved
                return false
            }
            taken[c] = order
            heads[c] = nil
            let event = streams[order.1]!.take()
            last = event
            if foldRead(event, into: &world, files: files, problems: &problems) { folded += 1 }
        }
        let read = streams.compactMap { $0 }
        // Problems in the order of the files and their lines, as the whole read gives them.
        self.problems = read.flatMap(\.problems) + problems
        self.world = world
        self.positions = Dictionary(uniqueKeysWithValues: read.map { ($0.url.lastPathComponent, ($0.endOffset, $0.line)) })
        self.chainsWalked = Dictionary(uniqueKeysWithValues: read.map { ($0.url.lastPathComponent, $0.chain) })
        self.lastApplied = last.map(EventOrder.init)
        self.eventCount = folded
        return true
    }

    /// The files of each copy (indices into `files`, by name), its segments first to last.
    static func copies(_ files: [URL]) -> [[Int]] {
        var byCopy: [String: [(number: Int, index: Int)]] = [:]
        var firstSeen: [String] = []
        for (k, file) in files.enumerated() {
            let segment = JournalSegment(fileName: file.lastPathComponent) ?? JournalSegment(copy: file.lastPathComponent)
            if byCopy[segment.copy] == nil { firstSeen.append(segment.copy) }
            byCopy[segment.copy, default: []].append((segment.number, k))
        }
        return firstSeen.map { copy in byCopy[copy]!.sorted { ($0.number, $0.index) < ($1.number, $1.index) }.map(\.index) }
    }

    /// The order of a copy's next event: from the segment read now, or the next one once it
    /// ends. The next segment starts reading as soon as the last slice of this one has begun.
    /// `foldsAlone` turns false when a slice refuses what an earlier one gave to the fold.
    private static func headOrder(
        of segments: [Int], reading: inout Int, in streams: inout [JournalStream?], files: [URL], sliceBytes: Int,
        foldsAlone: inout Bool, _ store: Store
    ) throws(StoreError) -> EventOrder? {
        while true {
            let k = segments[reading]
            let order = try streams[k]!.headOrder(store)
            if !streams[k]!.foldsAlone { foldsAlone = false }
            if reading + 1 < segments.count, streams[k]!.lastSliceStarted, streams[segments[reading + 1]] == nil {
                let n = segments[reading + 1]
                streams[n] = JournalStream(files[n], sliceBytes: sliceBytes)
            }
            if order != nil || reading + 1 == segments.count { return order }
            reading += 1
        }
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

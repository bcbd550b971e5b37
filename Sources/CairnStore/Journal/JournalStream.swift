import CairnCore
import Foundation

/// One journal file read a slice at a time, in the file's order. The next slice is read, parsed
/// and walked along the journal's hash chain on another core while the fold takes this one.
struct JournalStream {
    let url: URL
    let size: Int
    var line = 1
    /// Where the read of this file stopped: before an unfinished last line or commit.
    var endOffset = 0
    var problems: [JournalProblem] = []
    /// The chain walked over the slices taken so far.
    var chain: ChainWalk
    /// What the file's slices so far broke, as a journal from elsewhere (`Store.checkForeign`).
    private var refused = Store.Refused()
    /// False once a slice refuses an event or commit that an earlier slice already gave to the
    /// fold: only a read of the whole file leaves out all of it.
    private(set) var foldsAlone = true
    private var pending: [Event] = []
    private var next = 0
    /// The slice after the pending one, being read on another core while this one is folded;
    /// nil once the file's end is read.
    private var ahead: Pending<Result<JournalSlice, StoreError>>?

    init(_ url: URL, sliceBytes: Int) {
        self.url = url
        size = InsideStore.size(url)
        chain = ChainWalk(journal: url.lastPathComponent)
        if size > 0 { ahead = Self.read(url, from: 0, line: 1, size: size, sliceBytes: sliceBytes, chain: chain) }
    }

    /// Whether every slice of the file is taken or being read: the next file may start.
    var lastSliceStarted: Bool { ahead == nil }

    /// The order of the next event, taking the next slice when the last is used up; nil at the end.
    mutating func headOrder(_ store: Store) throws(StoreError) -> EventOrder? {
        while next == pending.count {
            guard let ahead else {
                // A file read to its end keeps its place and chain, not its events.
                pending = []
                next = 0
                return nil
            }
            try take(ahead.value.get(), store)
        }
        return EventOrder(key: pending[next].order, clock: pending[next].clock)
    }

    mutating func take() -> Event {
        defer { next += 1 }
        return pending[next]
    }

    private mutating func take(_ slice: JournalSlice, _ store: Store) {
        var slice = slice
        let before = refused
        refused = store.checkForeign(&slice.result, file: url, refusedBefore: before)
        if endOffset > 0, refused != before, Self.named(refused, besides: before, in: url, before: endOffset) { foldsAlone = false }
        // An unfinished line or commit at a slice's end is read whole with the next slice; at
        // the file's end it is what a full read says.
        problems += slice.toEnd ? slice.result.problems : slice.result.problems.filter { $0.kind != .tornTail }
        pending = slice.result.events
        next = 0
        line += slice.result.linesRead
        endOffset = slice.result.endOffset
        chain = slice.chain
        ahead =
            slice.toEnd
            ? nil
            : Self.read(url, from: endOffset, line: line, size: size, sliceBytes: slice.sliceBytes, chain: chain)
    }
}

extension JournalStream {
    /// The slice that starts at `offset`, `line`, read on another core.
    static func read(
        _ url: URL, from offset: Int, line: Int, size: Int, sliceBytes: Int, chain: ChainWalk
    ) -> Pending<Result<JournalSlice, StoreError>> {
        Pending {
            Result { () throws(StoreError) in
                try JournalSlice.read(url, from: offset, line: line, size: size, sliceBytes: sliceBytes, chain: chain)
            }
        }
    }

    /// Whether the lines before `offset` hold an event that `refused` names and `before` did not
    /// (an id or a commit given twice in a file, the later line breaking a rule). Read again
    /// only then: it happens in a hand-made or hostile journal, not in one Cairn wrote.
    static func named(_ refused: Store.Refused, besides before: Store.Refused, in url: URL, before offset: Int) -> Bool {
        let fresh = Store.Refused(events: refused.events.subtracting(before.events), commits: refused.commits.subtracting(before.commits))
        guard let read = try? JournalReader.read(url, from: 0, firstLine: 1, maxBytes: offset) else { return true }
        return read.events.contains { fresh.contains($0) }
    }
}

/// A slice of a journal, read and parsed, with the chain walked to where the next slice starts.
struct JournalSlice: Sendable {
    var result: JournalReader.Result
    /// Whether it reaches the file's end (as its size was when the read began).
    var toEnd: Bool
    var chain: ChainWalk
    /// The slice's length: doubled when one commit was longer.
    var sliceBytes: Int

    /// Reads the slice of `url` that starts at `offset`, `line`.
    static func read(
        _ url: URL, from offset: Int, line: Int, size: Int, sliceBytes: Int, chain: ChainWalk
    ) throws(StoreError) -> JournalSlice {
        var limit = sliceBytes
        while true {
            let data = try JournalReader.bytes(of: url, from: offset, maxBytes: limit)
            let result = JournalReader.parsed(data, file: url.lastPathComponent, baseOffset: offset, firstLine: line)
            let toEnd = offset + limit >= size
            // A commit longer than the slice: read a larger one rather than stop short.
            if !toEnd && result.endOffset == offset {
                limit *= 2
                continue
            }
            var chain = chain
            // The chain is walked over the bytes the next slice will not read again; at the end,
            // over every line there, as a walk of the whole file would.
            let walked = toEnd ? data.count : result.endOffset - offset
            data.withUnsafeBytes { chain.feed(UnsafeRawBufferPointer(rebasing: $0[0..<walked])) }
            return JournalSlice(result: result, toEnd: toEnd, chain: chain, sliceBytes: sliceBytes)
        }
    }
}

import CairnCore
import CairnWords
import Foundation

/// Reads the complete lines of one journal file from a byte offset.
struct JournalReader {
    struct Result: Sendable {
        var events: [Event] = []
        var problems: [JournalProblem] = []
        /// The offset just past the last complete line: where the next read starts.
        var endOffset: Int
        var linesRead: Int
    }

    /// Reads from `offset` to the end of `url`. `firstLine` is the line number at `offset`,
    /// so that problems name the real line of the file.
    ///
    /// - Parameter maxBytes: read at most this many bytes (a slice of a large journal); lines
    ///   and commits cut at the slice's end are left for the next read, from `endOffset`.
    static func read(_ url: URL, from offset: Int, firstLine: Int, maxBytes: Int? = nil) throws(StoreError) -> Result {
        let data = try bytes(of: url, from: offset, maxBytes: maxBytes)
        return parsed(data, file: url.lastPathComponent, baseOffset: offset, firstLine: firstLine)
    }

    /// The bytes of `url` from `offset`: `maxBytes` of them, or to the end.
    static func bytes(of url: URL, from offset: Int, maxBytes: Int? = nil) throws(StoreError) -> Data {
        do {
            // Never through a link: what it points at is not this store's journal.
            guard let fd = InsideStore.openForReading(url) else {
                throw StoreError(Words.say("it is a link, or not a file", context: "store"))
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            // A place read from a file (a snapshot's, an index's) may be anything.
            guard offset >= 0, maxBytes.map({ $0 >= 0 }) ?? true else {
                throw StoreError(Words.say("it cannot be read", context: "store"))
            }
            try handle.seek(toOffset: UInt64(offset))
            return try (maxBytes.map { try handle.read(upToCount: $0) } ?? handle.readToEnd()) ?? Data()
        } catch let error as StoreError {
            throw StoreError(Words.say("cannot read {path}: {reason}", context: "store", ["path": url.path, "reason": error.message]))
        } catch {
            throw StoreError(
                Words.say("cannot read {path}: {reason}", context: "store", ["path": url.path, "reason": error.localizedDescription]))
        }
    }

    /// The complete lines and commits of `data`, read from `baseOffset` of the journal `file`.
    static func parsed(_ data: Data, file: String, baseOffset: Int, firstLine: Int) -> Result {
        var result = parseInParallel(data, file: file, baseOffset: baseOffset, firstLine: firstLine)
        result.keepWholeCommits(file: file, firstLine: firstLine, data: data, baseOffset: baseOffset)
        result.sortProblems()
        return result
    }

    /// The events of `url` on lines that name `needle` (a record's id, quoted): the other lines
    /// are skipped at memory speed, not parsed, so one record's history is quick on a national
    /// store. A commit cut short is not left out here; its lines are rare and said by `cairn check`.
    static func events(in url: URL, naming needle: String) throws(StoreError) -> [Event] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StoreError(
                Words.say("cannot read {path}: {reason}", context: "store", ["path": url.path, "reason": error.localizedDescription]))
        }
        let key = Array(needle.utf8)
        var kept = Data()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress, !key.isEmpty else { return }
            var start = 0
            while start < raw.count {
                let end = memchr(base + start, 0x0A, raw.count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? raw.count
                if end > start, Self.find(key, in: base + start, count: end - start) {
                    kept.append(raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count: end - start)
                    kept.append(0x0A)
                }
                start = end + 1
            }
        }
        return parse(kept, file: url.lastPathComponent, baseOffset: 0, firstLine: 1).events
    }

    /// Whether `key` occurs in the `count` bytes at `at`: memchr for its first byte, memcmp for the rest.
    static func find(_ key: [UInt8], in at: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while count - offset >= key.count {
            guard let hit = memchr(at + offset, Int32(key[0]), count - offset - key.count + 1) else { return false }
            let i = at.distance(to: UnsafeRawPointer(hit))
            if memcmp(at + i, key, key.count) == 0 { return true }
            offset = i + 1
        }
        return false
    }

    /// Parses a large read as two halves split at a line break, one per core, and joins them;
    /// line numbers and offsets come out as if read in one piece.
    static func parseInParallel(_ data: Data, file: String, baseOffset: Int, firstLine: Int) -> Result {
        let cut: Int? = data.withUnsafeBytes { raw in
            guard raw.count > 1 << 20, let base = raw.baseAddress else { return nil }
            let middle = raw.count / 2
            guard let newline = memchr(base + middle, 0x0A, raw.count - middle) else { return nil }
            return base.distance(to: UnsafeRawPointer(newline)) + 1
        }
        guard let cut, cut < data.count else { return parse(data, file: file, baseOffset: baseOffset, firstLine: firstLine) }
        let halves = [data.prefix(cut), data.suffix(from: cut)]
        let results = UnsafeMutableBufferPointer<Result>.allocate(capacity: 2)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let speech = Words.speech
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            // Each half read in place: a copy of each held the whole slice twice.
            let half = Words.speaking(speech) { parse(halves[i], file: file, baseOffset: baseOffset, firstLine: firstLine) }
            (slots.baseAddress! + i).initialize(to: half)
        }
        var first = results.baseAddress!.move()
        var second = (results.baseAddress! + 1).move()
        // The second half was numbered from the first line and offset; shift it past the first half.
        first.problems += second.problems.map { p in
            var q = p
            q.line += first.linesRead
            return q
        }
        // Shifted in place and appended: a shifted copy of the second half's events held a
        // third copy of them at once.
        for i in second.events.indices where second.events[i].commit != nil {
            second.events[i].commit!.line += first.linesRead
            second.events[i].commit!.offset += cut
        }
        first.events.reserveCapacity(first.events.count + second.events.count)
        first.events.append(contentsOf: second.events)
        second.events = []
        first.endOffset = second.endOffset + cut
        first.linesRead += second.linesRead
        return first
    }

    static func parse(_ data: Data, file: String, baseOffset: Int, firstLine: Int) -> Result {
        var result = Result(endOffset: baseOffset, linesRead: 0)
        let decoder = JSONDecoder()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var line = firstLine
            while start < bytes.count {
                guard let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else {
                    result.problems.append(
                        JournalProblem(kind: .tornTail, file: file, line: line, detail: "\(bytes.count - start) bytes"))
                    break
                }
                let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if newline > start {
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<newline])
                    var read: Event?
                    switch event(in: text, decoder: decoder) {
                    case .success(let event): read = event
                    case .failure(let damage):
                        result.problems.append(JournalProblem(kind: .damagedLine, file: file, line: line, detail: damage.detail))
                    }
                    if var event = read {
                        if !event.hasReadableTime {
                            result.problems.append(
                                JournalProblem(
                                    kind: .damagedLine, file: file, line: line,
                                    detail: Words.say(
                                        "its time “{time}” cannot be read; it is not folded", context: "store",
                                        ["time": Text.visible(event.at)])))
                        } else {
                            if event.commit != nil {
                                event.commit!.line = line
                                event.commit!.offset = baseOffset + start
                            }
                            result.events.append(event)
                        }
                    }
                }
                start = newline + 1
                line += 1
                result.linesRead += 1
                result.endOffset = baseOffset + start
            }
        }
        return result
    }

    /// Why a line is no event, in words.
    struct Damage: Error {
        let detail: String
    }

    /// The event one line (without its line break) holds.
    static func event(in text: UnsafeBufferPointer<UInt8>, decoder: JSONDecoder) -> Swift.Result<Event, Damage> {
        if let event = EventParser.parse(text) { return .success(event) }
        guard JSONScanner.validate(text) else { return .failure(Damage(detail: Words.say("it is not valid JSON", context: "store"))) }
        // The slow, general reader: for valid lines the fast one does not expect (goals,
        // measurements), and for the message that says what is missing.
        do {
            return .success(try decoder.decode(Event.self, from: Data(text)))
        } catch {
            return .failure(Damage(detail: describe(error)))
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.underlyingError.map {
                Words.say("not valid JSON ({reason})", context: "store", ["reason": ($0 as NSError).localizedDescription])
            } ?? context.debugDescription
        case DecodingError.keyNotFound(let key, _):
            return Words.say("field `{field}` is missing", context: "store", ["field": key.stringValue])
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return Words.say("field `{field}`: {reason}", context: "store", ["field": path, "reason": context.debugDescription])
        default: return "\(error)"
        }
    }
}

extension JournalReader.Result {
    /// Problems by line, as a person reads the file (each rule finds its own in its own pass).
    mutating func sortProblems() {
        problems = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// True when each commit's parts are all there, in order, on consecutive lines.
    static func allWhole(_ events: [Event], endLine: Int) -> Bool {
        var expected: CommitMark?
        for e in events {
            guard let m = e.commit else {
                if expected != nil { return false }
                continue
            }
            if let x = expected {
                guard m.id == x.id, m.part == x.part + 1, m.of == x.of, m.line == x.line + 1 else { return false }
            } else if m.part != 1 {
                return false
            }
            expected = m.part == m.of ? nil : m
        }
        return expected == nil
    }

    /// Drops the lines of commits that are not whole, so none is ever folded in part:
    /// - one still unfinished at the end is being written, or was cut off by a kill: the read
    ///   stops before it and tries again later;
    /// - one whose first parts are followed by a line that chains on to them (`JournalChain`) was
    ///   left by a writer killed mid-commit, and the next commit written after it: a note;
    /// - any other (a line lost or damaged inside it) is damage, said with what its lines held.
    mutating func keepWholeCommits(file: String, firstLine: Int, data: Data = Data(), baseOffset: Int = 0) {
        guard events.contains(where: { $0.commit != nil }) else { return }
        // Usually every commit is whole: then nothing is copied.
        if Self.allWhole(events, endLine: firstLine + linesRead) { return }
        var kept: [Event] = []
        kept.reserveCapacity(events.count)
        var i = 0
        while i < events.count {
            guard let mark = events[i].commit else {
                kept.append(events[i])
                i += 1
                continue
            }
            // A whole commit: parts 1...of on consecutive lines.
            var j = i
            while j < events.count, let m = events[j].commit, m.id == mark.id, m.part == j - i + 1,
                m.of == mark.of, m.line == mark.line + (j - i)
            {
                j += 1
            }
            if mark.part == 1 && j - i == mark.of {
                kept += events[i..<j]
            } else if j == events.count && mark.part == 1 && mark.line + (j - i) == firstLine + linesRead {
                // Unfinished at the end: read again from its first line next time.
                problems.append(
                    JournalProblem(
                        kind: .tornTail, file: file, line: mark.line,
                        detail: Words.count(
                            "a commit of {count} change has only {written} written",
                            "a commit of {count} changes has only {written} written",
                            mark.of, context: "store", ["written": String(j - i)])))
                linesRead = mark.line - firstLine
                endOffset = mark.offset
            } else if mark.part == 1, j > i, let last = events[j - 1].commit,
                Self.nextLineChainsOn(lineAt: last.offset - baseOffset, in: data)
            {
                problems.append(
                    JournalProblem(
                        kind: .interruptedCommit, file: file, line: mark.line,
                        detail: Words.count(
                            "a commit of {count} change has only {written} written (a write was interrupted); none of it is folded",
                            "a commit of {count} changes has only {written} written (a write was interrupted); none of it is folded",
                            mark.of, context: "store", ["written": String(j - i)])))
            } else {
                let held = Array(events[i..<max(j, i + 1)])
                problems.append(
                    JournalProblem(
                        kind: .damagedLine, file: file, line: mark.line,
                        detail: Words.count(
                            "it is part of a commit of {count} change that was cut short ({here} of them here: {summary}); none of it is folded",
                            "it is part of a commit of {count} changes that was cut short ({here} of them here: {summary}); none of it is folded",
                            mark.of, context: "store", ["here": String(held.count), "summary": Self.summary(held)])))

            }
            i = max(j, i + 1)
        }
        events = kept
    }

    /// What a commit's lines held, as a person would say it: who, when, from where, and how many
    /// changes of each kind (`by ana at 2026-12-01T14:02Z, import of nz.csv: 20 schools added`).
    static func summary(_ held: [Event]) -> String {
        guard let first = held.first else { return "nothing" }
        var counts: [String: Int] = [:]
        for e in held {
            let op: String
            switch e.change {
            case .put: op = "added"
            case .edit: op = "edited"
            case .delete: op = "deleted"
            }
            counts["\(e.change.kind.rawValue) \(op)", default: 0] += 1
        }
        let what = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "by \(first.by) at \(first.at)" + (first.source.map { ", \($0)" } ?? "") + ": " + what
    }

    /// Whether the line after the one starting at `start` in `data` carries the hash that
    /// follows from it: nothing was lost between them.
    static func nextLineChainsOn(lineAt start: Int, in data: Data) -> Bool {
        guard start >= 0, start < data.count else { return false }
        // Two lines at most: a window, not a copy of the whole slice.
        let from = data.startIndex + start
        let bytes = Array(data[from..<min(data.endIndex, from + (4 << 20))])
        let start = 0
        guard let end = bytes[start...].firstIndex(of: 0x0A), end + 1 < bytes.count,
            let nextEnd = bytes[(end + 1)...].firstIndex(of: 0x0A)
        else { return false }
        guard let link = JournalChain.split(bytes[start..<end]).carried else { return false }
        let (content, carried) = JournalChain.split(bytes[(end + 1)..<nextEnd])
        return carried != nil && JournalChain.next(link, content) == carried
    }
}

import CairnCore
import Foundation

/// A Cairn store: a directory of journal files whose folded events are the `world`.
///
/// Layout: `journal/<host>.jsonl` (one event a line, appended by every session on that host)
/// and `drafts/` (unsubmitted form text). Several journal files merge by event time, so the
/// directory can be shared between machines with git.
public final class Store {
    public let directory: URL
    public let identity: Identity
    public private(set) var world = World()
    /// What was wrong in the journals at the last read: torn tails and damaged lines.
    public private(set) var problems: [JournalProblem] = []
    /// How many events have been folded into `world`.
    public private(set) var eventCount = 0

    private var journalDirectory: URL { directory.appendingPathComponent("journal") }
    private let writer: JournalWriter
    /// Per journal file: the byte offset and line number read up to.
    private var positions: [String: (offset: Int, line: Int)] = [:]
    private var lastApplied: Event?
    /// The event that last changed each record, recorded as `base` by the next change to it.
    private var lastEventOf: [String: String] = [:]
    /// Our own events not yet seen again while reading our journal file.
    private var ownUnseen: Set<String> = []

    /// Opens (creating, owner-only, if needed) the store at `directory` and reads it.
    public init(directory: URL, identity: Identity = .current()) throws(StoreError) {
        self.directory = directory
        self.identity = identity
        self.writer = JournalWriter(url: directory.appendingPathComponent("journal/\(identity.fileSafeHost).jsonl"))
        try Store.createDirectory(directory)
        try Store.createDirectory(journalDirectory)
        try reload()
    }

    static func createDirectory(_ url: URL) throws(StoreError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            if !isDir.boolValue { throw StoreError("\(url.path) is a file, not a store directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError("cannot create the store at \(url.path): \(error.localizedDescription)")
        }
    }

    /// The journal files, by name.
    func journalFiles() throws(StoreError) -> [URL] {
        do {
            return try FileManager.default.contentsOfDirectory(at: journalDirectory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "jsonl" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw StoreError("cannot list \(journalDirectory.path): \(error.localizedDescription)")
        }
    }

    /// Reads every journal from the start and folds it anew.
    public func reload() throws(StoreError) {
        var events: [Event] = []
        var problems: [JournalProblem] = []
        var positions: [String: (Int, Int)] = [:]
        let files = try journalFiles()
        for file in files {
            let result = try JournalReader.read(file, from: 0, firstLine: 1)
            events += result.events
            problems += result.problems
            positions[file.lastPathComponent] = (result.endOffset, 1 + result.linesRead)
        }
        events = Event.ordered(events)
        var world = World()
        var counts: [RecordKind: Int] = [:]
        for event in events { counts[event.change.kind, default: 0] += 1 }
        world.reserveCapacity(counts)
        lastEventOf = [:]
        lastEventOf.reserveCapacity(events.count)
        for event in events {
            if let clash = Store.fold(event, into: &world, files: files) {
                problems.append(clash)
                continue
            }
            lastEventOf[event.change.recordID] = event.id
        }
        self.world = world
        self.problems = problems
        self.positions = positions
        self.lastApplied = events.last
        self.eventCount = events.count
        self.ownUnseen = []
    }

    /// Reads what other sessions appended since the last read. Returns whether the world changed.
    ///
    /// - Complexity: O(new bytes) when the new events come after those already folded (the
    ///   usual case); a full reload when a merged file brings older events.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        var fresh: [Event] = []
        var newPositions = positions
        var newProblems: [JournalProblem] = []
        let files = try journalFiles()
        for file in files {
            let name = file.lastPathComponent
            let (offset, line) = positions[name] ?? (0, 1)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            if size < offset {
                try reload()
                return true
            }  // a file shrank: someone replaced it
            if size == offset { continue }
            let result = try JournalReader.read(file, from: offset, firstLine: line)
            fresh += result.events
            newProblems += result.problems.filter(\.isDamage)
            newPositions[name] = (result.endOffset, line + result.linesRead)
        }
        positions = newPositions
        problems = problems.filter { $0.kind != .tornTail } + newProblems
        fresh = fresh.filter { ownUnseen.remove($0.id) == nil }
        guard !fresh.isEmpty else { return false }
        fresh = Event.ordered(fresh)
        if let last = lastApplied, Event.precedes(fresh[0], last) {
            try reload()
            return true
        }
        for event in fresh {
            if let clash = Store.fold(event, into: &world, files: files) {
                problems.append(clash)
            } else {
                lastEventOf[event.change.recordID] = event.id
                lastApplied = event
                eventCount += 1
            }
        }
        return true
    }

    /// Folds an event into the world, unless it creates a record (it has no `base`) under an
    /// id the world already holds: two records were given one id. The first stands; the second
    /// is reported, never folded over it.
    static func fold(_ event: Event, into world: inout World, files: [URL]) -> JournalProblem? {
        guard event.base == nil else {
            world.apply(event.change)
            return nil
        }
        guard let existing = world.applyReplacing(event.change) else { return nil }
        world.apply(.put(existing))
        let (file, line) = locate(event.id, in: files)
        return JournalProblem(
            kind: .damagedLine, file: file, line: line,
            detail: "it creates \(event.change.recordID), which is already \(world.describe(existing)) (one id given twice); it is not read"
        )
    }

    /// The journal file and line of an event, found by its id: only for the rare message about
    /// it, so that the 160,000 events of a load carry no position of their own.
    static func locate(_ eventID: String, in files: [URL]) -> (file: String, line: Int) {
        let needle = Array("\"id\":\"\(eventID)\"".utf8)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let bytes = [UInt8](data)
            var line = 1
            var i = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == 0x0A {
                    line += 1
                } else if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle {
                    return (file.lastPathComponent, line)
                }
                i += 1
            }
        }
        return ("journal", 0)
    }

    private func fold(_ event: Event) {
        world.apply(event.change)
        lastEventOf[event.change.recordID] = event.id
        lastApplied = event
        eventCount += 1
    }

    /// Writes `changes` as events to this host's journal, flushed to disk, then folds them in.
    /// Returns only once the events are on disk: only then may a screen say "saved".
    @discardableResult
    /// - Parameter source: where the changes came from when not typed (an import), kept in each event.
    public func commit(_ changes: [Change], at date: Date = Date(), source: String? = nil) throws(StoreError) -> [Event] {
        guard !changes.isEmpty else { return [] }
        try refresh()
        let at = Event.timestamp(date)
        var bases = lastEventOf
        var events: [Event] = []
        for change in changes {
            let event = Event(
                id: Event.makeID(), at: max(at, lastApplied?.at ?? at), by: identity.user, host: identity.host,
                base: bases[change.recordID], source: source, change: change)
            bases[change.recordID] = event.id
            events.append(event)
        }
        var bytes: [UInt8] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for event in events {
            do {
                bytes += try encoder.encode(event)
            } catch {
                throw StoreError("cannot encode a change: \(error)")
            }
            bytes.append(0x0A)
        }
        try writer.append(bytes)
        for event in events {
            ownUnseen.insert(event.id)
            fold(event)
        }
        return events
    }

    /// The events that changed one record, oldest first: who did what to it, and when.
    public func history(of recordID: String) throws(StoreError) -> [Event] {
        var events: [Event] = []
        for file in try journalFiles() {
            events += try JournalReader.read(file, from: 0, firstLine: 1).events.filter { $0.change.recordID == recordID }
        }
        return Event.ordered(events)
    }
}

import CairnCore
import CairnWords
import Foundation

/// A Cairn store: a directory of journal files whose folded events are the `world`.
///
/// Layout (see `StoreLayout`): `journal/<instance>.jsonl`, one event a line, appended by every
/// session of this copy of the store; other copies' journals beside it, brought by `cairn sync`;
/// `local/` for what is this copy's alone. The journals merge by event order, so the directory
/// can be shared between machines with git.
public final class Store {
    public let directory: URL
    public let identity: Identity
    /// Personal (owner-only) or a team's (a setgid group folder): what every file gets.
    public let access: StoreAccess
    /// This copy of the store, whose journal file its sessions write.
    public internal(set) var instance: StoreInstance
    public internal(set) var world = World()
    /// What was wrong in the journals at the last read: torn tails and damaged lines.
    public internal(set) var problems: [JournalProblem] = []
    /// How many events have been folded into `world`.
    public internal(set) var eventCount = 0
    /// How many of them the snapshot this session started from held (0: none, a full read).
    public internal(set) var snapshotEvents = 0
    /// The snapshot the world's unread parts are read from, while it is the one read.
    var snapshotBytes: SnapshotBytes?
    /// Whether the last read began from the snapshot, not from the journals' start.
    public internal(set) var startedFromSnapshot = false
    /// Start a snapshot once this many events have been folded past the last one.
    let snapshotAfter: Int
    /// Bytes of a journal a full read takes at a time (`Store+Stream.swift`).
    let readSliceBytes: Int

    var journalDirectory: URL { StoreLayout.journalFolder(directory) }
    /// The journal file this copy's sessions write: its open segment.
    public var journalFile: URL { journal.url }
    /// What the first open of this copy closed to other accounts (`StorePrivacy`), to be said.
    public private(set) var privacyNotice: String?
    /// This copy's journal, whose open segment every commit appends to.
    var journal: OwnJournal
    /// The open segment's writer, as last found (under `lockedForWriting`: the one locked).
    var writer: JournalWriter { journal.writer }
    /// The marks of the snapshot this session read or wrote last, by file: a link already
    /// found is not walked again.
    var snapshotMarks: [String: StoreSnapshot.Mark] = [:]
    /// Per journal file: the byte offset and line number read up to.
    var positions: [String: (offset: Int, line: Int)] = [:]
    /// The seals of the snapshots the first look and the read came from (`worldIsTheFirstLooks`).
    var firstLookSeal: UInt64?
    var readSeal: UInt64?
    /// Whether the journals were listed for the first look (`earlyLook`) and not since: the
    /// read that follows it takes that listing rather than making another.
    var listedForFirstLook = false
    /// The snapshot the first look came from, its world read on another thread meanwhile: the
    /// read that follows takes it rather than reading the snapshot again.
    var firstLookSnapshot: Pending<StoreSnapshot?>?
    /// The snapshot's head and first look, read on another thread from the moment a store to be
    /// read later (`readNow: false`) is opened.
    var snapshotForFirstLook: Pending<FirstLookRead>?
    /// The hash chains the last full read walked, by journal file: nil when it read the files
    /// whole (a copy's events out of their order) or began from the snapshot.
    var chainsWalked: [String: ChainWalk]?
    /// Where the last event folded stands in the order: an event read later that orders before
    /// it means a full read.
    var lastApplied: EventOrder?
    /// A year past this machine's clock, as an order key: see `note(clockOf:)`.
    var clockCeiling = Event.orderKey(Event.timestamp(Date().addingTimeInterval(Store.clockReach)))
    static let clockReach: TimeInterval = 366 * 86_400
    /// The latest hybrid-clock reading folded: a new change is stamped after it.
    var clockHigh: (key: Int64, at: String, count: Int) = (0, "", 0)
    /// Our own events not yet seen again while reading our journal file.
    var ownUnseen: Set<String> = []
    /// Every event this process wrote: a conflict that one of them loses is told to this session.
    private var ownEvents: Set<String> = []
    /// Conflicts found since last asked in which a value this session saved did not stand.
    var overruled: [Conflict] = []
    /// What this session read last of each journal (`Store+Tamper.swift`), and what it found
    /// changed under it since, to be said on screen.
    var readTails: [String: ReadTail] = [:]
    var alarms: [String] = []
    /// Files in `journal/` that are not journals of this store's form: never read or sent.
    public internal(set) var strayFiles: [JournalProblem] = []
    /// The verdict on each file of `journal/` by name, kept while it is the same file (inode
    /// and size class), so that a poll does not read every journal's first line again.
    var vettedFiles: [String: JournalVetting.Verdict] = [:]
    /// Each journal's URL by name, made once: a start lists a thousand segments several times,
    /// and making a URL costs more than the `lstat` that vets it.
    var journalURLs: [String: URL] = [:]
    /// Each journal as the last listing's `lstat` saw it (`journalFiles`), by name.
    var journalStats: [String: JournalStat] = [:]
    /// The journals the last listing accepted, by name.
    var journalListing: [String: URL] = [:]
    /// Their names, in the order the listing gave their URLs.
    var journalNames: [String] = []
    /// Each journal as the snapshot being read saw it when it fingerprinted it: found so
    /// again, its first line is not judged again, nor its fingerprint read (`JournalStat`).
    var trustedStats: [String: JournalStat] = [:]

    /// Opens (creating, owner-only, if needed) the store at `directory` and reads it.
    ///
    /// - Parameter snapshotAfter: how many events read past the snapshot (or in a full read)
    ///   make it worth writing a new one.
    /// - Parameter readSliceBytes: how much of a journal a full read holds at a time.
    /// - Parameter readNow: false to leave the world empty until `read()`: the terminal UI
    ///   draws its first frame from `firstLook()` in between.
    /// - Parameter sealAfter: the bytes past which this copy's open journal segment is sealed.
    public init(
        directory: URL, identity: Identity = .current(), snapshotAfter: Int = Store.snapshotAfter,
        readSliceBytes: Int = Store.readSliceBytes, readNow: Bool = true, sealAfter: Int = JournalSegment.sealAfter
    ) throws(StoreError) {
        self.directory = directory
        self.snapshotAfter = snapshotAfter
        self.readSliceBytes = readSliceBytes
        self.identity = identity
        try Store.createDirectory(directory)
        access = StoreAccess.of(directory)
        // A member of a team store who swaps a folder here for a link would have this session
        // write where the link points: refused, named, before anything is read or written.
        for folder in [StoreLayout.journalFolder(directory), StoreLayout.localFolder(directory)] where InsideStore.isLink(folder.path) {
            throw InsideStore.linkRefused(folder.path)
        }
        do {
            try StoreFiles.createFolder(StoreLayout.journalFolder(directory), mode: access.folderMode, store: directory)
        } catch {
            throw StoreError(
                Words.say(
                    "cannot create the store at {path}: {reason}", context: "store", ["path": directory.path, "reason": error.message]))
        }
        let firstOpen = !FileManager.default.fileExists(atPath: StoreLayout.instanceFile(directory, host: identity.fileSafeHost).path)
        // A restored copy's move that a kill stopped is finished before anything is read.
        if JournalMove.pending(directory) != nil { try? JournalMove.finishPending(directory, identity: identity, access: access) }
        instance = StoreInstance.of(directory, identity: identity, access: access)
        if firstOpen { privacyNotice = StorePrivacy.closeOnFirstOpen(directory, access: access) }
        self.journal = OwnJournal(copy: instance.id, store: directory, mode: access.fileMode, sealAfter: sealAfter)
        // This copy's own journal swapped for a link: every command would write through it or
        // show an empty store; refused at once, named.
        if InsideStore.isLink(writer.url.path) { throw InsideStore.linkRefused(writer.url.path) }
        // So that a `git add .` by hand, before any `cairn sync`, still shares only the journals.
        if Glibc.access(directory.path, W_OK) == 0 { _ = try? StoreLayout.writeSharedFiles(directory, access: access) }
        if readNow {
            try open()
        } else {
            // Read while the terminal is set up: what the first frame needs of the snapshot,
            // and, on another thread from when its head is read, the journals listed against
            // the stats it holds (a thousand segments at ten million events).
            let (file, folder, copy) = (snapshotFile, journalDirectory, instance.id)
            snapshotForFirstLook = Pending {
                var listing: Pending<Result<JournalListing, StoreError>>?
                let snapshot = StoreSnapshot.read(
                    file, firstLookOnly: true,
                    headRead: { seen in
                        listing = Pending {
                            Result { () throws(StoreError) in try JournalListing.list(folder, ownCopy: copy, trusted: seen) }
                        }
                    }, journals: folder)
                guard let snapshot else { return FirstLookRead(snapshot: nil) }
                return FirstLookRead(snapshot: snapshot, listing: listing?.value)
            }
        }
    }

    /// Reads the store, for one made with `readNow: false`.
    public func read() throws(StoreError) { try open() }

    static func createDirectory(_ url: URL, mode: mode_t = 0o700) throws(StoreError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            if !isDir.boolValue {
                throw StoreError(Words.say("{path} is a file, not a store directory", context: "store", ["path": url.path]))
            }
            return
        }
        do {
            try StoreFiles.createFolder(url, mode: mode, store: nil)
        } catch {
            throw StoreError(
                Words.say("cannot create the store at {path}: {reason}", context: "store", ["path": url.path, "reason": error.message]))
        }
    }

    /// Why this session cannot write to the store, or nil when it can: a read-only file system
    /// or a directory this account may not write (root passes permission bits, not a read-only mount).
    public var readOnlyReason: String? {
        if Glibc.access(journalDirectory.path, W_OK) == 0 { return nil }
        switch errno {
        case EROFS: return Words.say("the store is on a read-only file system", context: "store")
        case EACCES, EPERM: return Words.say("this account may not write to the store", context: "store")
        default: return String(cString: strerror(errno))
        }
    }

    /// Keeps the conflicts in which a value this session saved did not stand, to be told.
    func noteOverruled(_ found: [Conflict]) {
        guard !ownEvents.isEmpty else { return }
        overruled += found.filter { c in c.others.contains { ownEvents.contains($0.event) } && !ownEvents.contains(c.kept.event) }
    }

    /// Reads what other sessions appended since the last read. Returns whether the world changed.
    /// While another session commits or a sync merges (the journal's lock is held), it reads
    /// nothing and returns false: the next poll reads it all, whole.
    ///
    /// - Complexity: O(new bytes) when the new events come after those already folded (the
    ///   usual case); a full reload when a merged file brings older events.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        try journal.unlessBusy { () throws(StoreError) in try refreshHoldingLock() } ?? false
    }

    /// `refresh` for a caller that holds the journal's lock (a commit) or need not wait.
    @discardableResult
    ///
    /// - Parameter keepingTornTail: report an unfinished last line, as a full read does (a
    ///   start from the snapshot); a poll leaves it to the next.
    /// - Parameter listed: the journals were listed a moment ago (`open`), and are not again.
    func refreshHoldingLock(keepingTornTail: Bool = false, listed: Bool = false) throws(StoreError) -> Bool {
        var fresh: [Event] = []
        var newPositions = positions
        var newProblems: [JournalProblem] = []
        let files = listed ? journalNames.compactMap { journalListing[$0] } : try journalFiles()
        for (name, file) in zip(journalNames, files) {
            let (offset, line) = positions[name] ?? (0, 1)
            let size = journalStats[name]?.size ?? InsideStore.size(file)
            if size < offset || !stillHolds(file, name: name, upTo: offset) {
                noteChangedUnder(name, from: offset, to: size)
                try reload()
                return true
            }
            if size == offset { continue }
            var result = try JournalReader.read(file, from: offset, firstLine: line)
            checkForeign(&result, file: file)
            fresh += result.events
            newProblems += keepingTornTail ? result.problems : result.problems.filter(\.isDamage)
            newPositions[name] = (result.endOffset, line + result.linesRead)
        }
        positions = newPositions
        problems = problems.filter { $0.kind != .tornTail } + newProblems
        fresh = fresh.filter { ownUnseen.remove($0.id) == nil }
        guard !fresh.isEmpty else { return false }
        fresh = Event.ordered(fresh)
        // One stamped alike with the last folded (two copies that read the same latest change
        // stamp their next ones alike) goes by its file's name in a full read, maybe first.
        if let last = lastApplied, !(last < EventOrder(fresh[0])) {
            try reload()
            return true
        }
        for event in fresh {
            note(clockOf: event)
            var found: [Conflict] = []
            if let problem = Store.fold(event, into: &world, files: files, found: &found) {
                problems.append(problem)
            } else {
                noteOverruled(found)
                lastApplied = EventOrder(event)
                eventCount += 1
            }
        }
        return true
    }

    /// Conflicts, found since the last call, in which a value this session saved did not stand:
    /// what the screen tells at once.
    public func takeOverruled() -> [Conflict] {
        defer { overruled = [] }
        return overruled
    }

    /// What a commit wrote, and the conflicts it opened: fields someone else changed since the
    /// screen that asked last read them (its value stands; theirs is listed).
    public struct Receipt: Sendable {
        public var events: [Event]
        public var conflicts: [Conflict]
    }

    /// Writes raw `changes` as one commit to this store's journal, flushed to disk, then folds
    /// them in, with no rule book: only for this module and its tests. Every door goes through
    /// `perform(_:by:at:source:)`, which judges the operation on the world as it is on disk.
    ///
    /// Under the journal's lock it first reads what other sessions wrote, so that nothing is
    /// written on top of a change it has not seen: an edit of a record deleted meanwhile is
    /// refused (the person's text stays theirs); `exact` (an undo) is also refused when a field
    /// it puts back was changed since. A put of a stored record is written as an edit of the
    /// fields that differ from it now.
    ///
    /// - Parameter source: where the changes came from when not typed (an import), kept in each event.
    @discardableResult
    func commit(_ changes: [Change], at date: Date = Date(), source: String? = nil, exact: Bool = false) throws(StoreError)
        -> Receipt
    {
        guard !changes.isEmpty else { return Receipt(events: [], conflicts: []) }
        try checkWritable()
        return try lockedForWriting { () throws(StoreError) -> Receipt in
            try refreshHoldingLock()
            return try write(changes, at: date, source: source, exact: exact)
        }
    }

    /// A world whose snapshot part did not read, and could not be taken from the journals
    /// either, lacks records: nothing is written from it. The world is read again from the
    /// journals, and the person is asked to try again.
    func refuseDamagedSnapshot() throws(StoreError) {
        guard let bytes = snapshotBytes, bytes.lost else { return }
        dropSnapshot()
        try reload()
        throw StoreError(
            Words.say(
                "the store's snapshot was damaged and is read again from the journals: nothing was saved, try again", context: "store"))
    }

    /// Refuses at once on a store this session cannot write, before any lock is taken.
    func checkWritable() throws(StoreError) {
        if let reason = readOnlyReason {
            throw StoreError(
                Words.say("{reason} ({path}): nothing can be saved here", context: "store", ["reason": reason, "path": directory.path]))
        }
    }

    /// Appends `changes` as one commit and folds them in; call holding the journal's lock, the
    /// world just refreshed.
    func write(_ changes: [Change], at date: Date, source: String?, exact: Bool) throws(StoreError) -> Receipt {
        let (written, seen) = try settle(changes, exact: exact)
        try refuseDamagedSnapshot()
        guard !written.isEmpty else { return Receipt(events: [], conflicts: []) }
        let stamp = nextStamp(date)
        let commitID = written.count > 1 ? "cm-" + String(UInt64.random(in: 0..<(1 << 60)), radix: 36) : nil
        var events: [Event] = []
        events.reserveCapacity(written.count)
        for (k, change) in written.enumerated() {
            events.append(
                Event(
                    id: Event.makeID(), at: stamp.at, clock: stamp.clock, by: identity.user, host: identity.host,
                    base: broughtBack(change), source: source, change: change,
                    commit: commitID.map { CommitMark(id: $0, part: k + 1, of: written.count) },
                    seen: seen[k]))
        }
        var lines: [[UInt8]] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for event in events {
            do {
                lines.append(Array(try encoder.encode(event)))
            } catch {
                throw StoreError(Words.say("cannot encode a change: {reason}", context: "store", ["reason": "\(error)"]))
            }
        }
        try writer.append(lines: lines)
        // Where a problem with one of these events is found, to name its line: they are all in
        // the journal just written (the store's journals were listed a moment ago, under the lock).
        let files = [journalFile]
        var conflicts: [Conflict] = []
        for event in events {
            ownUnseen.insert(event.id)
            ownEvents.insert(event.id)
            note(clockOf: event)
            if let problem = Store.fold(event, into: &world, files: files, found: &conflicts) {
                problems.append(problem)
            } else {
                lastApplied = EventOrder(event)
                eventCount += 1
            }
        }
        return Receipt(events: events, conflicts: conflicts)
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

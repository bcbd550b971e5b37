import CairnCore
import Foundation
import Synchronization

extension Store {
    /// Events folded past the snapshot before a start writes a new one: replaying a few thousand
    /// costs less than writing a national store's snapshot, which holds every record.
    public static let snapshotAfter = 2_000

    var snapshotFile: URL { StoreLayout.localFolder(directory).appendingPathComponent("snapshot") }

    /// Reads the store: from the snapshot plus the journals' tail when the snapshot fits them,
    /// else every journal from the start. Writes a new snapshot when the tail has grown long.
    func open() throws(StoreError) {
        let early = firstLookSnapshot.take()?.value ?? snapshotForFirstLook.take()?.value.snapshot?.withWorld()
        let snapshot = early ?? StoreSnapshot.read(snapshotFile)
        trustedStats = snapshot?.seen ?? [:]
        var fit = StoreSnapshot.Fit.unfit
        if let snapshot {
            // The first look's listing, a frame ago, serves: the store is read as it stood then,
            // and what was written since is read at the session's next look, as any change is.
            // The fit is found again, not taken from the look: a journal that grew since the
            // snapshot has its bytes up to the snapshot's mark read again now (a change in
            // place between the look and the read is seen); one found as the snapshot saw it costs nothing.
            if !listedForFirstLook { _ = try journalFiles() }
            fit = snapshot.fit(journalListing, stats: journalStats)
        }
        listedForFirstLook = false
        if let snapshot, fit != .unfit {
            readSeal = snapshot.seal
            world = snapshot.world
            snapshotBytes = snapshot.bytes
            // A part found damaged when first asked for is taken from the journals instead.
            recoverFromJournals(snapshot)
            snapshotMarks = Dictionary(snapshot.marks.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
            positions = Dictionary(snapshot.marks.map { ($0.file, ($0.offset, $0.line)) }, uniquingKeysWith: { a, _ in a })
            clockHigh = snapshot.clockHigh
            lastApplied = snapshot.lastApplied
            eventCount = snapshot.eventCount
            snapshotEvents = snapshot.eventCount
            problems = []
            startedFromSnapshot = true
            // The tail, as another session's commits are read; a full read when it brings an
            // event that orders before the snapshot's last (a sync merged older work).
            try refreshHoldingLock(keepingTornTail: true, listed: true)
        } else {
            try reload()
        }
        let older = snapshot.map { $0.written < StoreSnapshot.format } ?? false
        if eventCount - snapshotEvents >= snapshotAfter || fit == .fitsMoved || (fit != .unfit && older) { saveSnapshot() }
    }

    /// A part of `snapshot` found damaged when first asked for is taken from the journals instead.
    private func recoverFromJournals(_ snapshot: StoreSnapshot) {
        snapshot.bytes?.recoverFrom(journalDirectory, marks: snapshot.marks, events: snapshot.eventCount)
    }

    /// The world the snapshot held, folded anew from the journals up to its marks (whose bytes
    /// the start found unchanged); nil when they cannot be read so, or do not give the same
    /// count of events. Only files are read: it may run on any thread, under any lock.
    static func journalsWorld(_ journals: URL, marks: [StoreSnapshot.Mark], events count: Int) -> World? {
        let files = marks.map { journals.appendingPathComponent($0.file) }
        var events: [Event] = []
        for (mark, url) in zip(marks, files) {
            guard let read = try? JournalReader.read(url, from: 0, firstLine: 1, maxBytes: mark.offset), read.endOffset == mark.offset,
                !read.problems.contains(where: \.isDamage)
            else { return nil }
            events += read.events
        }
        // A snapshot is never written from journals with damage: every event up to the marks
        // folded then, and folds so again.
        var world = World()
        var found: [Conflict] = []
        for event in Event.ordered(events) {
            guard Store.fold(event, into: &world, files: files, found: &found) == nil else { return nil }
        }
        return events.count == count ? world : nil
    }

    /// Writes a snapshot of the world as read now (temporary file, then rename). Never of a
    /// store whose journals have damage, which every read must go on reporting; a snapshot that
    /// cannot be written (a read-only or full disk) is only a slower next start.
    @discardableResult
    public func saveSnapshot() -> Bool {
        guard let pending = snapshotToSave(), pending.write() else { return false }
        snapshotSaved(pending)
        return true
    }

    /// The snapshot of the world as read now, ready to be written on any thread (its encoding
    /// costs a national store's session a pause it need not wait for); nil when none may be.
    public func snapshotToSave() -> PendingSnapshot? {
        // Our own commits not yet read back lie past the marks: the next start would fold them
        // twice. A world lacking a part neither the snapshot nor the journals gave is no cache.
        guard !problems.contains(where: \.isDamage), ownUnseen.isEmpty, snapshotBytes?.lost != true else { return nil }
        var marks: [StoreSnapshot.Mark] = []
        for (file, place) in positions.sorted(by: { $0.key < $1.key }) {
            let url = journalDirectory.appendingPathComponent(file)
            guard let mark = StoreSnapshot.mark(url, offset: place.offset, line: place.line, known: snapshotMarks[file]) else {
                return nil
            }
            marks.append(mark)
        }
        let snapshot = StoreSnapshot(
            marks: marks, eventCount: eventCount, clockHigh: clockHigh, lastApplied: lastApplied, world: world, look: world.firstLookInFull)
        return PendingSnapshot(snapshot: snapshot, file: snapshotFile, store: directory, access: access)
    }

    /// Notes a snapshot written: the next is due only after as many events more.
    public func snapshotSaved(_ saved: PendingSnapshot) {
        snapshotEvents = max(snapshotEvents, saved.events)
        snapshotMarks = Dictionary(saved.snapshot.marks.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// All Home's first frame shows, from the snapshot alone (a few thousand records, not the
    /// whole world), when the snapshot holds every journal whole; else nil, and the start
    /// waits for `read()`.
    public func firstLook() -> FirstLook? {
        earlyLook().flatMap { $0.behind ? nil : $0.look }
    }

    /// The snapshot's first look whenever the snapshot fits the journals, and whether they
    /// have grown past it (a session killed before it wrote one, a sync since): a first frame
    /// drawn from it is then a moment behind the store, and says so until the read is done.
    public func earlyLook() -> (look: FirstLook, behind: Bool)? {
        // What an earlier look left is not taken by a read after this one.
        (firstLookSnapshot, listedForFirstLook) = (nil, false)
        let read =
            snapshotForFirstLook.take()?.value
            ?? FirstLookRead(snapshot: StoreSnapshot.read(snapshotFile, firstLookOnly: true, journals: journalDirectory))
        guard let snapshot = read.snapshot else { return nil }
        trustedStats = snapshot.seen
        // Listed beside the snapshot's read (no listing before it to reuse), else here.
        let listed = (vettedFiles.isEmpty ? try? read.listing?.get() : nil).map(take) ?? (try? journalFiles())
        guard listed != nil, snapshot.fit(journalListing, stats: journalStats) == .fits else { return nil }
        listedForFirstLook = true
        firstLookSeal = snapshot.seal
        // The world is read while the first frame is drawn, from the parts opened (and the
        // name orders checked) beside the first look: a key pressed at that frame is answered
        // from them.
        recoverFromJournals(snapshot)
        firstLookSnapshot = Pending { snapshot.withWorld() }
        return (snapshot.look, !snapshot.endsWhereTheyEnd(journalListing, stats: journalStats))
    }

    /// Whether the world is the snapshot the first look came from, nothing folded since: its
    /// first look is then that look, with no need to work it out from the world again.
    public var worldIsTheFirstLooks: Bool {
        startedFromSnapshot && eventCount == snapshotEvents && firstLookSeal != nil && firstLookSeal == readSeal
    }

    /// At the end of a session: a snapshot of the world as it stands, when the journals have
    /// grown past the last one, so that the next start draws its first frame from it at once.
    /// A small store too: its snapshot is small and quick to write, and its next start draws
    /// the first frame from it instead of waiting for the read of every line.
    public func saveSnapshotIfBehind() {
        guard eventCount > 0, eventCount != snapshotEvents else { return }
        _ = try? refresh()
        saveSnapshot()
    }

    /// Removes the snapshot, so that the next start reads every journal from the start.
    public func dropSnapshot() {
        unlink(snapshotFile.path)
    }
}

/// What a start reads on another thread while its terminal is set up (`Store(readNow: false)`):
/// the snapshot's head and first look, then `journal/` listed against the stats it holds.
struct FirstLookRead: Sendable {
    var snapshot: StoreSnapshot?
    /// Nil when there is no snapshot to list against.
    var listing: Result<JournalListing, StoreError>?
}

/// A snapshot taken from a store's world, to be written where and when it suits: the world is
/// a value, so the session goes on changing its own while this one is encoded.
public struct PendingSnapshot: Sendable {
    let snapshot: StoreSnapshot
    let file: URL
    let store: URL
    let access: StoreAccess
    /// The events it holds.
    public var events: Int { snapshot.eventCount }

    /// Encodes and writes it (temporary file, then rename), and brings the journals' indexes
    /// up to its marks; false when it cannot be written.
    public func write() -> Bool {
        do {
            try StoreFiles.createFolder(StoreLayout.localFolder(store), mode: access.folderMode, store: store)
            try StoreFiles.write(Data(snapshot.encoded()), to: file, mode: access.fileMode, store: store)
            JournalIndex.update(snapshot.marks, store: store, access: access)
            return true
        } catch {
            return false
        }
    }
}

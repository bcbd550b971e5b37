import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// This copy's journal, as segments (`JournalSegment`): every lock is taken on the open segment,
/// the last one. A segment is sealed by making the next one while holding its lock, and every
/// session that takes a segment's lock looks for a next one first, so no line is ever appended
/// to a segment once its successor exists, whichever session of the copy sealed it.
final class OwnJournal {
    let folder: URL
    let store: URL
    let copy: String
    let mode: mode_t
    /// Bytes past which the open segment is sealed at the next commit.
    let sealAfter: Int
    /// The open segment as this session last found it; its writer keeps where the chain ends.
    private(set) var writer: JournalWriter

    init(copy: String, store: URL, mode: mode_t, sealAfter: Int = JournalSegment.sealAfter) {
        self.folder = StoreLayout.journalFolder(store)
        self.store = store
        self.copy = copy
        self.mode = mode
        self.sealAfter = sealAfter
        writer = JournalWriter(
            url: folder.appendingPathComponent(JournalSegment.open(of: copy, in: folder).fileName), store: store, mode: mode)
    }

    /// The open segment's file.
    var url: URL { writer.url }

    /// What one pass under a segment's lock came to.
    private enum Pass<T> {
        case done(T)
        /// A later segment exists (or was just made): its lock is taken instead.
        case moveOn
    }

    /// Runs `body` holding the open segment's lock, with that segment's writer.
    ///
    /// - Parameter sealing: true for an append, which first seals a segment that has grown
    ///   past `sealAfter`; false for a sync's or a move's lock, which only must see no session writing.
    func locked<T>(sealing: Bool, _ body: (JournalWriter) throws(StoreError) -> T) throws(StoreError) -> T {
        // Each pass moves on by at least one segment; a copy's sessions make few at a time.
        for _ in 0..<64 {
            let writer = self.writer
            let segment = JournalSegment(fileName: writer.url.lastPathComponent) ?? JournalSegment(copy: copy)
            let pass = try writer.locked { () throws(StoreError) -> Pass<T> in
                let successor = folder.appendingPathComponent(segment.next.fileName)
                var info = stat()
                if lstat(successor.path, &info) == 0 { return .moveOn }
                if sealing, try writer.size() >= sealAfter {
                    try seal(making: successor)
                    return .moveOn
                }
                return .done(try body(writer))
            }
            switch pass {
            case .done(let value): return value
            case .moveOn: followSeals()
            }
        }
        throw StoreError(
            Words.say("this copy's journal kept gaining segments while saving: nothing was written; save again", context: "store"))
    }

    /// `JournalWriter.unlessBusy` on the open segment, found anew if another session sealed
    /// the one this session knew.
    func unlessBusy<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T? {
        followSeals()
        return try writer.unlessBusy(body)
    }

    /// Moves the writer on to the last segment of the run that follows the one it knows.
    private func followSeals() {
        var segment = JournalSegment(fileName: writer.url.lastPathComponent) ?? JournalSegment(copy: copy)
        var info = stat()
        var moved = false
        while lstat(folder.appendingPathComponent(segment.next.fileName).path, &info) == 0 {
            segment = segment.next
            moved = true
        }
        if moved { writer = JournalWriter(url: folder.appendingPathComponent(segment.fileName), store: store, mode: mode) }
    }

    /// Makes the next segment, empty, and flushes the folder, so that a crash never leaves a
    /// line appended after it to the segment before.
    private func seal(making successor: URL) throws(StoreError) {
        let fd = try InsideStore.openFile(successor, of: store, flags: O_RDWR | O_CREAT | O_EXCL, mode: mode)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o7777 != mode { _ = fchmod(fd, mode) }
        close(fd)
        let dir = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }
}

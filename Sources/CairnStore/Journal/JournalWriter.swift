import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Appends to this store's journal file: every session of the store shares the file, so a
/// commit holds an exclusive `flock` from reading what others wrote until its own lines are on
/// disk, writes all of its lines in one `write()`, and returns only after `fdatasync`.
///
/// A write that fails (a full disk, a file-size limit, an I/O error) is cut off again before
/// the error is reported, so the journal holds all of a commit or none of it.
final class JournalWriter {
    let url: URL
    /// The store the journal lies in: nothing on the way from it is followed (`InsideStore`).
    let store: URL
    /// 0600, or 0660 in a team store: set on the file whatever the umask.
    let mode: mode_t
    private var fd: Int32 = -1
    /// The chain's end as this session last wrote it: where the file ended, and the link there.
    private var known: (offset: Int, link: JournalChain.Link)?

    init(url: URL, store: URL, mode: mode_t = 0o600) {
        self.url = url
        self.store = store
        self.mode = mode
        // Past a file-size limit the kernel would kill the process with SIGXFSZ, mid-commit and
        // without a word; ignored, the write fails with EFBIG and is reported like a full disk.
        signal(SIGXFSZ, SIG_IGN)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Runs `body` holding the journal's lock, after cutting off what a killed writer left.
    func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        // A journal removed or replaced since it was opened (a store moved, restored from a
        // backup, deleted) would swallow writes into a file no one can read: open it anew.
        if fd >= 0 {
            var held = stat()
            var named = stat()
            if fstat(fd, &held) != 0 || lstat(url.path, &named) != 0 || held.st_ino != named.st_ino || held.st_dev != named.st_dev {
                close(fd)
                fd = -1
                known = nil
            }
        }
        if fd < 0 {
            var dir = stat()
            guard stat(url.deletingLastPathComponent().path, &dir) == 0 else {
                throw StoreError.writeFailed {
                    Words.say("cannot open the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                }
            }
            fd = try InsideStore.openFile(url, of: store, flags: O_RDWR | O_APPEND | O_CREAT, mode: mode)
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
                close(fd)
                fd = -1
                // A second name (a hard link, `cp -al`) would have two copies append to one file.
                throw StoreError(
                    Words.say(
                        "{path} is not a journal file of its own (a device, or a file with another name too): nothing was written; `cp {path} {path}.copy && mv {path}.copy {path}` gives it one name",
                        context: "store",
                        ["path": url.path]))

            }
            // The umask may have taken the group's bits from a team store's journal.
            if info.st_uid == geteuid(), info.st_mode & 0o7777 != mode { _ = fchmod(fd, mode) }
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                throw StoreError.posix {
                    Words.say("cannot lock the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                }
            }
        }
        defer { flock(fd, LOCK_UN) }
        try cutUnfinishedTail()
        return try body()
    }

    /// Runs `body` unless a writer holds the journal's lock right now (a commit, or a sync's
    /// merge rewriting other copies' journals): then returns nil at once, and a poll simply
    /// reads next time rather than see a journal git has half rewritten. A store whose journal
    /// is not there yet (or cannot be opened) has no writer to wait for.
    func unlessBusy<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T? {
        let reader = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard reader >= 0 else { return try body() }
        defer { close(reader) }
        while flock(reader, LOCK_SH | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return nil }
            return try body()  // a file system without locks: read as before
        }
        return try body()
    }

    /// The journal's length now; call inside `locked`.
    func size() throws(StoreError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw StoreError.posix {
                Words.say("cannot inspect the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        return Int(info.st_size)
    }

    /// Appends `lines` (each an event's JSON, no line break), each chained to the one before
    /// it (`JournalChain`); call inside `locked`. All or nothing.
    func append(lines: [[UInt8]]) throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw StoreError.posix {
                Words.say("cannot inspect the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        let before = info.st_size
        var link = try chainEnd(size: Int(before))
        var bytes: [UInt8] = []
        for line in lines {
            let chained = JournalChain.chained(line, after: link)
            bytes += chained.line
            bytes.append(0x0A)
            link = chained.link
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw rollBack(
                    to: before,
                    StoreError.writeFailed {
                        Words.say("cannot write the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                    })
            }
            written += n
        }
        guard fdatasync(fd) == 0 else {
            throw rollBack(
                to: before,
                StoreError.writeFailed {
                    Words.say("cannot flush the journal to disk {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                })
        }
        known = (Int(before) + bytes.count, link)
    }

    /// The link the next line chains to: the hash the last line carries, or (a journal whose
    /// last line an earlier version wrote) the chain walked over the whole file, once.
    private func chainEnd(size: Int) throws(StoreError) -> JournalChain.Link {
        if let known, known.offset == size { return known.link }
        guard size > 0 else { return JournalChain.seed(journal: url.lastPathComponent) }
        let start = try startOfLine(before: size - 1)
        var line = [UInt8](repeating: 0, count: size - 1 - start)
        let n = line.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
        guard n == line.count else {
            throw StoreError.posix {
                Words.say("cannot read the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        if let carried = JournalChain.split(line[...]).carried { return carried }
        guard let walk = ChainWalk.walk(fd: fd, journal: url.lastPathComponent, upTo: size) else {
            throw StoreError.posix {
                Words.say("cannot read the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        return walk.link
    }

    /// Cuts the file back to `size` after a failed write, and returns the error to throw.
    private func rollBack(to size: off_t, _ error: StoreError) -> StoreError {
        if ftruncate(fd, size) == 0 {
            _ = fdatasync(fd)
            return error
        }
        // Could not cut it: what was written is an unfinished commit, which no read folds.
        return StoreError(
            Words.say("{error} (the part written is left unfinished and will not be read)", context: "store", ["error": error.message]))
    }

    /// A line left unfinished by a killed process would glue itself to the next event: cut it
    /// off (we hold the lock, so no one is still writing it). Only that: the complete lines of a
    /// commit a kill cut short stay, and are read as such (`JournalReader`), for a journal
    /// never loses a complete line.
    private func cutUnfinishedTail() throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw StoreError.posix {
                Words.say("cannot inspect the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        let size = Int(info.st_size)
        guard size > 0 else { return }
        let end = try startOfLine(before: size)
        guard end < size else { return }
        guard ftruncate(fd, off_t(end)) == 0 else {
            throw StoreError.posix {
                Words.say("cannot cut the unfinished line off {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
    }

    /// The offset just past the last line break before `offset` (0 if none): where the line
    /// holding byte `offset - 1` starts, or `offset` itself when byte `offset - 1` is a break.
    private func startOfLine(before offset: Int) throws(StoreError) -> Int {
        var last: UInt8 = 0
        guard offset > 0 else { return 0 }
        guard pread(fd, &last, 1, off_t(offset - 1)) == 1 else {
            throw StoreError.posix {
                Words.say("cannot read the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        if last == 0x0A { return offset }
        var end = offset - 1
        var chunk = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let from = max(0, end - chunk.count)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - from, off_t(from)) }
            guard n == end - from else {
                throw StoreError.posix {
                    Words.say("cannot read the journal {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                }
            }
            if let i = chunk[0..<n].lastIndex(of: 0x0A) { return from + i + 1 }
            end = from
        }
        return 0
    }

}

extension StoreError {
    /// A failed write, said so that the person knows nothing was saved and what to do.
    /// `say` makes the whole sentence of the reason (what was being done, and to which path).
    static func writeFailed(_ say: (_ reason: String) -> String) -> StoreError {
        let code = errno
        let reason: String
        switch code {
        case ENOSPC, EDQUOT: reason = Words.say("the disk is full", context: "store")
        case EFBIG: reason = Words.say("the file has reached the size this account may write (ulimit -f)", context: "store")
        case EROFS: reason = Words.say("the store is on a read-only file system", context: "store")
        case EACCES, EPERM: reason = Words.say("this account may not write there", context: "store")
        case ENOENT: reason = Words.say("the store's directory has gone", context: "store")
        default: reason = String(cString: strerror(code))
        }
        return StoreError(say(reason), reason: reason)
    }
}

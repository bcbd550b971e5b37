import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Appends to this machine's journal file: every session on the machine shares the file,
/// so each append takes an exclusive `flock`, writes all of a commit's lines in one
/// `write()`, and returns only after `fdatasync`.
final class JournalWriter {
    let url: URL
    private var fd: Int32 = -1

    init(url: URL) { self.url = url }

    deinit { if fd >= 0 { close(fd) } }

    func append(_ bytes: [UInt8]) throws(StoreError) {
        if fd < 0 {
            fd = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            if fd < 0 { throw StoreError.posix("cannot open the journal", path: url.path) }
        }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.posix("cannot lock the journal", path: url.path) }
        defer { flock(fd, LOCK_UN) }
        try cutTornTail()
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.posix("cannot write the journal", path: url.path)
            }
            written += n
        }
        guard fdatasync(fd) == 0 else { throw StoreError.posix("cannot flush the journal to disk", path: url.path) }
    }

    /// A line left unfinished by a killed process would glue itself to the next event:
    /// cut it off (we hold the lock, so no one is still writing it).
    private func cutTornTail() throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.posix("cannot inspect the journal", path: url.path) }
        let size = Int(info.st_size)
        guard size > 0 else { return }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(size - 1)) == 1 else {
            throw StoreError.posix("cannot read the journal", path: url.path)
        }
        if last == 0x0A { return }
        var end = size - 1
        var chunk = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let from = max(0, end - chunk.count)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - from, off_t(from)) }
            guard n == end - from else { throw StoreError.posix("cannot read the journal", path: url.path) }
            if let i = chunk[0..<n].lastIndex(of: 0x0A) {
                end = from + i + 1
                break
            }
            end = from
        }
        guard ftruncate(fd, off_t(end)) == 0 else {
            throw StoreError.posix("cannot cut the unfinished line off", path: url.path)
        }
    }
}

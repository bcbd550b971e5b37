import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A register named by a person (on the command line or typed on the import screen), read
/// whole; when it cannot be, a one-line reason as the system gives it ("no such file or
/// directory", "permission denied"), and the same words from the screen as from the command.
public enum RegisterFile {
    /// A register larger than this is refused, not read: the largest real ones (a national
    /// list of 25,000 schools) are a few MiB, and a file of gigabytes would fill the memory.
    public static let largest = 256 << 20

    /// Reads the register at `path` whole. A FIFO is read until its writer ends it when `pipes`
    /// (`cairn import <(iconv …)` at a shell), and refused otherwise (a screen must not wait on
    /// a pipe nobody writes); a device (`/dev/zero`), a socket or a directory is refused, as is
    /// anything larger than `largest`, before it fills the memory.
    public static func read(_ path: String, pipes: Bool = true) throws(StoreError) -> Data {
        // Without O_NONBLOCK, opening a FIFO nobody writes waits for a writer forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            throw StoreError(Words.say("cannot read {path}: {reason}", context: "store", ["path": path, "reason": reason(errno)]))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw StoreError(Words.say("cannot read {path}: {reason}", context: "store", ["path": path, "reason": reason(errno)]))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError(Words.say("cannot read {path}: it is a directory", context: "store", ["path": path]))
        case S_IFIFO where pipes: break
        case S_IFIFO: throw StoreError(Words.say("cannot read {path}: it is a pipe, not a file", context: "store", ["path": path]))
        default: throw StoreError(Words.say("cannot read {path}: it is a device or a socket, not a file", context: "store", ["path": path]))
        }
        if info.st_size > largest { throw tooLarge(path) }
        // Reads wait for data again, as a pipe's writer sends it.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                throw StoreError(Words.say("cannot read {path}: {reason}", context: "store", ["path": path, "reason": reason(errno)]))
            }
            if n == 0 { return data }
            // A file that grows while it is read, or a pipe that never ends, stops here too.
            guard data.count + n <= largest else { throw tooLarge(path) }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    static func tooLarge(_ path: String) -> StoreError {
        StoreError(
            Words.say(
                "cannot read {path}: it is larger than {size} MiB, and no register is; is it the right file?", context: "store",
                ["path": path, "size": String(largest >> 20)]))
    }

    /// The system's words for an `errno`, in the lower case of the rest of the line.
    public static func reason(_ code: Int32) -> String {
        let words = String(cString: strerror(code))
        return words.prefix(1).lowercased() + words.dropFirst()
    }

    /// Refuses bytes that are no text a register could be: a spreadsheet's own format, an
    /// archive, a picture. Such bytes decode (as Windows-1252) into one line of thousands of
    /// characters, which is no use to show.
    public static func requireText(_ data: Data, path: String) throws(StoreError) {
        guard isBinary(data) else { return }
        throw StoreError(
            Words.say(
                "{path} is not text (a spreadsheet's own format, an archive?): save it as CSV and import that", context: "store",
                ["path": path]))

    }

    static func isBinary(_ data: Data) -> Bool {
        guard let text = try? RegisterText.decode(data).text else { return false }
        var controls = 0
        var all = 0
        for s in text.unicodeScalars {
            all += 1
            if s.value == 0 { return true }
            if s.value < 0x20, ![0x09, 0x0A, 0x0C, 0x0D].contains(s.value) { controls += 1 }
        }
        return controls * 100 > all
    }
}

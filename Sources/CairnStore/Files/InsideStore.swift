import CairnCore
import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files and folders inside a store, reached without following any link below the store's
/// own folder.
///
/// Members of a team store may not trust each other's accounts: one who replaces a journal,
/// `reports/` or `local/` with a link to a colleague's file would otherwise have Cairn, running
/// as that colleague, write there. So each folder on the way is opened from the one above it
/// with `O_NOFOLLOW` (a folder swapped for a link meanwhile is caught too), and the file itself
/// likewise. The store's own folder (`--store`) may be a link: it is the person's choice.
public enum InsideStore {
    /// The names from `store` down to `url`, or nil when `url` is not inside `store`.
    static func steps(from store: URL, to url: URL) -> [String]? {
        let root = store.standardizedFileURL.pathComponents
        let path = url.standardizedFileURL.pathComponents
        guard path.count >= root.count, Array(path.prefix(root.count)) == root else { return nil }
        let rest = Array(path.dropFirst(root.count))
        return rest.contains("..") ? nil : rest
    }

    /// The refusal of a link found inside a store, naming it and how to remove it.
    public static func linkRefused(_ path: String) -> StoreError {
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
        if let target {
            return StoreError(
                Words.say(
                    "{path} is a link (to {target}): Cairn follows no link inside a store; nothing was written (`rm {path}` removes the link alone)",
                    context: "store",
                    ["path": path, "target": Text.visible(target)]))
        }
        return StoreError(
            Words.say(
                "{path} is a link: Cairn follows no link inside a store; nothing was written (`rm {path}` removes the link alone)",
                context: "store", ["path": path]))
    }

    /// A link found inside a store, naming it and how to remove it (for `cairn check`, which writes nothing).
    public static func linkFound(_ path: String) -> String {
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
        if let target {
            return Words.say(
                "{path} is a link (to {target}): Cairn follows no link inside a store (`rm {path}` removes the link alone)",
                context: "store",
                ["path": path, "target": Text.visible(target)])
        }
        return Words.say(
            "{path} is a link: Cairn follows no link inside a store (`rm {path}` removes the link alone)", context: "store", ["path": path])
    }

    /// Whether `path` is a symbolic link (not followed).
    public static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Opens the folder `folder` inside `store`, each step without following a link.
    ///
    /// - Parameter create: the mode of each missing folder to make on the way (set past the
    ///   umask); nil to make none.
    /// - Returns: a descriptor the caller closes.
    static func openFolder(_ folder: URL, of store: URL, create mode: mode_t?) throws(StoreError) -> Int32 {
        guard let steps = steps(from: store, to: folder) else {
            throw StoreError(
                Words.say("{folder} is not inside the store {store}", context: "store", ["folder": folder.path, "store": store.path]))
        }
        var fd = open(store.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StoreError.posix {
                Words.say("cannot open the store {path}: {reason}", context: "store", ["path": store.path, "reason": $0])
            }
        }
        var reached = store.standardizedFileURL
        for step in steps {
            reached.appendPathComponent(step)
            var next = openat(fd, step, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, let mode {
                if mkdirat(fd, step, mode) != 0, errno != EEXIST {
                    let error = StoreError.writeFailed {
                        Words.say("cannot create {path}: {reason}", context: "store", ["path": reached.path, "reason": $0])
                    }
                    close(fd)
                    throw error
                }
                next = openat(fd, step, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if next >= 0 { _ = fchmod(next, mode) }
            }
            if next < 0 {
                let code = errno
                close(fd)
                if isLink(reached.path) { throw linkRefused(reached.path) }
                errno = code
                throw code == ENOTDIR
                    ? StoreError(Words.say("{path} is a file, not a folder", context: "store", ["path": reached.path]))
                    : StoreError.posix {
                        Words.say("cannot open {path}: {reason}", context: "store", ["path": reached.path, "reason": $0])
                    }
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// Opens the file `url` inside `store` with `flags` (plus `O_NOFOLLOW`), every folder on the
    /// way reached without following a link; a link there or at the file is refused, named.
    static func openFile(_ url: URL, of store: URL, flags: Int32, mode: mode_t = 0o600) throws(StoreError) -> Int32 {
        let folder = try openFolder(url.deletingLastPathComponent(), of: store, create: nil)
        defer { close(folder) }
        let fd = openat(folder, url.lastPathComponent, flags | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd < 0 {
            if errno == ELOOP || isLink(url.path) { throw linkRefused(url.path) }
            throw StoreError.writeFailed { Words.say("cannot open {path}: {reason}", context: "store", ["path": url.path, "reason": $0]) }
        }
        return fd
    }

    /// The size of the file at `url` (of a link itself, never what it points at); 0 when it
    /// cannot be read. One `lstat`, where `FileManager` asks for much more than the size.
    static func size(_ url: URL) -> Int {
        var info = stat()
        return lstat(url.path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Opens `url` for reading without following a link at its last step: nil when it is
    /// missing, a link or not a regular file. Never waits: a FIFO put in a file's place
    /// (which a member of a team store can do) would hold `open` until someone wrote to it.
    static func openForReading(_ url: URL) -> Int32? {
        try? opened(url)
    }

    /// Why a file in the store is not read.
    enum Unreadable: Error, Equatable {
        case missing, notAFile, tooLarge
        case failed(Int32)
    }

    /// `url` opened as `openForReading` does, saying why when it cannot be.
    static func opened(_ url: URL) throws(Unreadable) -> Int32 {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw .missing
            case ELOOP: throw .notAFile
            default: throw .failed(errno)
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notAFile
        }
        return fd
    }

    /// The bytes of the regular file `url`, never through a link; nil otherwise.
    static func contents(of url: URL) -> Data? {
        guard let fd = openForReading(url) else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try? handle.readToEnd() ?? Data()
    }

    /// The bytes of the regular file `url` when it holds at most `largest` of them, checked on
    /// the file as opened (a name checked, then opened, could be swapped in between) and
    /// again as read (it may grow meanwhile).
    static func contents(of url: URL, largest: Int) throws(Unreadable) -> Data {
        let fd = try opened(url)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size <= largest else { throw .tooLarge }
        let room = largest + 1
        var bytes = [UInt8](repeating: 0, count: room)
        var got = 0
        while got < room {
            let at = got
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + at, room - at) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw .failed(errno) }
            if n == 0 { break }
            got += n
        }
        guard got <= largest else { throw .tooLarge }
        return Data(bytes[..<got])
    }
}

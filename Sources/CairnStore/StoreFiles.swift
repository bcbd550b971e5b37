import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who may read and write what Cairn creates in a store, whatever the creator's umask.
///
/// - A personal store (the default): owner-only, files 0600 and folders 0700.
/// - A team store on a shared server: a group-owned folder with the setgid bit (`chmod 2770`).
///   Files are then 0660 and folders 2770, so every member's sessions can append to the
///   journal, and nobody outside the group reads it. Drafts stay private to their author in
///   both (they are not in the store; see `DraftBox`).
public struct StoreAccess: Sendable, Equatable {
    public var fileMode: mode_t
    public var folderMode: mode_t

    public static let personal = StoreAccess(fileMode: 0o600, folderMode: 0o700)
    public static let team = StoreAccess(fileMode: 0o660, folderMode: 0o2770)

    /// Team when the store's folder is setgid, else personal.
    public static func of(_ directory: URL) -> StoreAccess {
        var info = stat()
        guard stat(directory.path, &info) == 0 else { return .personal }
        return info.st_mode & S_ISGID != 0 ? .team : .personal
    }

    public var isTeam: Bool { self == .team }
}

/// Files written whole or not at all, with exact permissions.
public enum StoreFiles {
    /// Writes `data` to a temporary file beside `url` (created with `mode`, set again past the
    /// umask), flushes it, and renames it over `url`. On any failure the temporary file is
    /// removed and `url` is left as it was.
    ///
    /// - Parameter flushed: false for a note that may be lost in a crash (when this person last
    ///   opened the store), whose flush would hold up every start: the rename alone still
    ///   leaves the old file or the new one whole.
    public static func write(_ data: Data, to url: URL, mode: mode_t, flushed: Bool = true) throws(StoreError) {
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw StoreError.writeFailed("cannot write", path: url.path) }
        var failure: StoreError?
        if fchmod(fd, mode) != 0 { failure = StoreError.writeFailed("cannot set the permissions of", path: url.path) }
        var written = 0
        let bytes = [UInt8](data)
        while failure == nil, written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = StoreError.writeFailed("cannot write", path: url.path)
            } else {
                written += n
            }
        }
        if failure == nil, flushed, fsync(fd) != 0 { failure = StoreError.writeFailed("cannot flush", path: url.path) }
        close(fd)
        if failure == nil, rename(temp.path, url.path) != 0 { failure = StoreError.writeFailed("cannot write", path: url.path) }
        if let failure {
            unlink(temp.path)
            throw failure
        }
    }

    private static func notAFolder(_ url: URL) -> StoreError {
        StoreError("\(url.path) is a file, not a folder", reason: "“\(url.lastPathComponent)” on that path is a file, not a folder")
    }

    /// Creates `url` (and missing parents) with `mode` exactly, past the umask.
    public static func createFolder(_ url: URL, mode: mode_t) throws(StoreError) {
        var info = stat()
        if stat(url.path, &info) == 0 {
            if info.st_mode & S_IFMT != S_IFDIR { throw notAFolder(url) }
            return
        }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path {
            if stat(parent.path, &info) != 0 {
                try createFolder(parent, mode: mode & 0o777)
            } else if info.st_mode & S_IFMT != S_IFDIR {
                throw notAFolder(parent)
            }
        }
        guard mkdir(url.path, mode) == 0 || errno == EEXIST else {
            throw StoreError.writeFailed("cannot create", path: url.path)
        }
        _ = chmod(url.path, mode)
    }
}

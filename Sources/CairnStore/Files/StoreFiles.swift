import CairnWords
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
    /// - Parameter store: the store `url` lies in: no link on the way from it, nor at `url`, is
    ///   followed or replaced (see `InsideStore`). Nil for a file the person named themselves.
    public static func write(
        _ data: Data, to url: URL, mode: mode_t, flushed: Bool = true, store: URL?
    ) throws(StoreError) {
        let folder: Int32
        if let store {
            folder = try InsideStore.openFolder(url.deletingLastPathComponent(), of: store, create: nil)
        } else {
            folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else {
                throw StoreError.writeFailed {
                    Words.say("cannot write {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                }
            }
        }
        defer { close(folder) }
        let name = url.lastPathComponent
        if store != nil, InsideStore.isLink(url.path) { throw InsideStore.linkRefused(url.path) }
        let temp = ".\(name).\(getpid()).tmp"
        // Never through something already there under the temporary name (a link, a file a
        // killed session left): it is removed, and the file made anew.
        unlinkat(folder, temp, 0)
        let fd = openat(folder, temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else {
            throw StoreError.writeFailed { Words.say("cannot write {path}: {reason}", context: "store", ["path": url.path, "reason": $0]) }
        }
        var failure: StoreError?
        if fchmod(fd, mode) != 0 {
            failure = StoreError.writeFailed {
                Words.say("cannot set the permissions of {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        var written = 0
        let bytes = [UInt8](data)
        while failure == nil, written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = StoreError.writeFailed {
                    Words.say("cannot write {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
                }
            } else {
                written += n
            }
        }
        if failure == nil, flushed, fsync(fd) != 0 {
            failure = StoreError.writeFailed {
                Words.say("cannot flush {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        close(fd)
        if failure == nil, renameat(folder, temp, folder, name) != 0 {
            failure = StoreError.writeFailed {
                Words.say("cannot write {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        if let failure {
            unlinkat(folder, temp, 0)
            throw failure
        }
    }

    private static func notAFolder(_ url: URL) -> StoreError {
        StoreError(
            Words.say("{path} is a file, not a folder", context: "store", ["path": url.path]),
            reason: Words.say("“{name}” on that path is a file, not a folder", context: "store", ["name": url.lastPathComponent]))

    }

    /// Creates `url` (and missing parents) with `mode` exactly, past the umask.
    ///
    /// - Parameter store: the store `url` lies in: no link on the way is followed (a link is
    ///   refused, named). Nil outside a store (the person's own drafts folder).
    public static func createFolder(_ url: URL, mode: mode_t, store: URL?) throws(StoreError) {
        if let store {
            close(try InsideStore.openFolder(url, of: store, create: mode))
            return
        }
        var info = stat()
        if stat(url.path, &info) == 0 {
            if info.st_mode & S_IFMT != S_IFDIR { throw notAFolder(url) }
            return
        }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path {
            if stat(parent.path, &info) != 0 {
                try createFolder(parent, mode: mode & 0o777, store: nil)
            } else if info.st_mode & S_IFMT != S_IFDIR {
                throw notAFolder(parent)
            }
        }
        guard mkdir(url.path, mode) == 0 || errno == EEXIST else {
            throw StoreError.writeFailed {
                Words.say("cannot create {path}: {reason}", context: "store", ["path": url.path, "reason": $0])
            }
        }
        _ = chmod(url.path, mode)
    }
}

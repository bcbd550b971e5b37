import CairnWords
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One sync of a store at a time (`local/sync.lock`, an `flock`): the terminal's `S` and a
/// `cairn sync` in another window would otherwise run git over each other.
///
/// Holding it, a sync knows that no other Cairn is inside git here, so a `.git/index.lock`
/// left by a sync that was killed (a dropped SSH link) is stale and removed, where git alone
/// would refuse every later commit until someone deleted it by hand.
struct SyncLock {
    private let fd: Int32
    private let store: URL

    init(_ store: URL, access: StoreAccess) throws(StoreError) {
        self.store = store
        try StoreFiles.createFolder(StoreLayout.localFolder(store), mode: access.folderMode, store: store)
        fd = try InsideStore.openFile(
            StoreLayout.localFolder(store).appendingPathComponent("sync.lock"), of: store, flags: O_RDWR | O_CREAT, mode: access.fileMode)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            throw StoreError(Words.say("another sync of this store is running; its summary will say what it did", context: "store"))
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Removes git's index lock when no git has touched it for 10 seconds (a person's own
    /// `git` run a moment ago is left alone, and said).
    func clearStaleIndexLock() throws(StoreError) {
        let lock = store.appendingPathComponent(".git/index.lock")
        var info = stat()
        guard stat(lock.path, &info) == 0 else { return }
        if time(nil) - info.st_mtim.tv_sec < 10 {
            throw StoreError(Words.say("git is busy in this store (.git/index.lock is new): try again in a moment", context: "store"))

        }
        unlink(lock.path)
    }
}

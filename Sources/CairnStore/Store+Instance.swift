import CairnWords
import Foundation

/// A sync that finds this copy restored from a backup gives it a new id (`StoreInstance.renew`)
/// while holding the old journal's lock: a session open since writes the new journal from its
/// next commit on, and a commit that was waiting for that lock never lands in the old one.
extension Store {
    func adoptRenewedInstance() {
        guard let now = StoreInstance.kept(directory, identity: identity), now.id != instance.id else { return }
        instance = now
        journal = OwnJournal(copy: now.id, store: directory, mode: access.fileMode, sealAfter: journal.sealAfter)
    }

    /// Runs `body` holding this copy's journal's lock, the copy's id checked again once the
    /// lock is held (it may have changed while this session waited for it).
    func lockedForWriting<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        // One read of the id a commit, under the lock; a changed one is taken and the lock of
        // the new journal taken instead.
        for _ in 0..<3 {
            let current = instance.id
            let done: T? = try journal.locked(sealing: true) { _ throws(StoreError) -> T? in
                if let now = StoreInstance.kept(directory, identity: identity), now.id != current { return nil }
                return try body()
            }
            if let done { return done }
            adoptRenewedInstance()
        }
        throw StoreError(
            Words.say("this copy's id changed while saving (a sync took a new one): nothing was written; save again", context: "store"))

    }
}

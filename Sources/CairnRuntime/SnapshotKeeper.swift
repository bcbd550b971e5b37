import CairnStore
import Foundation
import Synchronization

/// Keeps the snapshot within `Store.snapshotAfter` events of what a session has read, so that
/// a session killed after a long import, or after a sync that brought a national store, leaves
/// the next start a short tail to fold rather than the whole of it. The world is a value: it is
/// encoded and written on a thread of its own while the session goes on.
final class SnapshotKeeper: Sendable {
    private struct State {
        var writing = false
        /// A write that ended since the last turn, and whether it reached the disk.
        var ended: (snapshot: PendingSnapshot, written: Bool)?
        /// After a write that failed (a full or read-only disk), the next try waits for more events.
        var retryAt = 0
    }

    private let state = Mutex(State())
    private let writes = DispatchGroup()

    /// Takes note of a write that ended, and starts one when the store has read far enough past
    /// its snapshot. Called on the session's own thread, once a turn.
    func keep(_ store: Store) {
        let ended = state.withLock { state -> (snapshot: PendingSnapshot, written: Bool)? in
            defer { state.ended = nil }
            if state.ended != nil { state.writing = false }
            return state.ended
        }
        if let ended {
            if ended.written {
                store.snapshotSaved(ended.snapshot)
            } else {
                state.withLock { $0.retryAt = store.eventCount + Store.snapshotAfter }
            }
        }
        let due = state.withLock { !$0.writing && store.eventCount >= $0.retryAt }
        guard due, store.eventCount - store.snapshotEvents >= Store.snapshotAfter, let pending = store.snapshotToSave() else { return }
        state.withLock { $0.writing = true }
        writes.enter()
        DispatchQueue.global(qos: .utility).async { [state = self] in
            let written = pending.write()
            state.finish(pending, written: written)
        }
    }

    private func finish(_ snapshot: PendingSnapshot, written: Bool) {
        state.withLock { $0.ended = (snapshot, written) }
        writes.leave()
    }

    /// Waits for a write under way: a session that ends leaves no half-written file behind.
    func waitForWrites() {
        writes.wait()
    }
}

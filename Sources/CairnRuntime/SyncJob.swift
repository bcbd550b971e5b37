import CairnApp
import CairnStore
import Foundation

/// A sync the terminal UI runs on a thread of its own, so that the screen stays usable while
/// git talks to the network; the run loop reads its steps and its end between keys.
final class SyncJob: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [String] = []
    private var outcome: Result<StoreSync.Report, StoreError>?

    /// Starts `sync.run()` at once on another thread.
    init(_ sync: StoreSync) {
        Thread.detachNewThread { [self] in
            let result: Result<StoreSync.Report, StoreError>
            do throws(StoreError) {
                result = .success(try sync.run { step in self.note(step) })
            } catch {
                result = .failure(error)
            }
            lock.withLock { outcome = result }
        }
    }

    private func note(_ step: String) { lock.withLock { steps.append(step) } }

    /// The steps reached since last asked, and the outcome once it is over.
    func take() -> (steps: [String], outcome: Result<StoreSync.Report, StoreError>?) {
        lock.withLock {
            defer { steps = [] }
            return (steps, outcome)
        }
    }
}

extension SyncStatus {
    /// The title bar's sync line; nil for a store not shared through git.
    static func line(for store: Store, running: Bool = false) -> SyncLine? {
        let status = SyncStatus.of(store)
        guard status.isShared else { return nil }
        return SyncLine(unsent: status.unsent, lastSynced: status.last?.at, running: running)
    }
}

import CairnApp
import Foundation
import Synchronization

/// What others changed since this person last opened the store, counted on another thread
/// while the session answers its first keys: after a long absence the count reads back
/// through much of a national store's journals, and the title can wait for it a moment.
final class SinceLastOpenCount: Sendable {
    let at: String
    private let counted = Mutex<Int?>(nil)

    init(at: String, _ count: @escaping @Sendable () -> Int) {
        self.at = at
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let n = count()
            counted.withLock { $0 = n }
        }
    }

    /// The count once made; nil while it is being made.
    var result: SinceLastOpen? { counted.withLock { $0 }.map { SinceLastOpen(at: at, changes: $0) } }
}

import CairnWords
import Foundation
import Synchronization

/// Work done on another thread, its result taken when it is wanted: waited for (`value`), or
/// looked at without waiting (`ready`). The work speaks the language of the code that sent it:
/// a task's language (`Words.speaking`) does not follow work onto a queue.
public final class Pending<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    public init(_ work: @escaping @Sendable () -> Value) {
        let speech = Words.speech
        DispatchQueue.global().async { [self] in
            let value = Words.speaking(speech) { work() }
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The result, waited for.
    public var value: Value {
        done.wait()
        done.signal()
        return result.withLock { $0! }
    }

    /// The result once made; nil while it is being made.
    public var ready: Value? { result.withLock { $0 } }
}

import CairnCore
import Synchronization

/// The orders a snapshot keeps (the Schools and Agencies tabs'), each checked once against the
/// records it holds, for every world read from it: by the first thread to ask, and waited for
/// by any other that asks meanwhile.
final class TrustedOrders: CheckedOrders {
    private let orders = Mutex<[String: Checked]>([:])

    private final class Checked: Sendable {
        let order = Mutex<[String]??>(nil)
    }

    /// The keys whose order has been checked (for tests of when a start checks them).
    var checkedKeys: Set<String> {
        orders.withLock { orders in Set(orders.filter { $0.value.order.withLock { $0 != nil } }.keys) }
    }

    func order(_ key: String, _ check: () -> [String]?) -> [String]? {
        let checked = orders.withLock { orders in
            if let known = orders[key] { return known }
            let new = Checked()
            orders[key] = new
            return new
        }
        return checked.order.withLock { order in
            if let known = order { return known }
            let found = check()
            order = .some(found)
            return found
        }
    }
}

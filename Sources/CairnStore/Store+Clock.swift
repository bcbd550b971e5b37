import Foundation

/// The hybrid logical clock a store stamps its changes with (see `Event`).
extension Store {
    /// A change stamped more than a year ahead of this machine's clock (a clock set to 9999, or
    /// a line written so) is folded, but never moves the clock: else every change after it, by
    /// anyone, would be stamped in that future. (A clock weeks off still orders as it should.)
    func note(clockOf event: Event) {
        guard event.milliseconds <= clockCeiling else { return }
        if (event.milliseconds, event.clock) > (clockHigh.key, clockHigh.count) {
            clockHigh = (event.milliseconds, event.at, event.clock)
        }
    }

    /// The next hybrid-clock reading: the wall clock, or just after the latest change read when
    /// that is later (another machine's clock ahead, or two commits in one millisecond).
    func nextStamp(_ date: Date) -> (at: String, clock: Int) {
        clockCeiling = Event.orderKey(Event.timestamp(date.addingTimeInterval(Store.clockReach)))
        let now = Event.timestamp(date)
        if Event.orderKey(now) > clockHigh.key { return (now, 0) }
        return (clockHigh.at, clockHigh.count + 1)
    }
}

import CairnCore
import Foundation

/// The store as it stood on a past day: what had been recorded by then, from the journals,
/// which keep every event with its time.
extension Store {
    /// The world as the journals had it at the end of `day` in `timeZone`: the fold of every
    /// event stamped before the next day began there, and of none after. The store's own world
    /// and reading state are left as they are.
    ///
    /// - Complexity: a full read of every journal: a snapshot holds the present, not the past.
    public func world(asOf day: Day, timeZone: TimeZone = .current) throws(StoreError) -> World {
        let nextMidnight = Date(timeIntervalSince1970: TimeInterval((day.ordinal + 1) * 86_400))
        let end = nextMidnight.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: nextMidnight)))
        let cutoff = Event.orderKey(Event.timestamp(end))
        let files = try journalFiles()
        var events: [Event] = []
        for file in files {
            var result = try JournalReader.read(file, from: 0, firstLine: 1)
            checkForeign(&result, file: file)
            // A commit's events share one stamp: each is in whole or out whole.
            events += result.events.filter { $0.hasReadableTime && $0.milliseconds < cutoff }
        }
        var world = World()
        var found: [Conflict] = []
        for event in Event.ordered(events) { _ = Store.fold(event, into: &world, files: files, found: &found) }
        return world
    }
}

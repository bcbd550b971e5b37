import CairnCore
import CairnStore
import Foundation
import Testing

@testable import CairnRuntime

/// A session keeps the snapshot near what it has read, written beside its turns: killed after
/// thousands of changes came in, it leaves the next start a short tail to fold.
@MainActor
@Suite struct SnapshotKeeperTests {
    @Test func a_session_that_read_thousands_of_changes_writes_a_snapshot_of_them_while_it_goes_on() throws {
        let folder = try TemporaryStore()
        let s = try TestSession(folder)
        let before = s.store.snapshotEvents
        // Another session imports a register: far more changes than a snapshot lets lie past it.
        let other = try folder.open()
        let schools = (1...(Store.snapshotAfter + 500)).map { Change.put(.school(School(name: "Kura Kaupapa Māori o \($0)"))) }
        try other.perform(.carry(schools, summary: "a register"), by: Author(user: "ben", today: Fixture.today))
        s.session.lookForChanges()
        #expect(s.store.eventCount - before > Store.snapshotAfter)
        // The write runs beside the turns; each turn takes note of one that ended.
        let deadline = Date().addingTimeInterval(60)
        while s.store.snapshotEvents < s.store.eventCount, Date() < deadline {
            _ = s.session.turn()
            usleep(20_000)
        }
        #expect(s.store.snapshotEvents == s.store.eventCount)
        // The session is killed here: the next start reads the snapshot, with no tail to fold.
        let next = try folder.open()
        #expect(next.startedFromSnapshot)
        #expect(next.eventCount == next.snapshotEvents)
        #expect(next.world.schools.count == s.store.world.schools.count)
    }
}

import CairnApp
import CairnCore
import CairnRuntime
import CairnStore
import Foundation
import Testing

/// A session counts what others changed since this person last opened the store on another
/// thread, and Home's title says it once counted: the first keys are not held up by a count
/// that, after a long absence, reads back through much of a national store.
@MainActor @Suite struct SinceLastOpenSessionTests {
    @Test func the_changes_by_others_since_the_last_opening_are_counted_beside_the_first_keys() throws {
        let folder = try TemporaryStore()
        let ana = try folder.open()
        _ = ana.noteOpened(now: Date(timeIntervalSinceNow: -3_600))
        let ben = try Store(directory: folder.url, identity: Identity(user: "ben", host: "test-host"))
        for name in ["Łódź Primary", "Kāhui Ako", "漢字 School"] {
            try ben.perform(
                .carry([.put(.school(School(id: RecordID.make(.school), name: name)))], summary: name),
                by: Author(user: "ben", today: Fixture.today))
        }
        let session = try TestSession(folder)
        // Keys are answered whether or not the count is done.
        session.press(.char("2"))
        #expect(session.screen.contains("Łódź Primary"))
        var turns = 0
        while session.session.app.env.sinceLastOpen == nil, turns < 2_000 {
            session.terminal.press(.char("1"))
            session.run()
            turns += 1
            if session.session.app.env.sinceLastOpen == nil { usleep(5_000) }
        }
        let since = try #require(session.session.app.env.sinceLastOpen, "counted within \(turns) turns")
        #expect(since.changes == 3)
        #expect(session.terminal.screen?.row(0).contains("3 changes by others since") == true, "\(session.screen)")
    }
}

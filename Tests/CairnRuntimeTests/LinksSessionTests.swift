import CairnApp
import CairnCore
import CairnRuntime
import CairnStore
import Foundation
import Testing

/// A link where Cairn writes (a teammate's `reports/` pointing at a colleague's folder) is
/// looked for once the first turn is drawn, not before the first frame, and then said on the
/// status line: the walk of a national store's thousand segments does not hold up the first key.
@MainActor @Suite struct LinksSessionTests {
    @Test func a_link_where_cairn_writes_is_said_once_the_first_turn_is_drawn() throws {
        let folder = try TemporaryStore()
        let elsewhere = folder.root.appendingPathComponent("colleagues-folder")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("reports"), withDestinationURL: elsewhere)
        let session = try TestSession(folder)
        #expect(session.status == nil, "\(session.screen)")
        session.press(.char("2"))
        #expect(session.screen.contains("Þingeyjarskóli"))
        // The turns that follow, with no key: the walk is done on another thread meanwhile.
        var turns = 0
        while session.status == nil, turns < 2_000 {
            session.run()
            turns += 1
            if session.status == nil { usleep(5_000) }
        }
        let said = try #require(session.status, "said within \(turns) turns")
        #expect(said.contains("/store/reports is a link (to \(elsewhere.path))"), "\(said)")
        #expect(session.screen.contains(String(said.prefix(40))), "\(session.screen)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}

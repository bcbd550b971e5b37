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
    }

    func farewell(_ ending: Session.Ending?) -> String? {
        if case .quit(let said)? = ending { return said }
        return nil
    }

    func linkedReports() throws -> (TemporaryStore, URL) {
        let folder = try TemporaryStore()
        let elsewhere = folder.root.appendingPathComponent("colleagues-folder")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("reports"), withDestinationURL: elsewhere)
        return (folder, elsewhere)
    }

    @Test func a_session_quit_before_the_link_was_said_says_it_as_it_ends() throws {
        // Quit in the first turn (`q` typed at once): the walk never started.
        let (folder, elsewhere) = try linkedReports()
        let first = try TestSession(folder)
        let said = try #require(farewell(first.press(.char("q"))), "a quit with a farewell")
        #expect(said.contains("/store/reports is a link (to \(elsewhere.path))"), "\(said)")
        // Quit in the second turn, the walk done but not yet looked at.
        let second = try TestSession(folder)
        _ = second.session.turn()
        usleep(300_000)
        let again = try #require(farewell(second.press(.char("q"))), "a quit with a farewell")
        #expect(again.contains("/store/reports is a link"), "\(again)")
    }

    @Test func the_link_waits_for_a_status_the_turn_set_and_is_said_after_it() throws {
        let (folder, _) = try linkedReports()
        do {
            let store = try folder.open()
            try folder.draftBox(for: store).save(Data("{not a form".utf8))
        }
        let session = try TestSession(folder)
        #expect(session.status?.contains("set aside") == true, "\(String(describing: session.status))")
        for _ in 0..<60 {
            _ = session.session.turn()
            usleep(5_000)
        }
        #expect(session.status?.contains("set aside") == true, "\(String(describing: session.status))")
        // Once a key clears it, the link is said.
        var turns = 0
        session.press(.char("2"))
        while session.status == nil, turns < 2_000 {
            session.run()
            turns += 1
            if session.status == nil { usleep(5_000) }
        }
        #expect(session.status?.contains("/store/reports is a link") == true, "\(String(describing: session.status))")
    }

    @Test func a_former_drafts_folder_that_is_a_link_is_not_followed() throws {
        let folder = try TemporaryStore()
        let hers = folder.root.appendingPathComponent("anas-other-folder")
        try FileManager.default.createDirectory(at: hers, withIntermediateDirectories: true)
        let file = hers.appendingPathComponent("ana@test-host-1.json")
        try Data("her own file".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("drafts"), withDestinationURL: hers)
        let session = try TestSession(folder)
        for _ in 0..<20 {
            _ = session.session.turn()
            usleep(5_000)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: hers.path) == ["ana@test-host-1.json"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "her own file")
        #expect(StoreCheck.links(in: folder.url).contains { $0.contains("/store/drafts is a link") }, "\(StoreCheck.links(in: folder.url))")
    }
}

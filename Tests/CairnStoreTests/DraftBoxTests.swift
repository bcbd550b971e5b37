import Foundation
import Testing

@testable import CairnStore

@Suite struct DraftBoxTests {
    let ana = Identity(user: "ana", host: "server")

    @Test func a_draft_left_by_an_ended_session_is_offered_to_the_next() throws {
        let tmp = TemporaryDirectory()
        // A pid that no running process has: the session that wrote it has ended.
        let ended = DraftBox(store: tmp.store, identity: ana, pid: 4_000_000, root: tmp.url)
        try ended.save(Data("{\"title\":\"New school\"}".utf8))
        let next = DraftBox(store: tmp.store, identity: ana, root: tmp.url)
        let offered = next.leftBehind()
        #expect(offered.count == 1)
        #expect(String(decoding: offered[0].data, as: UTF8.self).contains("New school"))
        next.discard(offered[0].url)
        #expect(next.leftBehind().isEmpty)
    }

    @Test func a_running_sessions_draft_and_other_users_drafts_are_not_offered() throws {
        let tmp = TemporaryDirectory()
        try DraftBox(store: tmp.store, identity: ana, pid: getpid(), root: tmp.url).save(Data("mine".utf8))
        try DraftBox(store: tmp.store, identity: Identity(user: "ben", host: "server"), pid: 4_000_001, root: tmp.url).save(
            Data("ben".utf8))
        #expect(DraftBox(store: tmp.store, identity: ana, pid: 4_000_002, root: tmp.url).leftBehind().isEmpty)
    }

    @Test func a_draft_an_earlier_version_left_in_the_store_is_still_offered() throws {
        let tmp = TemporaryDirectory()
        let former = tmp.store.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: former, withIntermediateDirectories: true)
        try Data("{\"title\":\"New school\"}".utf8).write(to: former.appendingPathComponent("ana@server-4000003.json"))
        let offered = DraftBox(store: tmp.store, identity: ana, root: tmp.url.appendingPathComponent("state")).leftBehind()
        #expect(offered.map(\.url.lastPathComponent) == ["ana@server-4000003.json"])
    }

    @Test func a_draft_that_cannot_be_written_names_the_drafts_folder_and_why() throws {
        let tmp = TemporaryDirectory()
        // A file where the drafts' folder should be: root ignores permission bits, not this.
        let root = tmp.url.appendingPathComponent("drafts")
        try Data("not a folder".utf8).write(to: root)
        let box = DraftBox(store: tmp.store, identity: ana, root: root)
        let error = #expect(throws: StoreError.self) { try box.save(Data("{}".utf8)) }
        #expect(
            error?.message
                == "drafts cannot be written: “drafts” on that path is a file, not a folder; their folder is \(box.directory.path)")
    }
}

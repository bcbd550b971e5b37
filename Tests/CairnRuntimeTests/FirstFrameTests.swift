import CairnApp
import CairnCore
import CairnRuntime
import CairnStore
import Foundation
import TermUI
import Testing

/// The first frame: from the snapshot's first look before the world is read, then taken over
/// by the world read whole without a visible change.
@MainActor
@Suite struct FirstFrameTests {
    /// A store whose snapshot holds every journal whole, as a session's end leaves it.
    func snapshotted() throws -> TemporaryStore {
        let folder = try TemporaryStore()
        let store = try folder.open()
        #expect(store.saveSnapshot())
        return folder
    }

    @Test func with_a_snapshot_home_is_drawn_from_the_first_look_and_the_whole_world_draws_the_same() throws {
        let folder = try snapshotted()
        let s = try TestSession(folder, unread: true)
        #expect(s.terminal.frames.count == 2)
        let (look, whole) = (s.terminal.frames[0], s.terminal.frames[1])
        #expect(look.text.contains("Agrupamento de Escolas"))
        #expect(look.text.contains("Portree Learning"))
        #expect(look == whole, "the takeover changed the frame:\n\(look.text)\n---\n\(whole.text)")
        #expect(s.session.app.env.firstLook == nil)
    }

    @Test func keys_typed_before_the_world_is_whole_act_on_the_whole_world() throws {
        let folder = try snapshotted()
        let s = try TestSession(folder, unread: true, typedAhead: [.char("4"), .char(" ")])
        #expect(!s.terminal.frames[0].text.contains("Tick off"))
        s.run()
        #expect(s.screen.contains("Tick off “Reunião trimestral”"))
    }

    @Test func a_snapshot_behind_the_journals_draws_the_first_frame_says_it_reads_on_and_the_world_draws_the_rest() throws {
        let folder = try snapshotted()
        // Written after the snapshot: a tail the first frame does not hold yet.
        let other = try folder.open()
        var cluster = try #require(other.world.clusters.values.first { $0.name.hasPrefix("Agrupamento de Escolas") })
        cluster.name = "Agrupamento Renomeado"
        try other.perform(.edit(.cluster(cluster)))
        let s = try TestSession(folder, unread: true)
        #expect(s.terminal.frames.count == 2)
        let (early, whole) = (s.terminal.frames[0].text, s.terminal.frames[1].text)
        #expect(early.contains("Agrupamento de Escolas") && early.contains("Reading the latest changes…"))
        #expect(whole.contains("Agrupamento Renomeado") && !whole.contains("Reading the latest changes…"))
        #expect(s.session.app.env.firstLook == nil)
    }

    @Test func without_a_snapshot_the_first_frame_waits_for_the_world() throws {
        let s = try TestSession(try TemporaryStore(), unread: true)
        #expect(s.terminal.frames.count == 1)
        #expect(s.screen.contains("Agrupamento de Escolas"))
    }

    @Test func a_draft_left_behind_waits_for_the_world_and_is_offered() throws {
        let folder = try snapshotted()
        let first = try TestSession(folder)
        first.press(.char("4"), .char(" "))
        first.type("left")
        first.terminal.hangUp()
        #expect(first.run() == .hungUp)
        let second = try TestSession(folder, unread: true)
        // The draft needs the whole world to be judged (already saved or not): no quick frame.
        #expect(second.terminal.frames.count == 1)
        #expect(second.screen.contains("Restore “Tick off"))
    }
}

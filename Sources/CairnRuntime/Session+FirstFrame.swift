import CairnApp
import CairnCore
import CairnStore
import CairnWords
import TermUI

extension Session {
    /// The first frame, drawn as soon as it can be: from the snapshot's first look (Home's
    /// clusters, counts and next-due dates) before the whole world is decoded, when the
    /// snapshot holds every journal whole; else once the store is read. Keys typed meanwhile
    /// wait in the terminal and are taken after the world is whole.
    static func firstState(
        store: Store, terminal: any Terminal, unread: Bool, quick: Bool, today: Day, ids: RecordIDSource,
        dress: (inout AppState) -> Void
    ) throws(StoreError) -> AppState {
        var unread = unread
        if unread, quick, let (look, behind) = store.earlyLook() {
            var app = AppState(
                world: World(), today: today, user: store.identity.user, width: terminal.width, height: terminal.height, ids: ids,
                firstLook: look)
            dress(&app)
            // The snapshot is behind the journals: this frame shows the store as it was, for
            // the moment it takes to read what came since.
            var shown = app
            if behind { shown.status = Status(Words.say("Reading the latest changes…")) }
            terminal.draw(shown.render())
            BenchLog.firstFrameDrawn(fromFirstLook: true)
            try store.read()
            unread = false
            // The world the snapshot held, nothing since. (A journal that moved in between: the
            // state is built from the world, below.)
            if store.startedFromSnapshot, store.eventCount == store.snapshotEvents {
                app.takeWholeWorld(store.world, lookIsTheWorlds: store.worldIsTheFirstLooks)
                return app
            }
        }
        if unread { try store.read() }
        var app = AppState(
            world: store.world, today: today, user: store.identity.user, width: terminal.width, height: terminal.height, ids: ids)
        dress(&app)
        return app
    }
}

import CairnCore
import TermUI
import Testing

@testable import CairnApp

/// The title bar says what is unsent and when the store last synced; `S` on Home syncs.
@Suite struct SyncLineTests {
    @Test(arguments: [(80, 24), (80, 23), (120, 40)])
    func the_title_bar_shows_unsent_changes_and_the_last_sync_on_every_screen(size: (Int, Int)) throws {
        var app = Fixture.app(width: size.0, height: size.1)
        #expect(!app.render().row(0).contains("synced"), "a store of this machine alone says nothing of sync")
        _ = app.send(.syncLineChanged(SyncLine(unsent: 3, lastSynced: "2026-12-01T14:02:33.120Z")))
        let home = app.render()
        #expect(home.row(0).hasPrefix(" Cairn"))
        #expect(home.row(0).hasSuffix(" 3 unsent · synced 12-01 14:02 · 2026-11-22 · ana"))
        app.press(.enter)  // the first cluster
        let cluster = app.render()
        #expect(cluster.row(0).contains("Agrupamento"), "the crumbs still show")
        #expect(cluster.row(0).hasSuffix(" 3 unsent · synced 12-01 14:02 · 2026-11-22 · ana"))
    }

    @Test func s_on_home_asks_for_a_sync_and_its_steps_and_failure_show_on_the_status_line() throws {
        var app = Fixture.app()
        _ = app.send(.syncLineChanged(SyncLine(unsent: 0, lastSynced: nil)))
        #expect(app.press(.char("S")).contains(.sync))
        _ = app.send(.tell(Status("Fetching from origin…")))
        _ = app.send(.syncLineChanged(SyncLine(unsent: 2, lastSynced: nil, running: true)))
        var canvas = app.render()
        #expect(canvas.row(22).contains("Fetching from origin…"))
        #expect(canvas.row(0).contains("syncing…"))
        _ = app.send(.tell(Status("Sync failed: cannot reach origin (/srv/hub.git): does not exist", isError: true)))
        _ = app.send(.syncLineChanged(SyncLine(unsent: 2, lastSynced: nil)))
        canvas = app.render()
        #expect(canvas.row(22).contains("Sync failed: cannot reach origin"))
        #expect(canvas.row(0).contains("2 unsent · never synced"))
        // The screen goes on: the next tab, the next key.
        app.press(.char("2"))
        #expect(app.render().row(1).contains("[2 Schools (3)]"))
    }

    @Test(arguments: [(80, 24), (80, 23), (120, 40)])
    func with_conflicts_counted_too_the_crumbs_keep_their_room_and_the_sync_line_drops_the_day(size: (Int, Int)) throws {
        var world = Fixture.world()
        var school = try #require(world.schools["sch-1"])
        school.phone = "211 111 111"
        _ = try world.fold(.put(.school(school)), by: Conflict.Side(value: .null, by: "ana", at: "2026-11-22T09:00:00.000Z"))
        let edit = Edit(kind: .school, id: "sch-1", fields: [FieldEdit("phone", old: .string(""), new: .string("222 222 222"))])
        _ = try world.fold(.edit(edit), by: Conflict.Side(value: .null, by: "ben", at: "2026-11-22T09:05:00.000Z"))
        #expect(world.conflicts.count == 1)
        var app = Fixture.app(world, width: size.0, height: size.1)
        _ = app.send(.syncLineChanged(SyncLine(unsent: 3, lastSynced: "2026-12-01T14:02:33.120Z")))
        app.press(.enter)
        let title = app.render().row(0)
        #expect(title.contains(" 1 conflict (C on Home) "))
        if size.0 >= 100 {
            #expect(title.hasSuffix(" 3 unsent · synced 12-01 14:02 · 2026-11-22 · ana"))
        } else {
            #expect(title.hasSuffix(" 3 unsent · 2026-11-22 · ana"))
        }
        #expect(title.hasPrefix(" Cairn › Agrupamento de E"), "\(title)")
    }

    @Test func help_on_home_lists_s() throws {
        var app = Fixture.app()
        app.press(.char("?"))
        let canvas = app.render()
        let text = (0..<canvas.height).map { canvas.row($0) }.joined(separator: "\n")
        #expect(text.contains("sync through git"))
    }

    @Test func a_sync_that_brings_records_refreshes_the_open_screen() throws {
        var app = Fixture.app()
        app.press(.char("2"))
        var world = app.env.world
        world.apply([.put(.school(School(id: "sch-9", name: "Kura Kaupapa Māori o Ōtautahi")))])
        _ = app.send(.worldChanged(world))
        let canvas = app.render()
        #expect(canvas.row(1).contains("[2 Schools (4)]"))
        #expect((0..<canvas.height).contains { canvas.row($0).contains("Kura Kaupapa Māori o Ōtautahi") })
    }
}

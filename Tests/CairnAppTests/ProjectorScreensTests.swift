import CairnCore
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// Beyond the workshop: every screen Home and the cluster open is laid out at 64x20 too, its
/// text wrapped where it would be cut, and the title bar keeps the screen the person is on.
@Suite struct ProjectorScreensTests {
    @Test(arguments: ProjectorTests.sizes)
    func every_screen_home_and_the_cluster_open_is_laid_out(size: (Int, Int)) throws {
        var app = Fixture.app(ProjectorTests.withGoal(), width: size.0, height: size.1)
        app.press(.enter)
        _ = try app.topScreen(ClusterScreen.self)
        app.press(.down, .enter)
        _ = try app.topScreen(RecordScreen.self)
        ProjectorTests.expectLaidOut(app, "a school's screen")
        app.press(.char("l"))
        _ = try app.topScreen(LinkPickerScreen.self)
        ProjectorTests.expectLaidOut(app, "the link picker")
        app.press(.escape, .char("q"), .tab)
        app.press(.enter)
        _ = try app.topScreen(CheckpointScreen.self)
        ProjectorTests.expectLaidOut(app, "a checkpoint's screen")
        app.press(.char("q"), .tab)
        app.press(.enter)
        _ = try app.topScreen(GoalScreen.self)
        ProjectorTests.expectLaidOut(app, "a goal's screen")
        app.press(.char("q"), .char("q"), .char("C"))
        _ = try app.topScreen(ConflictsScreen.self)
        ProjectorTests.expectLaidOut(app, "the conflicts")
        app.press(.escape, .char("i"))
        _ = try app.topScreen(ImportScreen.self)
        ProjectorTests.expectLaidOut(app, "the import")
    }

    @Test func the_conflicts_say_what_they_are_for_whole_at_64_columns() throws {
        var app = Fixture.app(width: 64, height: 20)
        app.press(.char("C"))
        _ = try app.topScreen(ConflictsScreen.self)
        let text = app.render().text
        #expect(text.contains("Enter keeps"), "\(text)")
        #expect(text.contains("the selected value."), "\(text)")
        #expect(text.contains("before changing it."), "\(text)")
        #expect(!text.contains("…\n"), "\(text)")
    }

    @Test func j_and_k_typed_in_the_import_path_are_letters_of_it() throws {
        var app = Fixture.app()
        app.press(.char("i"))
        app.type("~/jak/k.csv")
        let screen = try app.topScreen(ImportScreen.self)
        #expect(screen.path.text == "~/jak/k.csv")
    }

    @Test func the_trail_keeps_the_screen_the_person_is_on() {
        let crumbs = ["Cairn", "Agrupamento de Escolas Josefa de Óbidos", "Escola Básica e Secundária Josefa de Óbidos", "Link"]
        #expect(Trail.fitted(crumbs, room: 44) == "Cairn › Agrupamento d… › Escola Bási… › Link")
        #expect(Trail.fitted(crumbs, room: 38) == "… › Agrupamento… › Escola Bási… › Link")
        #expect(Trail.fitted(crumbs, room: 24) == "… › Escola Bási… › Link")
        let workshop = ["Cairn", "Workshop › Kāhui Ako 漢字 › Step 2 of 4", "New goal"]
        #expect(Trail.fitted(workshop, room: 44) == "… › Kāhui Ako… › Step 2 of 4 › New goal")
        #expect(Trail.fitted(["Cairn", "Portree"], room: 40) == "Cairn › Portree")
        for room in 1...60 { #expect(DisplayWidth.of(Trail.fitted(crumbs, room: room)) <= room) }
    }
}

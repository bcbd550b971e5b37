import CairnCore
import CairnStore
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// The library of examples: at least 40 goals with indicators, 60 actions across the four
/// classes with their sectors, a handful of agreements; `I` in the workshop's steps 2 to 4 lists
/// those of the step, filtered as you type, and Enter opens the step's form with one copied in.
@Suite struct InspirationTests {
    @Test func the_shipped_library_holds_what_a_group_can_start_from() throws {
        let lib = try InspirationLibrary.read(store: nil)
        #expect(lib.goals.count >= 40)
        #expect(lib.goals.allSatisfy { !$0.indicator.isEmpty && !$0.unit.isEmpty && $0.baseline != nil && $0.target != nil })
        #expect(lib.actions.count >= 60)
        for c in ActionClass.allCases { #expect(lib.actions.contains { $0.actionClass == c }, "\(c)") }
        #expect(lib.actions.allSatisfy { !$0.sectors.isEmpty })
        #expect(lib.agreements.count >= 3)
        #expect(lib.goals.contains { $0.theme == "attendance" } && lib.goals.contains { $0.theme == "mentoring" })
        #expect(lib.actions.contains { $0.description.lowercased().contains("mentor") })
    }

    @Test func capital_i_in_step_two_lists_goals_filtered_as_typed_and_enter_copies_one_into_the_form() throws {
        var app = Fixture.app()
        app.press(.enter, .char("w"), .char("2"))  // Agrupamento de Escolas de Óbidos, workshop, step 2
        let asked = app.press(.char("I"))
        let workshop = try app.topScreen(WorkshopScreen.self)
        #expect(asked == [.readInspiration(replyTo: app.top.id)], "\(asked)")
        _ = workshop
        app.reply(.inspirationRead(try InspirationLibrary.read(store: nil)))
        #expect(try app.topScreen(InspirationScreen.self).kind == .goals)
        app.type("persistent")
        let screen = app.render().text
        #expect(screen.contains("Persistent absence falls") && screen.contains("attendance"), "\(screen)")
        #expect(try app.topScreen(InspirationScreen.self).list.visible.count == 1)
        app.press(.enter)
        let form = try #require(app.topForm)
        #expect(form.title == "New goal")
        #expect(form.value("statement") == "Persistent absence falls")
        #expect(form.value("indicator") == "pupils missing 10% or more of sessions")
        #expect(form.value("direction") == "decrease" && form.value("target") == "12")
        #expect(form.dirty, "copied in, not saved")
    }

    @Test func capital_i_in_step_three_and_four_lists_actions_and_agreements() throws {
        var app = Fixture.app()
        let lib = try InspirationLibrary.read(store: nil)
        app.press(.enter, .char("w"), .char("3"), .char("I"))
        app.reply(.inspirationRead(lib))
        app.type("mentor for each")
        app.press(.enter)
        #expect(app.topForm?.value("description") == "Mentor for each pupil on the at-risk list")
        #expect(app.topForm?.value("class") == "intervention")
        app.press(.escape)
        if app.overlay != nil { app.press(.char("y")) }
        app.press(.char("4"), .char("I"))
        app.reply(.inspirationRead(lib))
        #expect(app.render().text.contains("How others monitor"))
        app.press(.enter)
        #expect(app.topForm?.value("meetingsPerYear") == "4")
    }

    @Test func on_a_projectors_64x20_the_examples_are_laid_out_not_refused() throws {
        var app = Fixture.app(width: 64, height: 20)
        app.openWorkshop("clu-pt")
        app.press(.char("3"), .char("I"))
        app.reply(.inspirationRead(try InspirationLibrary.read(store: nil)))
        app.type("mentor for")
        let screen = app.render().text
        #expect(!screen.contains("too small"), "\(screen)")
        #expect(screen.contains("Mentor for each pupil on the at-risk list"), "\(screen)")
    }

    @Test func a_stores_own_examples_come_after_the_library_and_a_link_or_bad_file_is_refused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-insp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = dir.appendingPathComponent(InspirationLibrary.storeFile)
        try Data(
            #"{"goals":[{"statement":"Łódź: \u001b[31mwięcej uczniów\u0007 w szkole","indicator":"frekwencja","unit":"%","direction":"increase","baseline":80,"target":90,"theme":"frekwencja"}],"actions":[],"agreements":[]}"#
                .utf8
        ).write(to: own)
        let lib = try InspirationLibrary.read(store: dir)
        #expect(lib.goals.last?.theme == "frekwencja")
        var app = Fixture.app()
        app.press(.enter, .char("w"), .char("2"), .char("I"))
        app.reply(.inspirationRead(lib))
        app.type("lodz")
        let screen = app.render().text
        #expect(screen.contains("Łódź: ") && screen.contains("więcej uczniów"), "\(screen)")
        #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character reaches the screen raw")
        try Data("not json".utf8).write(to: own)
        #expect(throws: StoreError.self) { try InspirationLibrary.read(store: dir) }
        try FileManager.default.removeItem(at: own)
        try FileManager.default.createSymbolicLink(atPath: own.path, withDestinationPath: "/etc/passwd")
        let refused = #expect(throws: StoreError.self) { try InspirationLibrary.read(store: dir) }
        #expect(refused?.message.contains("is not a plain file") == true)
    }
}

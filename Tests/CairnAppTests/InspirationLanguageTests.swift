import CairnCore
import CairnStore
import CairnWords
import Foundation
import Testing

@testable import CairnApp

/// The shipped library of examples speaks the room's language: what a group reads in the
/// workshop and what it copies into its plan. A store's own examples stay as the group wrote them.
@Suite struct InspirationLanguageTests {
    static let rooms = Language.supported.filter { $0 != .english }

    @Test(arguments: rooms)
    func every_catalogue_translates_every_text_of_the_shipped_library(language: Language) throws {
        let english = try Words.speaking(.english) { try InspirationLibrary.read(store: nil) }
        let catalogue = try Words.catalogue(for: language)
        let missing = english.texts.filter {
            (catalogue.messages[Catalogue.Key($0, context: Inspiration.libraryContext)]?.first ?? "").isEmpty
        }
        #expect(missing.isEmpty, "\(language): \(missing.count) of \(english.texts.count) untranslated, e.g. \(missing.prefix(3))")
        let same = english.texts.filter { catalogue.messages[Catalogue.Key($0, context: Inspiration.libraryContext)]?.first == $0 }
        #expect(same.count <= 5, "\(language) leaves these in English: \(same)")
    }

    @Test(arguments: rooms)
    func the_library_read_in_a_language_is_that_language_s_and_keeps_its_numbers(language: Language) throws {
        let english = try Words.speaking(.english) { try InspirationLibrary.read(store: nil) }
        let spoken = try Words.speaking(language) { try InspirationLibrary.read(store: nil) }
        #expect(spoken.goals.count == english.goals.count && spoken.actions.count == english.actions.count)
        for (e, s) in zip(english.goals, spoken.goals) {
            #expect(s.statement != e.statement && s.baseline == e.baseline && s.target == e.target && s.direction == e.direction)
        }
        for (e, s) in zip(english.actions, spoken.actions) {
            #expect(s.description != e.description && s.actionClass == e.actionClass && s.sectors == e.sectors)
        }
        #expect(zip(english.agreements, spoken.agreements).allSatisfy { $0.title != $1.title && $0.meetingsPerYear == $1.meetingsPerYear })
    }

    @Test func a_store_s_own_examples_stay_in_the_group_s_words() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("own-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: store) }
        let own =
            #"{"goals":[{"statement":"Regular attendance for every pupil","indicator":"days","unit":"%","direction":"increase","theme":"attendance"}],"actions":[],"agreements":[]}"#
        try Data(own.utf8).write(to: store.appendingPathComponent(InspirationLibrary.storeFile))
        let lib = try Words.speaking(Language("pt")) { try InspirationLibrary.read(store: store) }
        let last = try #require(lib.goals.last)
        #expect(last.statement == "Regular attendance for every pupil" && last.theme == "attendance")
        #expect(lib.goals.first?.statement != "Fewer pupils leave school without a qualification")
    }

    @Test func in_portuguese_the_workshop_lists_finds_and_copies_portuguese_examples() throws {
        try Words.speaking(Language("pt")) {
            var app = Fixture.app(width: 64, height: 20)
            app.press(.enter, .char("w"), .char("2"), .char("I"))
            app.reply(.inspirationRead(try InspirationLibrary.read(store: nil)))
            app.type("absentismo persistente")
            let screen = app.render().text
            #expect(screen.contains("O absentismo persistente diminui"), "\(screen)")
            #expect(try app.topScreen(InspirationScreen.self).list.visible.count == 1)
            app.press(.enter)
            let form = try #require(app.topForm)
            #expect(form.value("statement") == "O absentismo persistente diminui")
            #expect(form.value("indicator") == "alunos que faltam a 10% ou mais das aulas")
        }
    }
}

import CairnCore
import CairnWords
import TermUI
import Testing

@testable import CairnApp

/// The workshop speaks the room's language: its steps, what the group decides and the keys
/// to add, from the catalogue, and laid out whole on a projector.
@Suite struct WorkshopLanguageTests {
    @Test(arguments: ProjectorTests.sizes)
    func the_workshop_in_portuguese_says_its_steps_and_questions_whole(size: (Int, Int)) throws {
        try Words.speaking(Language("pt")) {
            var app = Fixture.app(width: size.0, height: size.1)
            app.openWorkshop("clu-pt")
            let text = app.render().text
            #expect(text.contains("Passo 1 de 4 · Mapear os parceiros"), "\(text)")
            #expect(text.contains("adicionar um parceiro"), "\(text)")
            let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(
                flat.contains("Decidam quem participa, o que cada um traz, quem é responsável por quê, e quem lidera e convoca."), "\(text)"
            )
            #expect(!text.contains("Map the stakeholders"))
            app.press(.char("4"))
            #expect(app.render().text.contains("Passo 4 de 4 · Acordar a avaliação e o acompanhamento"))
        }
    }

    @Test(arguments: Language.supported)
    func every_language_lays_out_each_step_title_without_cutting_a_word_at_64x20(language: Language) throws {
        try Words.speaking(language) {
            var app = Fixture.app(width: 64, height: 20)
            app.openWorkshop("clu-pt")
            for step in 1...4 {
                app.press(.char(Character(String(step))))
                let text = app.render().text
                let title = "\(WorkshopScreen.stepOf(step)) · \(WorkshopScreen.titles[step - 1])"
                #expect(text.contains(title), "\(language) step \(step): \(text)")
            }
        }
    }
}

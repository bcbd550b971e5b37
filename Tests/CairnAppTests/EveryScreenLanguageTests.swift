import CairnCore
import CairnStore
import CairnWords
import Foundation
import TermUI
import Testing

@testable import CairnApp

/// Every screen and every dialog speaks the session's language: each state the binding walk
/// reaches from Home, and each screen, form, picker, question and page one key further, is
/// drawn in every language Cairn speaks and holds no English message left (names and data
/// aside); its footer's keys are whole at 80x24 and 64x20.
@Suite struct EveryScreenLanguageTests {
    static let rooms = Language.supported.filter { $0 != .english }
    static let sizes = [(80, 24), (64, 20)]

    /// Each state of the walk, and the states one binding further on.
    static func tour(width: Int, height: Int) -> [(name: String, app: AppState)] {
        var out: [(String, AppState)] = []
        for (n, (walked, start)) in BindingWalkTests.states().enumerated() {
            // Named by place, not by title: a title is in the language spoken.
            let name = "state \(n)"
            _ = walked
            var app = start
            _ = app.send(.resized(width: width, height: height))
            out.append((name, app))
            for binding in BindingWalkTests.bindings(of: app.top.screen, app.env) where binding.enabled && !binding.anyKey {
                guard let key = binding.keys.first, key != .char("q"), key != .escape else { continue }
                var next = app
                _ = next.press(key)
                if next != app { out.append(("\(name), then \(key)", next)) }
            }
        }
        out.append(contentsOf: replies(width: width, height: height))
        return out
    }

    /// Screens that open only when the run loop answers: the examples' library.
    static func replies(width: Int, height: Int) -> [(String, AppState)] {
        var out: [(String, AppState)] = []
        for (step, kind) in [("2", "goals"), ("3", "actions"), ("4", "agreements")] {
            var app = Fixture.app(width: width, height: height)
            app.press(.enter, .char("w"), .char(Character(step)), .char("I"))
            if let lib = try? InspirationLibrary.read(store: nil) { app.reply(.inspirationRead(lib)) }
            out.append(("the example \(kind)", app))
        }
        return out
    }

    /// Lowercased words of at least three letters.
    /// A word cut short (`Óbid…`) is a fragment of whatever it was, not a word: left out.
    static func words(_ text: String) -> Set<String> {
        let whole = text.split(whereSeparator: \.isWhitespace).filter { !$0.contains("…") }.joined(separator: " ")
        return Set(whole.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }

    /// Every word of the fixture's records: names, roles, titles, evidence, as the data has them.
    static let dataWords: Set<String> = words(String(describing: Fixture.world()) + String(describing: LinkFormTests.linked()))
        .union(["ana"]).union(keyNames).union(words(Language.supported.map(\.name).joined(separator: " ")))

    /// A word of the data, or a piece of one an overlay's frame or a column's edge cut off
    /// (`etwork` of `network` beside a dialog's border).
    static func isData(_ word: String) -> Bool {
        dataWords.contains(word) || dataWords.contains { $0.contains(word) }
    }

    /// The words a language's own messages end with an ellipsis (`A guardar…`, `Nova entidade…`).
    static func ownEllipses(_ language: Language) throws -> Set<String> {
        let said = try Words.catalogue(for: language).messages.values.flatMap { $0 }
        return Set(said.flatMap { $0.split(whereSeparator: \.isWhitespace).filter { $0.hasSuffix("…") }.map(String.init) })
    }

    /// The words a screen cut short (`Osoba kontakt…`) that are not a piece of the data's, which
    /// may be cut where a column ends.
    ///
    /// A row cut in English as well (a long sentence in a list's cell) is the list's way, not
    /// the language's: only the rows English draws whole count.
    static func cutWords(_ text: String, besides english: String = "") -> Set<String> {
        var out: Set<String> = []
        let englishRows = english.split(separator: "\n", omittingEmptySubsequences: false)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A list sorted in the language's order puts the English cut row elsewhere: as many
        // rows cut as in English is the list's way too.
        let cutRows = rows.filter { $0.contains("…") }.count
        if cutRows > 0, englishRows.filter({ $0.contains("…") }).count >= cutRows { return [] }
        for (row, line) in rows.enumerated() {
            if row < englishRows.count, englishRows[row].contains("…") { continue }
            let tokens = line.split(whereSeparator: \.isWhitespace)
            for (i, token) in tokens.enumerated() where token.hasSuffix("…") && token.count > 1 {
                let piece = String(token.dropLast()).lowercased().filter(\.isLetter)
                guard !piece.isEmpty, !dataWords.contains(where: { $0.hasPrefix(piece) }) else { continue }
                // A cut name's earlier words are the data's too (`Escola Bási…`).
                if i > 0, dataWords.contains(String(tokens[i - 1]).lowercased().filter(\.isLetter)) { continue }
                out.insert(String(token))
            }
        }
        return out
    }

    /// The keys' names on a keyboard, which footers and help show as the keys are labelled.
    static let keyNames: Set<String> = ["enter", "tab", "esc", "shift", "pgup", "pgdn", "ctrl", "del", "backspace"]

    /// The words a catalogue's translations use: a word on a screen in both English and the
    /// language that the language's own messages use too is the language's word as well
    /// (`plan`, `status`, `minimum`).
    static func ownWords(_ language: Language) throws -> Set<String> {
        let catalogue = try Words.catalogue(for: language)
        return words(catalogue.messages.values.flatMap { $0 }.joined(separator: " "))
    }

    @Test(arguments: rooms, sizes)
    func every_screen_and_dialog_is_drawn_in_the_language_with_its_footer_whole(language: Language, size: (Int, Int)) throws {
        // Drawn in English here: a screen looks its words up as it is drawn.
        let english = try Words.speaking(.english) { Self.tour(width: size.0, height: size.1).map { ($0.name, $0.app.render().text) } }
        let own = try Self.ownWords(language)
        let ellipses = try Self.ownEllipses(language)
        try Words.speaking(language) {
            let tour = Self.tour(width: size.0, height: size.1)
            let inEnglish = Dictionary(english) { first, _ in first }
            #expect(tour.count > 150)
            var leftovers: [String: Set<String>] = [:]
            var cuts: [String: Set<String>] = [:]
            for (name, app) in tour {
                // The languages' picker starts on the language spoken, so ↑ moves in one and not the other.
                guard let englishText = inEnglish[name] else { continue }
                let text = app.render().text
                let left = Self.words(text).intersection(Self.words(englishText))
                    .subtracting(own).filter { !Self.isData($0) }
                if let peek = ProcessInfo.processInfo.environment["CAIRN_PEEK"], "\(language) \(size.0) \(name)".hasPrefix(peek) {
                    print("=== \(language) \(name)\n\(text)\n=== en\n\(englishText)")
                }
                // The examples' rows are the library's sentences, cut where a list's column ends as
                // any data is; Enter copies one whole into the form.
                if size.0 >= 80 && !(app.top.screen is InspirationScreen) || app.top.screen is WorkshopScreen {
                    let cut = Self.cutWords(text, besides: englishText).subtracting(ellipses)
                    if !cut.isEmpty { cuts["\(name) (\(type(of: app.top.screen)))"] = cut }
                }
                if !left.isEmpty { leftovers["\(name) (\(type(of: app.top.screen)))"] = left }
                let canvas = app.render()
                Self.expectWholeFooter(canvas.row(size.1 - 1), app.top.screen, app.env, "\(language) \(name) at \(size)")
            }
            let cutReport = cuts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.sorted().joined(separator: " "))" }
            #expect(cuts.isEmpty, "\(language) at \(size), \(cuts.count) screens cut a word:\n\(cutReport.joined(separator: "\n"))")
            let report = leftovers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.sorted().joined(separator: " "))" }
            #expect(
                leftovers.isEmpty, "\(language) at \(size), \(leftovers.count) screens with English:\n\(report.joined(separator: "\n"))")
        }
    }

    static func expectWholeFooter(_ footer: String, _ screen: some Screen, _ env: AppEnvironment, _ name: String) {
        ChromeLanguageTests.expectWholeFooter(footer, screen.allBindings(env), name)
    }
}

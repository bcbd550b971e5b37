import CairnWords
import Foundation
import Testing

@testable import CairnCore

/// The domain's words are shown in the session's language, each under its vocabulary's
/// context, while what is stored, exported and typed keeps the English keys.
@Suite struct VocabularyWordsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let translated = Language.supported.filter { $0 != .english }

    /// Each case's English word and its context, as the catalogues key it.
    static func keys<T: ShownWords>(_ type: T.Type) throws -> [Catalogue.Key] {
        try Words.speaking(.english) { T.allCases.map { Catalogue.Key($0.label, context: T.labelContext) } }
    }

    static func allKeys() throws -> [Catalogue.Key] {
        try ShownVocabularies.all.flatMap { try keys($0) }
    }

    @Test(arguments: translated)
    func every_case_of_every_vocabulary_is_translated_under_its_vocabulary_s_context(language: Language) throws {
        let keys = try Self.allKeys()
        #expect(keys.count > 90)
        let catalogue = try Words.catalogue(for: language)
        for key in keys {
            let forms = catalogue.messages[key]
            #expect(forms?.count == 1, "\(language): “\(key.id)” (\(key.context ?? "")) is not translated")
            #expect(forms?.first?.contains("{") == false, "\(language): “\(key.id)” holds a placeholder")
        }
    }

    @Test func every_case_of_every_vocabulary_is_in_the_template_with_its_context() throws {
        let template = try String(contentsOf: Self.root.appendingPathComponent("Resources/po/cairn.pot"), encoding: .utf8)
        for key in try Self.allKeys() {
            #expect(
                template.contains("msgctxt \"\(key.context ?? "")\"\nmsgid \"\(key.id)\"\n"),
                "cairn.pot lacks “\(key.id)” under “\(key.context ?? "")”")
        }
    }

    /// A vocabulary the list of shown vocabularies leaves out would escape the tests above.
    @Test func every_vocabulary_in_the_domain_is_among_the_shown_ones() throws {
        let sources = Self.root.appendingPathComponent("Sources/CairnCore")
        let walk = try #require(FileManager.default.enumerator(atPath: sources.path))
        let declared = try NSRegularExpression(
            pattern: #"(?:enum|extension) ([A-Za-z.]+)\s*:\s*(?:String,\s*)?(?:Vocabulary|ShownWords)\b"#)
        var found: Set<String> = []
        for case let file as String in walk where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for m in declared.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        let listed = Set(ShownVocabularies.all.map { String(reflecting: $0).replacingOccurrences(of: "CairnCore.", with: "") })
        #expect(found.count > 15)
        for name in found {
            #expect(listed.contains { $0 == name || $0.hasSuffix("." + name) }, "\(name) is not in ShownVocabularies.all")
        }
    }

    @Test func one_english_word_takes_each_vocabulary_s_own_translation() throws {
        let pl = try Words.speaking(Language("pl")) { (Level.school.label, MemberType.school.label) }
        #expect(pl == ("szkolny", "szkoła"))
        let nl = try Words.speaking(Language("nl")) { (Level.local.label, GroupingLevel.local.label, ClusterKind.cluster.label) }
        #expect(nl == ("lokaal", "lokaal", "scholengemeenschap"))
        let pt = try Words.speaking(Language("pt")) { (ClusterKind.cluster.label, MemberType.cluster.label, Phase.primary.label) }
        #expect(pt == ("agrupamento", "agrupamento", "1.º e 2.º ciclos"))
    }

    @Test func stored_and_typed_words_keep_their_english_keys_in_every_language() throws {
        for language in Language.supported {
            try Words.speaking(language) {
                #expect([Phase.earlyChildhood, .lowerSecondary].fieldText == "early-childhood,lower-secondary")
                #expect(Sector.localAuthority.fieldText == "local-authority")
                #expect(try Sector.parse("social care", field: "sector") == .socialCare)
                #expect(Sector.wordList.hasPrefix("education, health, social-care"))
                let json = try JSONEncoder().encode([ActionStatus.inProgress])
                #expect(String(decoding: json, as: UTF8.self) == #"["in-progress"]"#)
            }
        }
        let shown = try Words.speaking(Language("pl")) { [Phase.earlyChildhood, .lowerSecondary].fieldShown }
        #expect(shown == "przedszkole, SP klasy VII–VIII")
    }

    @Test func english_labels_read_as_they_did_before_the_catalogues() {
        #expect(Phase.lowerSecondary.label == "lower secondary")
        #expect(Sector.localAuthority.label == "local authority")
        #expect(CheckpointStatus.overdue.label == "OVERDUE")
        #expect(GoalProgress.Status.onTrack.label == "on-track")
        #expect(Gap.Kind.goalWithoutAction.label == "goal, no action")
        #expect(HealthItem.context.label == "sensitivity to context")
    }
}

import CairnCore
import CairnWords
import Foundation
import Testing

@testable import CairnStore

/// The store's refusals, a sync's steps and closing line, and an import's notes, said in the
/// room's language: real files, a real git hub and real registers, read back with no English
/// word of a message left (paths, names and git's own words aside); English as before.
@Suite struct StoreLanguageTests {
    static let rooms = [Language("pl"), Language("cy"), Language("fi")]

    /// The words of the English messages that no translation in `language` uses.
    static func englishOnly(in language: Language) throws -> Set<String> {
        let catalogue = try Words.catalogue(for: language)
        let english = Set(catalogue.messages.keys.flatMap { words($0.id) })
        let translated = Set(catalogue.messages.values.flatMap { $0.flatMap(words) })
        return english.subtracting(translated).subtracting(commandWords)
    }

    /// Words of at least three letters, lowercased; a `{placeholder}`'s name is no word.
    static func words(_ text: String) -> [String] {
        let said = text.replacingOccurrences(of: #"\{[a-zA-Z]+\}"#, with: " ", options: .regularExpression)
        return said.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 }
    }

    /// What a message quotes rather than says: commands and flags a person types (an import's
    /// fields are `--map`'s keys), and the store's own file and folder names, the same in every language.
    static let commandWords = Set(
        words("cairn sync init remote origin url git journal jsonl inspiration json check repair store put back take publish")
            + ImportField.allCases.flatMap { words($0.rawValue) })

    /// The English words of `said` once the values put into it (paths, names) are taken out.
    static func englishLeft(_ said: String, values: [String], language: Language) throws -> Set<String> {
        var text = said
        for value in values.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: value, with: " ") }
        return Set(words(text)).intersection(try englishOnly(in: language))
    }

    // MARK: - The store's refusals

    /// What the store says of a file of examples that is a folder, of a register that is a
    /// folder, and of a store whose path is a file.
    static func refusals(in tmp: TemporaryDirectory) throws -> [String] {
        let store = tmp.url.appendingPathComponent("store")
        try FileManager.default.createDirectory(
            at: store.appendingPathComponent(InspirationLibrary.storeFile), withIntermediateDirectories: true)
        let folder = tmp.url.appendingPathComponent("register.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = tmp.url.appendingPathComponent("not-a-store")
        try Data("x".utf8).write(to: file)
        let examples = try #require(throws: StoreError.self) { try InspirationLibrary.read(store: store) }
        let register = try #require(throws: StoreError.self) { try RegisterFile.read(folder.path) }
        let notAStore = try #require(throws: StoreError.self) { try Store.createDirectory(file) }
        return [examples.message, register.message, notAStore.message]
    }

    @Test(arguments: rooms)
    func the_store_refuses_a_folder_for_a_file_and_a_file_for_a_store_in_the_room_language(language: Language) throws {
        let tmp = TemporaryDirectory()
        let said = try Words.speaking(language) { try Self.refusals(in: tmp) }
        let english = try Self.refusals(in: tmp)
        for (translated, original) in zip(said, english) {
            #expect(translated != original, "\(language): \(translated)")
            let left = try Self.englishLeft(translated, values: [tmp.url.path, "register.csv", "not-a-store"], language: language)
            #expect(left.isEmpty, "\(language): \(left.sorted()) in “\(translated)”")
        }
        #expect(said.allSatisfy { !$0.contains("{") }, "every placeholder is filled: \(said)")
    }

    @Test func in_english_the_store_refusals_are_as_before() throws {
        let tmp = TemporaryDirectory()
        let said = try Self.refusals(in: tmp)
        #expect(said[0] == "inspiration.json is not a plain file: it is not read")
        #expect(said[1] == "cannot read \(tmp.url.path)/register.csv: it is a directory")
        #expect(said[2] == "\(tmp.url.path)/not-a-store is a file, not a store directory")
    }

    // MARK: - A sync

    /// A bare hub, the server's store shared through it, and a laptop cloned from it.
    struct Hub {
        let tmp = TemporaryDirectory()
        var hub: URL { tmp.url.appendingPathComponent("hub.git") }
        let server: Store
        let laptop: Store

        init() throws {
            try Self.git(tmp.url, ["init", "--quiet", "--bare", tmp.url.appendingPathComponent("hub.git").path])
            server = try Store(directory: tmp.url.appendingPathComponent("server"), identity: Identity(user: "ana", host: "server"))
            try server.commit([.put(.school(School(id: "sch-1", name: "Szkoła Podstawowa nr 12 Łódź")))])
            _ = try StoreSync(store: server).initialize(url: tmp.url.appendingPathComponent("hub.git").path)
            let copy = tmp.url.appendingPathComponent("laptop")
            try Self.git(tmp.url, ["clone", "--quiet", tmp.url.appendingPathComponent("hub.git").path, copy.path])
            laptop = try Store(directory: copy, identity: Identity(user: "ben", host: "laptop"))
        }

        static func git(_ directory: URL, _ arguments: [String]) throws {
            let git = try #require(Git(in: directory), "git is installed")
            let done = git.run(arguments)
            try #require(done.ok, "git \(arguments.joined(separator: " ")): \(done.reason)")
        }
    }

    /// The laptop sends two changes; the server's sync, its steps and its closing line.
    static func syncSaid(_ hub: Hub) throws -> (steps: [String], line: String) {
        try hub.laptop.commit([.put(.school(School(id: "sch-2", name: "Þingeyjarskóli")))])
        try hub.laptop.commit([.put(.school(School(id: "sch-3", name: "Ysgol Gynradd Aberaeron")))])
        _ = try StoreSync(store: hub.laptop).run()
        var steps: [String] = []
        let report = try StoreSync(store: hub.server).run { steps.append($0) }
        return (steps, report.line(openConflicts: 2, listedBy: Words.say("C on Home")))
    }

    @Test(arguments: rooms)
    func a_sync_says_its_steps_and_its_closing_line_in_the_room_language(language: Language) throws {
        let hub = try Hub()
        let said = try Words.speaking(language) { try Self.syncSaid(hub) }
        #expect(said.steps.count >= 3)
        for text in said.steps + [said.line] {
            let left = try Self.englishLeft(text, values: ["origin", "ben"], language: language)
            #expect(left.isEmpty, "\(language): \(left.sorted()) in “\(text)”")
        }
        #expect(!said.line.contains("Synced with") && said.line.contains("origin") && said.line.contains("ben 2"), "\(said.line)")
        #expect(!said.line.contains("{"), "\(said.line)")
    }

    @Test func in_english_a_sync_says_what_it_said_before() throws {
        let said = try Self.syncSaid(try Hub())
        #expect(said.line == "Synced with origin: received 2 changes (ben 2), sent nothing; 2 conflicts open (C on Home)")
        #expect(said.steps.first == "Saving this copy's changes in git…")
        #expect(said.steps.contains("Fetching from origin…") && said.steps.contains("Merging what origin has…"))
    }

    /// A hub that brings a file no journal is (`local/sync.json`, which git would write over
    /// the server's own): refused, in one line.
    static func hostileRefusal(_ hub: Hub) throws -> String {
        let planted = hub.laptop.directory.appendingPathComponent("notes.txt")
        try Data("not a journal".utf8).write(to: planted)
        try Hub.git(hub.laptop.directory, ["add", "--force", "notes.txt"])
        try Hub.git(hub.laptop.directory, ["-c", "user.name=ben", "-c", "user.email=ben@laptop", "commit", "--quiet", "-m", "notes"])
        try Hub.git(hub.laptop.directory, ["push", "--quiet", "origin", "HEAD"])
        return try #require(throws: StoreError.self) { try StoreSync(store: hub.server).run() }.message
    }

    @Test(arguments: rooms)
    func a_hub_that_brings_a_file_that_is_no_journal_is_refused_in_the_room_language(language: Language) throws {
        let hub = try Hub()
        let refused = try Words.speaking(language) { try Self.hostileRefusal(hub) }
        #expect(refused.contains("notes.txt") && !refused.contains("refused what"), "\(refused)")
        let left = try Self.englishLeft(refused, values: ["origin", "notes.txt", "notes"], language: language)
        #expect(left.isEmpty, "\(language): \(left.sorted()) in “\(refused)”")
    }

    @Test func in_english_the_hub_that_brings_a_file_that_is_no_journal_is_refused_as_before() throws {
        let refused = try Self.hostileRefusal(try Hub())
        #expect(refused.hasPrefix("refused what origin has: it brings notes.txt, which is not a journal (commit "), "\(refused)")
        #expect(refused.hasSuffix("; nothing was merged and the store is as it was (only journals travel between copies)"))
    }

    // MARK: - An import

    /// A register with a stray quote, a phase word nobody knows, a name twice and a row
    /// without a name, as `cairn import --dry-run` reports it.
    static func importSaid() throws -> [String] {
        let text = """
            school id,name,town,type
            1,Szkoła Podstawowa nr 3,Łódź,primary
            2,"Escola ""Nova,Óbidos,primary
            ,Ysgol Gynradd,Aberaeron,Zwergschule
            ,Ysgol Gynradd,Aberaeron,Zwergschule
            4,,Óbidos,primary

            """
        let table = try RegisterTable.read(Data(text.utf8))
        return try RegisterImport.plan(table, options: ImportOptions(), world: World()).1.report
    }

    @Test(arguments: rooms)
    func an_import_says_its_notes_and_skipped_rows_in_the_room_language(language: Language) throws {
        let said = try Words.speaking(language) { try Self.importSaid() }
        let english = try Self.importSaid()
        #expect(said.count == english.count)
        let values = [
            "Szkoła Podstawowa nr 3", "Ysgol Gynradd", "Aberaeron", "Zwergschule", "primary", "UTF-8", "school id", "name", "town", "type",
        ]
        for line in said {
            let left = try Self.englishLeft(line, values: values, language: language)
            #expect(left.isEmpty, "\(language): \(left.sorted()) in “\(line)”")
        }
        #expect(said.contains { $0.contains("Zwergschule") && $0.contains("--map-phase") })
    }

    @Test func in_english_an_import_reports_as_before() throws {
        let said = try Self.importSaid()
        #expect(said.first == "read as UTF-8, comma-separated, header on line 1")
        #expect(said.contains { $0.hasPrefix("warning: line 3: a quote opens a field") })
        #expect(said.contains("unknown phase word “Zwergschule” on 2 rows: left without a phase (--map-phase \"Zwergschule=PHASE\")"))
        #expect(said.contains("possible duplicate, line 5: “Ysgol Gynradd” (Aberaeron) has the name of line 4 (Aberaeron); both kept"))
        #expect(said.contains("skipped line 6: no name"))
    }
}

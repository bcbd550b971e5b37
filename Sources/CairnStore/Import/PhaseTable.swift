import CairnCore
import CairnWords
import Foundation

/// How registers name the stages a school serves, and Cairn's phases for each word: the words
/// of New Zealand, England, Scotland, Portugal, Flanders and Poland, kept in
/// `Resources/phase-words.txt` (one word a line), then the words of `--phase-words FILE` in the
/// same form, then `--map-phase "WORD=PHASE[,PHASE]"`; a later word replaces an earlier one.
public struct PhaseTable: Sendable {
    public var words: [String: [Phase]]

    /// The words that ship with Cairn.
    public static func standard() throws(StoreError) -> [String: [Phase]] {
        guard let url = Bundle.module.url(forResource: "phase-words", withExtension: "txt"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw StoreError(
                Words.say("Cairn's phase words (phase-words.txt) are missing from its resources; reinstall Cairn", context: "store"))
        }
        return try parse(String(decoding: data, as: UTF8.self), named: "phase-words.txt")
    }

    /// - Parameters:
    ///   - files: the text of each `--phase-words` file, with the name to cite in an error.
    ///   - overrides: `--map-phase` words.
    public init(files: [(name: String, text: String)] = [], overrides: [String] = []) throws(StoreError) {
        words = try Self.standard()
        for file in files { words.merge(try Self.parse(file.text, named: file.name)) { _, new in new } }
        for o in overrides {
            let (word, phases) = try Self.entry(o, separator: "=", cite: "--map-phase “\(o)”")
            words[Self.key(word)] = phases
        }
    }

    /// A word file: `WORD = PHASE[, PHASE]` a line; `#` starts a comment, blank lines are skipped.
    static func parse(_ text: String, named name: String) throws(StoreError) -> [String: [Phase]] {
        var words: [String: [Phase]] = [:]
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (word, phases) = try entry(
                line, separator: "=", cite: Words.say("{file} line {line}", context: "store", ["file": name, "line": String(n + 1)]))
            words[key(word)] = phases
        }
        return words
    }

    static func entry(_ text: String, separator: Character, cite: String) throws(StoreError) -> (String, [Phase]) {
        let parts = text.split(separator: separator, maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw StoreError(
                Words.say(
                    "{cite}: write a word, “=”, then its phases (“EB 2,3 = primary, lower-secondary”)", context: "store", ["cite": cite]))
        }
        var phases: [Phase] = []
        for p in parts[1].split(separator: ",") {
            do {
                phases.append(try Phase.parse(p.trimmingCharacters(in: .whitespaces), field: "phase"))
            } catch {
                throw StoreError(Words.say("{cite}: {reason}", context: "store", ["cite": cite, "reason": error.message]))

            }
        }
        return (parts[0], phases)
    }

    static func key(_ word: String) -> String { Text.searchKey(word).split(separator: " ").joined(separator: " ") }

    /// The phases for a register's word, or nil when the table does not know it.
    public func phases(for word: String) -> [Phase]? { words[Self.key(word)] }
}

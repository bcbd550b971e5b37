import CairnCore
import CairnWords
import TermUI

/// The import screen's list under the file: the columns of each field, the register's phase
/// words, its yes/no columns, then the rows skipped, the possible duplicates and the notes.
/// Every line can be selected, so ↓ reads to the end of a long list.
enum ImportRow: Equatable {
    case heading(String)
    case field(String)
    case word(Int)
    case yesNo(Int)
    case line(String, error: Bool)
    case blank

    var selectable: Bool {
        switch self {
        case .heading, .blank: return false
        default: return true
        }
    }

    /// Rows whose phases Enter lets a person type.
    var takesPhases: Bool {
        switch self {
        case .word, .yesNo: return true
        default: return false
        }
    }

    /// The rows for a preview; `width` is the room a line has (a longer one goes on over more rows).
    static func rows(_ p: ImportPreview, width: Int) -> [ImportRow] {
        func lines(_ texts: [String], error: (String) -> Bool) -> [ImportRow] {
            texts.flatMap { text in
                Layout.wrap(text, width: max(10, width - 2)).enumerated().map { i, part in
                    ImportRow.line(i == 0 ? part : "  " + part, error: error(text))
                }
            }
        }
        var rows: [ImportRow] = [.heading(Words.say("Columns (←/→ changes the one selected)"))]
        rows += p.fields.map { ImportRow.field($0) }
        if !p.phaseWords.isEmpty {
            let column = p.mapping["phases"].map { "“\(p.header[$0])”" } ?? Words.say("the phase column")
            rows += [.blank, .heading(Words.say("Phase words in {column} (Enter says which phases a word means)", ["column": column]))]
            rows += p.phaseWords.indices.map { ImportRow.word($0) }
        }
        if !p.yesNoColumns.isEmpty {
            rows += [.blank, .heading(Words.say("Yes/no columns (Enter says which phases a yes gives)"))]
            rows += p.yesNoColumns.indices.map { ImportRow.yesNo($0) }
        }
        if !p.skipped.isEmpty {
            rows += [.blank, .heading(Words.say("Skipped rows ({count}): not imported", ["count": String(p.skipped.count)]))]
            rows += lines(p.skipped) { _ in true }
        }
        if !p.duplicates.isEmpty {
            rows += [
                .blank,
                .heading(Words.say("Possible duplicates ({count}): each kept as its own record", ["count": String(p.duplicates.count)])),
            ]
            rows += lines(p.duplicates) { _ in false }
        }
        if !p.notes.isEmpty {
            rows += [.blank, .heading(Words.say("Notes", context: "import"))]
            rows += lines(p.notes) { $0.hasPrefix("warning") }
        }
        return rows
    }

    /// Typed phases (“primary, lower-secondary”) as Cairn's words, or what is wrong with them.
    static func phases(_ typed: String) -> Result<[String], InputError> {
        var out: [String] = []
        for part in typed.split(whereSeparator: { $0 == "," || $0 == "+" || $0 == ";" }) {
            let word = part.trimmingCharacters(in: .whitespaces)
            if word.isEmpty { continue }
            do {
                out.append(try Phase.parse(word, field: "phase").rawValue)
            } catch {
                return .failure(error)
            }
        }
        return .success(out)
    }
}

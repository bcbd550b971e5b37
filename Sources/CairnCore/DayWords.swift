import CairnWords
import Foundation

/// The words for days people type in a date field: English's (`today`, `+3d`) everywhere, and
/// the session's own (`hoje`, `+3s` in Portuguese; `jutro`, `+2t` in Polish). A catalogue
/// may give a word several spellings, separated by commas (`dziś, dzisiaj`); the first is the
/// one hints show. Typed words match without case or accents (`amanha` is `amanhã`), since a
/// clerk's keyboard may not have them.
enum DayWords {
    /// A day named by a word, counted from today.
    enum Named: CaseIterable {
        case today, tomorrow, yesterday

        var english: String {
            switch self {
            case .today: return "today"
            case .tomorrow: return "tomorrow"
            case .yesterday: return "yesterday"
            }
        }

        /// The session's spellings of it.
        var said: [String] {
            switch self {
            case .today: return spellings(Words.say("today", context: "a day typed in a date field"))
            case .tomorrow: return spellings(Words.say("tomorrow", context: "a day typed in a date field"))
            case .yesterday: return spellings(Words.say("yesterday", context: "a day typed in a date field"))
            }
        }

        var offset: Int {
            switch self {
            case .today: return 0
            case .tomorrow: return 1
            case .yesterday: return -1
            }
        }
    }

    /// A unit of `+3d`: days, weeks or months.
    enum Unit: CaseIterable {
        case days, weeks, months

        var english: String {
            switch self {
            case .days: return "d"
            case .weeks: return "w"
            case .months: return "m"
            }
        }

        /// The session's letter for it.
        var said: [String] {
            switch self {
            case .days: return spellings(Words.say("d", context: "the unit of +3d: days"))
            case .weeks: return spellings(Words.say("w", context: "the unit of +2w: weeks"))
            case .months: return spellings(Words.say("m", context: "the unit of +1m: months"))
            }
        }
    }

    /// The day `word` names, or nil when it names none.
    static func named(_ word: String) -> Named? {
        let typed = Text.folded(word)
        return Named.allCases.first { n in ([n.english] + n.said).contains { Text.folded($0) == typed } }
    }

    /// The unit `letters` stand for, or nil.
    static func unit(_ letters: String) -> Unit? {
        let typed = Text.folded(letters)
        return Unit.allCases.first { u in ([u.english] + u.said).contains { Text.folded($0) == typed } }
    }

    static func spellings(_ said: String) -> [String] {
        said.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

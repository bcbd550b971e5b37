import CairnWords
import Foundation

/// Reads the dates people type: `2026-03-01`, `today`, `tomorrow`, `+3d`, `+2w`, `+1m`
/// (and the same backwards, `-3d`, which the examples use for past checkpoints), and the same
/// in the session's language (`hoje`, `+3s`), which `DayWords` knows.
public enum DayInput {
    /// How to write a date, in the session's words.
    public static var hint: String {
        func first(_ said: [String], _ english: String) -> String { said.first ?? english }
        return Words.say(
            "use YYYY-MM-DD, {today}, {tomorrow}, +3{d}, +2{w} or +1{m}",
            [
                "today": first(DayWords.Named.today.said, "today"), "tomorrow": first(DayWords.Named.tomorrow.said, "tomorrow"),
                "d": first(DayWords.Unit.days.said, "d"), "w": first(DayWords.Unit.weeks.said, "w"),
                "m": first(DayWords.Unit.months.said, "m"),
            ])
    }

    /// `today` in the session's language: what a form offers in a day's field.
    public static var today: String { DayWords.Named.today.said.first ?? "today" }

    /// The day `text` names, counted from `today`; a `InputError` that says how to write it otherwise.
    public static func parse(_ text: String, today: Day) throws(InputError) -> Day {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let day = Day(iso: trimmed) { return day }
        if let named = DayWords.named(trimmed) { return today.adding(days: named.offset) }
        if let first = trimmed.first, first == "+" || first == "-" {
            let rest = trimmed.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let count = Int(digits), count <= 10_000,
                let unit = DayWords.unit(rest.dropFirst(digits.count).trimmingCharacters(in: .whitespaces))
            {
                let signed = first == "-" ? -count : count
                switch unit {
                case .days: return today.adding(days: signed)
                case .weeks: return today.adding(days: 7 * signed)
                case .months: return today.adding(months: signed)
                }
            }
        }
        if trimmed.isEmpty { throw InputError(Words.say("a date is required: {hint}", ["hint": hint])) }
        throw InputError(Words.say("“{text}” is not a date: {hint}", ["text": text, "hint": hint]))
    }
}

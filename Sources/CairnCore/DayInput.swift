import CairnWords

/// Reads the dates people type: `2026-03-01`, `today`, `tomorrow`, `+3d`, `+2w`, `+1m`
/// (and the same backwards, `-3d`, which the examples use for past checkpoints). `today`,
/// `tomorrow` and `yesterday` are read in the session's language as well as in English.
public enum DayInput {
    /// How a day may be typed, said when one is refused.
    public static var hint: String { Words.say("use YYYY-MM-DD, today, tomorrow, +3d, +2w or +1m") }

    /// `today` in the session's language: what a form offers in a day's field.
    public static var today: String { Words.say("today", context: "typed day") }

    /// The days counted from today that the words for them name, in English and in the
    /// session's language.
    static var words: [String: Int] {
        var out = ["today": 0, "tomorrow": 1, "yesterday": -1]
        out[today.lowercased()] = 0
        out[Words.say("tomorrow", context: "typed day").lowercased()] = 1
        out[Words.say("yesterday", context: "typed day").lowercased()] = -1
        return out
    }

    /// The day `text` names, counted from `today`; a `InputError` that says how to write it otherwise.
    public static func parse(_ text: String, today: Day) throws(InputError) -> Day {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let day = Day(iso: trimmed) { return day }
        if let offset = words[trimmed] { return today.adding(days: offset) }
        if let first = trimmed.first, first == "+" || first == "-", let unit = trimmed.last,
            let count = Int(trimmed.dropFirst().dropLast()), count <= 10_000
        {
            let signed = first == "-" ? -count : count
            switch unit {
            case "d": return today.adding(days: signed)
            case "w": return today.adding(days: 7 * signed)
            case "m": return today.adding(months: signed)
            default: break
            }
        }
        if trimmed.isEmpty { throw InputError(Words.say("a date is required: {hint}", ["hint": hint])) }
        throw InputError(Words.say("“{text}” is not a date: {hint}", ["text": text, "hint": hint]))
    }
}

import CairnCore

/// A day something was done, measured or recorded by: today or an earlier one. Its hint offers
/// only the forms such a day takes, not `tomorrow` or `+3d`, which would then be refused.
enum PastDay {
    static let hint = "use YYYY-MM-DD, today, yesterday or -3d (a later day is refused)"

    /// - Parameter option: the flag the day came with, which the message names.
    static func parse(_ text: String, option: String, today: Day = Day.today()) throws -> Day {
        do {
            return try DayInput.parse(text, today: today)
        } catch {
            let what = text.trimmingCharacters(in: .whitespaces).isEmpty ? "a date is required" : "“\(text)” is not a date"
            throw CLIError("\(option): \(what): \(hint)")
        }
    }
}

import CairnCore
import CairnWords

/// A day something was done, measured or recorded by: today or an earlier one. Its hint offers
/// only the forms such a day takes, not `tomorrow` or `+3d`, which would then be refused.
enum PastDay {
    /// - Parameter option: the flag the day came with, which the message names.
    static func parse(_ text: String, option: String, today: Day = Day.today()) throws -> Day {
        do {
            return try DayInput.parse(text, today: today)
        } catch {
            guard text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CLIError(
                    Words.say(
                        "{option}: “{text}” is not a date: use YYYY-MM-DD, today, yesterday or -3d (a later day is refused)",
                        context: "cli",
                        ["option": option, "text": text]))
            }
            throw CLIError(
                Words.say(
                    "{option}: a date is required: use YYYY-MM-DD, today, yesterday or -3d (a later day is refused)", context: "cli",
                    ["option": option]))
        }
    }
}

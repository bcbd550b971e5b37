import CairnCore
import CairnWords

extension Report {
    /// `22 November 2026`: a day as a person reads it, its month named in the session's
    /// language from the catalogue's own table (the machine's locales may not be installed, and
    /// Foundation's names would then be English whatever the room speaks).
    public static func inWords(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.parts
        return Words.say(
            "{day} {month} {year}", context: "date in words", ["day": "\(dayOfMonth)", "month": monthName(month), "year": "\(year)"])
    }

    /// The month's name (1 is January), as it stands inside a date.
    static func monthName(_ month: Int) -> String {
        switch month {
        case 1: return Words.say("January", context: "month in a date")
        case 2: return Words.say("February", context: "month in a date")
        case 3: return Words.say("March", context: "month in a date")
        case 4: return Words.say("April", context: "month in a date")
        case 5: return Words.say("May", context: "month in a date")
        case 6: return Words.say("June", context: "month in a date")
        case 7: return Words.say("July", context: "month in a date")
        case 8: return Words.say("August", context: "month in a date")
        case 9: return Words.say("September", context: "month in a date")
        case 10: return Words.say("October", context: "month in a date")
        case 11: return Words.say("November", context: "month in a date")
        default: return Words.say("December", context: "month in a date")
        }
    }
}

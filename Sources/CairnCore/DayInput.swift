/// Reads the dates people type: `2026-03-01`, `today`, `tomorrow`, `+3d`, `+2w`, `+1m`
/// (and the same backwards, `-3d`, which the examples use for past checkpoints).
public enum DayInput {
    public static let hint = "use YYYY-MM-DD, today, tomorrow, +3d, +2w or +1m"

    /// The day `text` names, counted from `today`; a `InputError` that says how to write it otherwise.
    public static func parse(_ text: String, today: Day) throws(InputError) -> Day {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let day = Day(iso: trimmed) { return day }
        switch trimmed {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
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
        if trimmed.isEmpty { throw InputError("a date is required: \(hint)") }
        throw InputError("“\(text)” is not a date: \(hint)")
    }
}

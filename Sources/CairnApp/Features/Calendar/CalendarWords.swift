import CairnWords

/// What `c` says once the calendar file is on disk: how many dates and where. Each `c`
/// rewrites the same file, so a calendar subscribed to it follows along (the help says so).
enum CalendarWords {
    static func saved(path: String, items: Int) -> String {
        Words.count("Calendar saved ({count} date): {path}", "Calendar saved ({count} dates): {path}", items, ["path": path])
    }
}

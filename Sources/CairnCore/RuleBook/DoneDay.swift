import CairnWords

/// The days that say when something was done: a checkpoint's tick and a measurement. A day
/// after today is a typing slip (2030 for 2026) that would pass for the latest news and mask
/// every real one after it, so a person cannot write one.
enum DoneDay {
    /// What is wrong with `record`'s done day, if the operation sets one after `today`; a day it
    /// leaves as `stored` had it is not questioned.
    static func issues(_ record: Record, stored: Record?, today: Day) -> [FieldIssue] {
        switch record {
        case .checkpoint(let c):
            guard let on = c.doneOn, on > today else { return [] }
            if case .checkpoint(let old)? = stored, old.doneOn == on { return [] }
            return [
                FieldIssue(
                    "doneOn",
                    Words.say(
                        "{day} is later than today ({today}): a tick says when it was done",
                        ["day": on.description, "today": today.description]))
            ]
        case .measurement(let m):
            guard m.date > today else { return [] }
            if case .measurement(let old)? = stored, old.date == m.date { return [] }
            return [
                FieldIssue(
                    "date",
                    Words.say(
                        "{day} is later than today ({today}): a measurement is dated when it was taken",
                        ["day": m.date.description, "today": today.description]))
            ]
        default:
            return []
        }
    }
}

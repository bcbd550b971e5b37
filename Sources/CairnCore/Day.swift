import Foundation

/// A calendar day with no time or zone: due dates, deadlines, the day a checkpoint was ticked.
///
/// Stored and shown as `YYYY-MM-DD`. Arithmetic uses a proleptic Gregorian day count so it
/// needs no `Calendar` (which is slow on a hot path such as sorting 100,000 checkpoints).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A day from its parts, or nil when the parts name no real day (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var parts: (year: Int, month: Int, day: Int) {
        // Inverse of `ordinal(year:month:day:)` (Howard Hinnant's civil_from_days).
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `2026-12-02`, written digit by digit: lists and exports write a day per row, and
    /// `String(format:)` goes through Foundation's formatting for every one of them.
    public var description: String {
        let (y, m, d) = parts
        let digits: [UInt8] = [
            UInt8(48 + y / 1000 % 10), UInt8(48 + y / 100 % 10), UInt8(48 + y / 10 % 10), UInt8(48 + y % 10), 45,
            UInt8(48 + m / 10), UInt8(48 + m % 10), 45, UInt8(48 + d / 10), UInt8(48 + d % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day of a later month, clamped to that month's last day (Jan 31 + 1m = Feb 28).
    public func adding(months: Int) -> Day {
        let (y, m, d) = parts
        let total = y * 12 + (m - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        return Day(ordinal: Day.ordinal(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year))))
    }

    /// ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((ordinal % 7 + 7 + 3) % 7) + 1 }

    /// The Sunday that ends this day's week.
    public var endOfWeek: Day { adding(days: 7 - weekday) }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        let (y, m, _) = parts
        return Day(ordinal: Day.ordinal(year: y, month: m, day: Day.daysIn(month: m, year: y)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// Today in the local time zone (or `$CAIRN_TODAY`, so that tests and demos can pin the day).
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> Day {
        if let pinned = ProcessInfo.processInfo.environment["CAIRN_TODAY"], let day = Day(iso: pinned) {
            return day
        }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now)
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

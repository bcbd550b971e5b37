import Testing

@testable import CairnCore

@Suite struct DayTests {
    let today = Day(iso: "2026-01-31")!

    @Test func iso_dates_round_trip_and_impossible_days_are_refused() {
        #expect(Day(iso: "2026-11-22")?.description == "2026-11-22")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "22/11/2026") == nil)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
    }

    @Test func ordinal_and_parts_agree_across_centuries() {
        for ordinal in stride(from: -200_000, to: 200_000, by: 997) {
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.parts
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }

    @Test func relative_words_and_offsets_count_from_today() throws {
        #expect(try DayInput.parse("today", today: today) == today)
        #expect(try DayInput.parse("tomorrow", today: today).description == "2026-02-01")
        #expect(try DayInput.parse("+3d", today: today).description == "2026-02-03")
        #expect(try DayInput.parse("+2w", today: today).description == "2026-02-14")
        #expect(try DayInput.parse("-1w", today: today).description == "2026-01-24")
        #expect(try DayInput.parse(" 2026-03-01 ", today: today).description == "2026-03-01")
    }

    @Test func a_month_later_is_clamped_to_the_end_of_a_short_month() throws {
        #expect(try DayInput.parse("+1m", today: today).description == "2026-02-28")
        #expect(Day(iso: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(Day(iso: "2026-12-15")!.adding(months: 1).description == "2027-01-15")
    }

    @Test func a_bad_date_says_how_to_write_one() {
        #expect(throws: InputError.self) { try DayInput.parse("31/12", today: today) }
        do {
            _ = try DayInput.parse("31/12", today: today)
        } catch {
            #expect(error.message.contains("“31/12” is not a date"))
            #expect(error.message.contains("YYYY-MM-DD"))
        }
        #expect(throws: InputError.self) { try DayInput.parse("+3x", today: today) }
        #expect(throws: InputError.self) { try DayInput.parse("", today: today) }
    }
}

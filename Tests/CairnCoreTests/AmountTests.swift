import Testing

@testable import CairnCore

/// A goal's value is written with its unit as a reader writes it.
@Suite struct AmountTests {
    @Test func a_sign_sits_against_the_number_and_a_word_after_a_space() {
        #expect(World.amount(12, unit: "%") == "12%")
        #expect(World.amount(2.5, unit: "‰") == "2.5‰")
        #expect(World.amount(6, unit: "per 100 pupils") == "6 per 100 pupils")
        #expect(World.amount(40, unit: "uczniów") == "40 uczniów")
        #expect(World.amount(3, unit: "") == "3")
        #expect(World.amount(7, unit: "ár") == "7 ár")
    }
}

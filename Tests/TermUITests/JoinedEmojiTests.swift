import Testing

@testable import TermUI

/// An emoji of parts joined by zero-width joiners takes the cells curses moves over for it.
@Suite struct JoinedEmojiTests {
    @Test func a_joined_emoji_counts_the_cells_of_its_parts() {
        #expect(DisplayWidth.of("👩\u{200D}🏫") == 4)
        #expect(DisplayWidth.of("中学校の役割 👩\u{200D}🏫") == 12 + 1 + 4)
        #expect(DisplayWidth.of("🌿") == 2 && DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func text_after_a_joined_emoji_keeps_its_column_and_the_row_its_width() {
        var canvas = Canvas(width: 12, height: 1)
        let used = canvas.put("a👩\u{200D}🏫bcdefghijk", x: 0, y: 0)
        #expect(used == 12)
        #expect(canvas[5, 0].text == "b", "b after the four cells of the teacher: \(canvas.text)")
        #expect((2...4).allSatisfy { canvas[$0, 0].isContinuation })
    }
}

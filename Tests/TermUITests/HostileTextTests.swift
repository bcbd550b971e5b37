import Foundation
import Testing

@testable import TermUI

/// Text as keyboards, clipboards and registers really send it: decomposed accents, emoji
/// sequences, right-to-left scripts, control characters.
@Suite struct HostileTextTests {
    /// Each scalar as its own key, as `wget_wch` delivers a combining mark after its letter.
    func typeScalars(_ text: String, into field: inout TextField) {
        for s in text.unicodeScalars { _ = field.handle(.char(Character(s))) }
    }

    func drawn(_ field: TextField, width: Int = 20) -> String {
        var canvas = Canvas(width: width + 2, height: 1)
        field.render(into: &canvas, x: 1, y: 0, width: width, focused: true)
        return canvas.row(0)
    }

    @Test func a_combining_mark_typed_after_its_letter_joins_it_and_the_text_is_nfc() {
        var f = TextField()
        typeScalars("Sa\u{0303}o Joa\u{0303}o", into: &f)
        #expect(f.text == "São João")
        #expect(f.text.unicodeScalars.count == 8)
        #expect(f.cursor == 8)
        _ = f.handle(.left)
        _ = f.handle(.left)
        _ = f.handle(.char("x"))
        #expect(f.text == "São Joxão")
        _ = f.handle(.backspace)
        _ = f.handle(.backspace)
        #expect(f.text == "São Jão")
        #expect(drawn(f).hasPrefix(" São Jão"))
    }

    @Test func emoji_sequences_joiners_and_right_to_left_text_never_break_the_cursor() {
        var f = TextField()
        typeScalars("👩\u{200D}👩\u{200D}👧 مدرسة 漢字 🇵🇹", into: &f)
        #expect(f.cursor == f.text.count)
        for key in [Key.left, .left, .backspace, .home, .delete, .end, .backspace, .char("\u{0301}"), .home, .char("\u{0301}")] {
            _ = f.handle(key)
            #expect(f.cursor >= 0 && f.cursor <= f.text.count)
            _ = drawn(f, width: 6)
        }
        // A combining mark with no letter before it is drawn on a dotted circle.
        #expect(drawn(TextField("\u{0301}")).contains("◌\u{0301}"))
    }

    @Test func a_draft_cursor_past_its_text_is_brought_back_in_range() throws {
        let json = #"{"text":"Cafe\u0301","cursor":99}"#
        var f = try JSONDecoder().decode(TextField.self, from: Data(json.utf8))
        #expect(f.text == "Café")
        #expect(f.cursor == 4)
        #expect(drawn(f).hasPrefix(" Café"))
        _ = f.handle(.char("!"))
        #expect(f.text == "Café!")
    }

    @Test func control_characters_from_data_are_drawn_visibly_never_raw() {
        var canvas = Canvas(width: 40, height: 1)
        canvas.put("Evil\u{1B}]0;pwned\u{07}\u{202E}name\u{9B}", x: 0, y: 0)
        let row = canvas.row(0)
        #expect(row.hasPrefix("Evil^[]0;pwned^G\u{FFFD}name\u{FFFD}"))
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }
}

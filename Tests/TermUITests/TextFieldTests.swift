import Foundation
import Testing

@testable import TermUI

/// The text field as a person types into it: an offered value replaced by the first character,
/// a paste of thousands of characters taken whole, and every edit agreeing with normalising the
/// whole text at every key.
@Suite struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for s in text.unicodeScalars { _ = field.handle(.char(Character(s))) }
    }

    @Test func a_value_offered_in_a_field_is_replaced_by_the_first_character_typed() {
        var f = TextField("today", offered: true)
        #expect(f.isOffered && f.text == "today")
        typed("2026-11-01", into: &f)
        #expect(f.text == "2026-11-01")
        #expect(f.cursor == 10)
        #expect(!f.isOffered)
    }

    @Test func moving_the_cursor_backspace_or_ctrl_u_first_edits_an_offered_value_as_usual() {
        var moved = TextField("today", offered: true)
        _ = moved.handle(.left)
        typed("x", into: &moved)
        #expect(moved.text == "todaxy")

        var erased = TextField("today", offered: true)
        _ = erased.handle(.backspace)
        typed("y", into: &erased)
        #expect(erased.text == "today")

        var cleared = TextField("today", offered: true)
        _ = cleared.handle(.ctrl("u"))
        typed("-3d", into: &cleared)
        #expect(cleared.text == "-3d")

        // A key that is not an edit (Tab, Enter) leaves the offer standing.
        var kept = TextField("today", offered: true)
        let tookTab = kept.handle(.tab)
        #expect(!tookTab)
        #expect(kept.isOffered)
    }

    @Test func an_offered_value_is_drawn_reversed_while_focused_and_plain_once_edited() {
        var canvas = Canvas(width: 12, height: 1)
        var f = TextField("today", offered: true)
        f.render(into: &canvas, x: 0, y: 0, width: 12, focused: true)
        let offered = canvas.cells.prefix(6).map { $0.style == .selected }
        #expect(offered == [true, true, true, true, true, true])
        _ = f.handle(.end)
        canvas = Canvas(width: 12, height: 1)
        f.render(into: &canvas, x: 0, y: 0, width: 12, focused: true)
        let edited = canvas.cells.prefix(6).map { $0.style == .selected }
        #expect(edited == [false, false, false, false, false, true], "only the cursor after the text")
    }

    @Test func an_offer_survives_a_draft_and_an_old_draft_has_none() throws {
        let data = try JSONEncoder().encode(TextField("today", offered: true))
        #expect(try JSONDecoder().decode(TextField.self, from: data).isOffered)
        let old = try JSONDecoder().decode(TextField.self, from: Data(#"{"text":"today","cursor":2}"#.utf8))
        #expect(!old.isOffered && old.cursor == 2)
    }

    /// A paste arrives as one key a character. Before, each key normalised and counted the
    /// whole text again (10,000 characters took 21 s on screen); the result is checked whole.
    @Test func ten_thousand_characters_typed_one_key_each_arrive_whole_and_in_nfc() {
        let piece = "Łódź Sa\u{0303}o Joa\u{0303}o 漢字 👩\u{200D}👧 e\u{0301} "
        var pasted = ""
        while pasted.unicodeScalars.count < 10_000 { pasted += piece }
        pasted = String(String.UnicodeScalarView(pasted.unicodeScalars.prefix(10_000)))
        var f = TextField()
        typed(pasted, into: &f)
        let expected = pasted.precomposedStringWithCanonicalMapping
        #expect(Array(f.text.utf8) == Array(expected.utf8))
        #expect(f.cursor == expected.count)
        // And in the middle of it, as at its end.
        for _ in 0..<5000 { _ = f.handle(.left) }
        typed("X", into: &f)
        #expect(f.cursor == expected.count - 5000 + 1)
        #expect(f.text.count == expected.count + 1)
    }

    /// The field as it was: every key normalises the whole text and counts the cursor anew.
    struct WholeTextField {
        var text = ""
        var cursor = 0

        mutating func apply(_ key: Key) {
            switch key {
            case .char(let c):
                let i = text.index(text.startIndex, offsetBy: min(cursor, text.count))
                let before = (String(text[..<i]) + String(c)).precomposedStringWithCanonicalMapping
                text = (before + String(text[i...])).precomposedStringWithCanonicalMapping
                cursor = min(text.count, before.count)
            case .backspace: if cursor > 0 { remove(cursor - 1) }
            case .delete: if cursor < text.count { remove(cursor) }
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(text.count, cursor + 1)
            case .home: cursor = 0
            case .end: cursor = text.count
            case .ctrl("u"): (text, cursor) = ("", 0)
            default: break
            }
        }

        mutating func remove(_ offset: Int) {
            let i = text.index(text.startIndex, offsetBy: offset)
            let before = String(text[..<i])
            text = (before + String(text[text.index(after: i)...])).precomposedStringWithCanonicalMapping
            cursor = min(text.count, before.count)
        }
    }

    @Test func random_edits_agree_with_normalising_the_whole_text_at_every_key() {
        let seed = ProcessInfo.processInfo.environment["CAIRN_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        print("TextFieldTests seed: \(seed) (CAIRN_SEED=\(seed) replays it)")
        var random = SplitMix(seed)
        let scalars: [Unicode.Scalar] = [
            "a", "e", "o", "x", " ", "\u{0301}", "\u{0303}", "\u{0323}", "Ł", "ó", "漢", "👩", "\u{200D}", "👧", "\u{1F1F5}",
            "\u{1F1F9}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "\u{0600}", "\u{0627}",
        ]
        let moves: [Key] = [.left, .right, .home, .end, .backspace, .delete, .left, .backspace]
        rounds: for round in 0..<40 {
            var field = TextField()
            var model = WholeTextField()
            var keys: [Key] = []
            for _ in 0..<60 {
                // Mostly characters, some moves and deletions, now and then Ctrl-U.
                let roll = random.next() % 40
                let key: Key =
                    roll < 24
                    ? .char(Character(scalars[Int(random.next() % UInt64(scalars.count))]))
                    : roll < 39 ? moves[Int(random.next() % UInt64(moves.count))] : .ctrl("u")
                keys.append(key)
                _ = field.handle(key)
                model.apply(key)
                let same = Array(field.text.utf8) == Array(model.text.utf8) && field.cursor == model.cursor
                #expect(same, "seed \(seed), round \(round), after \(keys.map(\.description))")
                if !same { break rounds }
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so that a failing run replays from its seed.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A focused field puts the canvas's cursor at its caret, counted in display cells, scrolled
/// with the text; an unfocused one leaves the cursor alone.
@Suite struct TextFieldCaretTests {
    @Test func the_caret_is_counted_in_cells_and_follows_a_scrolled_text() {
        var field = TextField()
        for c in "Þing漢e\u{301}" { _ = field.handle(.char(c)) }
        var canvas = Canvas(width: 40, height: 3)
        field.render(into: &canvas, x: 5, y: 1, width: 30, focused: true)
        #expect(canvas.cursor == CursorPosition(x: 5 + 4 + 2 + 1, y: 1))
        _ = field.handle(.home)
        _ = field.handle(.right)
        field.render(into: &canvas, x: 5, y: 1, width: 30, focused: true)
        #expect(canvas.cursor == CursorPosition(x: 6, y: 1))
        var long = TextField(String(repeating: "漢", count: 40))
        var scrolled = Canvas(width: 40, height: 3)
        long.render(into: &scrolled, x: 2, y: 2, width: 20, focused: true)
        #expect(scrolled.cursor == CursorPosition(x: 2 + 18, y: 2), "after the last character shown, in the field")
        _ = long.handle(.home)
        var unfocused = Canvas(width: 40, height: 3)
        long.render(into: &unfocused, x: 2, y: 2, width: 20, focused: false)
        #expect(unfocused.cursor == nil)
    }
}

/// Whatever a field holds (wide letters, combining marks, joiners, bidi controls, controls from
/// data) and wherever its caret is, a focused field draws the caret inside itself, reversed,
/// with the canvas's cursor on it, and writes nothing outside its cells.
@Suite struct TextFieldCaretBoundsTests {
    static let texts = [
        "abcdefghi漢", "漢字漢字漢字漢字", "a漢b漢c漢d漢e漢", "Þingeyjarskóli", "e\u{301}\u{302}\u{303}x漢",
        "👩\u{200D}👩\u{200D}👧 family", "مدرسة\u{200F} 漢", "a\u{202E}b\u{2066}c", "\u{1B}[31mred\u{7}",
        "🇵🇹🇳🇿🇮🇸", "\u{200B}\u{200B}漢\u{200B}", "❤\u{FE0F}❤\u{FE0F}x",
    ]

    @Test(arguments: 1...12)
    func the_caret_stays_in_the_field_at_every_position_and_width(width: Int) {
        for text in Self.texts {
            var field = TextField(text)
            _ = field.handle(.home)
            for position in 0...field.text.count {
                var canvas = Canvas(width: width + 4, height: 3)
                field.render(into: &canvas, x: 2, y: 1, width: width, focused: true)
                let place = "“\(text.debugDescription)” at \(position) in \(width) cells"
                let cursor = canvas.cursor
                #expect(cursor?.y == 1, "\(place): no cursor on the field's row")
                #expect((cursor?.x ?? -1) >= 2 && (cursor?.x ?? -1) < 2 + width, "\(place): cursor at \(String(describing: cursor))")
                if let cursor { #expect(canvas[cursor.x, cursor.y].style == .selected, "\(place): the caret is not drawn") }
                for x in [0, 1, width + 2, width + 3] { #expect(canvas[x, 1] == .blank, "\(place): cell \(x) written") }
                _ = field.handle(.right)
            }
        }
    }
}

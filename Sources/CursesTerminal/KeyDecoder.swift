import CNcurses
import TermUI

/// Turns what `wget_wch` returns into a `Key`. Escape sequences that the terminfo entry does not
/// know (Shift-Tab or Home under `TERM=vt100` inside tmux) are decoded by hand.
enum KeyDecoder {
    static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == cairn_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// The key for the bytes that followed an Esc (`[Z`, `[A`, `[5~`, `OH`...), or nil.
    static func escapeSequence(_ tail: [UInt32]) -> Key? {
        let text = String(String.UnicodeScalarView(tail.compactMap(Unicode.Scalar.init)))
        switch text {
        case "[Z": return .backTab
        case "[A", "OA": return .up
        case "[B", "OB": return .down
        case "[C", "OC": return .right
        case "[D", "OD": return .left
        case "[H", "OH", "[1~", "[7~": return .home
        case "[F", "OF", "[4~", "[8~": return .end
        case "[5~": return .pageUp
        case "[6~": return .pageDown
        case "[3~": return .delete
        default: return nil
        }
    }
}

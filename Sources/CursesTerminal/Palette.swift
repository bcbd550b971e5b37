import CNcurses
import TermUI

/// Colours for each style role, on the terminal's own background. Meaning never rests on
/// colour alone: overdue is also bold and marked `!`, the selection also reversed and `>`.
@MainActor
enum Palette {
    static let roles: [(Style.Role, Int16)] = [
        (.title, Int16(COLOR_CYAN)), (.accent, Int16(COLOR_CYAN)), (.selection, Int16(COLOR_BLUE)),
        (.overdue, Int16(COLOR_RED)), (.dueSoon, Int16(COLOR_YELLOW)), (.done, Int16(COLOR_GREEN)),
        (.error, Int16(COLOR_RED)), (.key, Int16(COLOR_YELLOW)),
    ]

    static func define() {
        for (i, (_, colour)) in roles.enumerated() {
            init_pair(Int16(i + 1), colour, -1)
        }
    }

    static func attributes(for style: Style, colors: Bool) -> (attr_t, Int16) {
        var attr = cairn_a_normal()
        if style.bold { attr |= cairn_a_bold() }
        if style.reverse { attr |= cairn_a_reverse() }
        if style.underline { attr |= cairn_a_underline() }
        guard colors, style.role != .normal, style.role != .muted else { return (attr, 0) }
        // Reversed bars (title, footer, selection) keep the terminal's own colours: readable everywhere.
        if style.reverse, style.role != .selection { return (attr, 0) }
        if let i = roles.firstIndex(where: { $0.0 == style.role }) { return (attr, Int16(i + 1)) }
        return (attr, 0)
    }
}

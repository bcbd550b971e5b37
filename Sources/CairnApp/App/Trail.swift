import TermUI

/// The title bar's trail (`Cairn › Agrupamento … › Escola … › Link`) fitted to its room: the
/// screen the person is on is what they most need to read, so the places passed on the way
/// give up their width first (the widest first, down to a dozen cells), then drop out from
/// the left, `Cairn` first (leaving one `…`) while two are left, and only then is the last cut.
enum Trail {
    static let separator = " › "
    static let narrowest = 12

    static func fitted(_ crumbs: [String], room: Int) -> String {
        // A crumb may hold a trail of its own (the workshop's cluster and step).
        var parts = crumbs.flatMap { $0.components(separatedBy: separator) }
        var dropped = false
        func line() -> String { ((dropped ? ["…"] : []) + parts).joined(separator: separator) }
        while DisplayWidth.of(line()) > room, parts.count > 1 {
            let excess = DisplayWidth.of(line()) - room
            let passed = 0..<(parts.count - 1)
            if let widest = passed.max(by: { DisplayWidth.of(parts[$0]) < DisplayWidth.of(parts[$1]) }),
                DisplayWidth.of(parts[widest]) > narrowest
            {
                parts[widest] = DisplayWidth.truncate(parts[widest], to: max(narrowest, DisplayWidth.of(parts[widest]) - excess))
            } else if parts.count > 2 {
                parts.removeFirst()
                dropped = true
            } else {
                break
            }
        }
        return DisplayWidth.truncate(line(), to: room)
    }
}

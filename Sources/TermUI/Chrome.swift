/// The parts every screen shares: a tab bar, a footer of keys, a help page made from bindings.
public enum Chrome {
    /// Draws tabs as ` 1 Clusters │ 2 Schools ` with the active one reversed and marked,
    /// so it shows without colour.
    public static func tabs(_ titles: [String], active: Int, into canvas: inout Canvas, y: Int, numbered: Bool = true) {
        var x = 0
        for (i, title) in titles.enumerated() {
            let label = numbered ? " \(i + 1) \(title) " : " \(title) "
            let text = i == active ? "[\(label.dropFirst().dropLast())]" : label
            x += canvas.put(text, x: x, y: y, style: i == active ? Style(.accent, bold: true, reverse: true) : .plain)
            if i < titles.count - 1 { x += canvas.put(" ", x: x, y: y) }
        }
    }

    /// Draws the footer: the bindings marked for it, `key label` pairs, as many as fit, with the
    /// essential ones (help, back, quit) always at the right end.
    public static func footer<A>(_ bindings: [KeyBinding<A>], into canvas: inout Canvas, y: Int) {
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: Style(.muted, reverse: true))
        func width(_ b: KeyBinding<A>) -> Int { DisplayWidth.of(b.label) + 1 + DisplayWidth.of(b.help) + 2 }
        func draw(_ b: KeyBinding<A>, at x: Int) -> Int {
            let used = canvas.put(
                b.label, x: x, y: y, style: b.enabled ? Style(.key, bold: true, reverse: true) : Style(.muted, reverse: true))
            return used + canvas.put(" " + b.help + "  ", x: x + used, y: y, style: Style(.muted, reverse: true))
        }
        let essential = bindings.filter(\.essential)
        let reserved = essential.reduce(0) { $0 + width($1) }
        var x = 0
        for b in bindings where b.inFooter && !b.essential {
            if x + width(b) > canvas.width - reserved { break }
            x += draw(b, at: x)
        }
        x = max(x, canvas.width - reserved)
        for b in essential { x += draw(b, at: x) }
    }

    /// The lines of a `?` help page for a screen: every binding, its keys and what it does.
    ///
    /// - Parameter notNow: what a key doing nothing at the moment says after its help, in the
    ///   session's language.
    public static func helpLines<A>(_ bindings: [KeyBinding<A>], notNow: String = "(not now)") -> [(String, String)] {
        bindings.map { b in
            let keys = b.anyKey || b.keys.count > 3 ? b.label : b.keys.map(\.description).joined(separator: " / ")
            return (keys, b.enabled ? b.help : b.help + " " + notNow)
        }
    }
}

/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Not a key: the terminal changed size.
    case resize

    /// How help and the footer name the key.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        }
    }
}

/// One thing a screen does on a key: the single list that drives the keys, the footer and `?` help.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    /// How the key is written in the footer and help (`a`, `Space`, `Tab/S-Tab`).
    public var label: String
    public var help: String
    /// What the pressed key does; most bindings give one action whatever key of theirs it was.
    public var action: @Sendable (Key) -> Action
    /// Main keys show in the footer; every binding shows in `?` help.
    public var inFooter: Bool
    /// Keys the footer shows whatever else it must drop (help, back, quit), at its right end.
    public var essential: Bool
    /// Shown, but does nothing now (no row selected, nothing to undo): drawn muted, marked in help.
    public var enabled: Bool
    /// Fires on any key at all (a help page that any key closes).
    public var anyKey: Bool

    public init(
        _ keys: [Key], _ label: String? = nil, _ help: String, _ action: Action, footer: Bool = true, essential: Bool = false,
        enabled: Bool = true
    ) {
        self.init(keys, label, help, footer: footer, essential: essential, enabled: enabled) { _ in action }
    }

    /// A binding whose action depends on the key pressed (`1`-`4` going to a tab).
    public init(
        _ keys: [Key], _ label: String? = nil, _ help: String, footer: Bool = true, essential: Bool = false, enabled: Bool = true,
        anyKey: Bool = false, action: @escaping @Sendable (Key) -> Action
    ) {
        self.keys = keys
        self.label = label ?? keys.map(\.description).joined(separator: "/")
        self.help = help
        self.action = action
        self.inFooter = footer || essential
        self.essential = essential
        self.enabled = enabled
        self.anyKey = anyKey
    }

    /// True when a press of `key` fires this binding.
    public func fires(on key: Key) -> Bool { enabled && (anyKey || keys.contains(key)) }
}

extension Array {
    /// The action bound to `key` by an enabled binding, if any.
    public func action<A>(for key: Key) -> A? where Element == KeyBinding<A> {
        first { $0.fires(on: key) }.map { $0.action(key) }
    }
}

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
    public var action: Action
    /// Main keys show in the footer; every binding shows in `?` help.
    public var inFooter: Bool
    /// Keys the footer shows whatever else it must drop (help, back, quit), at its right end.
    public var essential: Bool

    public init(
        _ keys: [Key], _ label: String? = nil, _ help: String, _ action: Action, footer: Bool = true, essential: Bool = false
    ) {
        self.keys = keys
        self.label = label ?? keys.map(\.description).joined(separator: "/")
        self.help = help
        self.action = action
        self.inFooter = footer || essential
        self.essential = essential
    }
}

extension Array {
    /// The action bound to `key`, if any.
    public func action<A>(for key: Key) -> A? where Element == KeyBinding<A> {
        first { $0.keys.contains(key) }?.action
    }
}

import CairnWords
import TermUI

/// The keys that mean the same on every screen that takes them, declared here once and merged
/// into each screen's bindings after its own (as Textual merges an app's bindings into a
/// screen's): `u` undoes, `?` shows the screen's keys, `q` goes back (on Home it quits). A screen
/// says only which it takes and what its action for each is (`Screen.shared(_:)`). Ctrl-C quits
/// from anywhere before any screen sees it, and every help page lists it.
public struct SharedKeys<Action: Sendable>: Sendable {
    public var undo: Action?
    public var undoInFooter: Bool
    public var help: Action?
    /// What the help page is called in the footer and in help itself ("help", "these keys").
    public var helpLabel: String
    /// Among the footer's essential keys, at its right end; else only in help.
    public var helpInFooter: Bool
    /// Shown but doing nothing (a filter being typed takes `?`).
    public var helpEnabled: Bool
    public var back: Action?
    /// "back", "leave", or on Home "quit".
    public var backLabel: String
    /// Esc goes back too (everywhere but Home, where only q quits).
    public var backOnEscape: Bool

    public init(
        undo: Action? = nil, undoInFooter: Bool = true, help: Action? = nil, helpLabel: String = Words.say("help"),
        helpInFooter: Bool = true,
        helpEnabled: Bool = true, back: Action? = nil, backLabel: String = Words.say("back"), backOnEscape: Bool = true
    ) {
        self.undo = undo
        self.undoInFooter = undoInFooter
        self.help = help
        self.helpLabel = helpLabel
        self.helpInFooter = helpInFooter
        self.helpEnabled = helpEnabled
        self.back = back
        self.backLabel = backLabel
        self.backOnEscape = backOnEscape
    }

    /// None of them: a screen whose letters are all typed text (a filter being typed).
    public static var none: SharedKeys { SharedKeys() }

    /// `u`, if taken: merged right after the screen's own keys.
    public var undoBindings: [KeyBinding<Action>] {
        undo.map {
            [
                KeyBinding([SharedKey.undo], "u", Words.say("undo"), $0, footer: undoInFooter),
                // The same action: the run loop tells the two keys apart (`AppState.press`).
                KeyBinding([SharedKey.redo], "Ctrl-R", Words.say("redo what u undid"), $0, footer: false),
            ]
        } ?? []
    }

    /// `?` and `q`, those taken: merged after the screen's later keys, before its trailing ones.
    public var helpAndBackBindings: [KeyBinding<Action>] {
        var b: [KeyBinding<Action>] = []
        if let help {
            b.append(
                KeyBinding([SharedKey.help], "?", helpLabel, help, footer: false, essential: helpInFooter, enabled: helpEnabled))
        }
        if let back {
            b.append(KeyBinding(backOnEscape ? [SharedKey.back, .escape] : [SharedKey.back], "q", backLabel, back, essential: true))
        }
        return b
    }
}

/// The shared keys themselves, and the one that no screen sees.
public enum SharedKey {
    public static let undo = Key.char("u")
    public static let redo = Key.ctrl("r")
    public static let help = Key.char("?")
    public static let back = Key.char("q")
    /// Quits from anywhere (an open form is kept as a draft).
    public static let quit = Key.ctrl("c")

    /// Listed at the end of every help page.
    static var everywhere: [KeyBinding<Never?>] {
        [KeyBinding([quit], "Ctrl-C", Words.say("quit from anywhere (an open form is kept as a draft)"), nil)]
    }
}

import CairnCore
import CairnWords
import TermUI

/// One screen as a feature of its own: its state (the conforming value), its actions, its
/// bindings, its update and its drawing. The stack holds them as `any Screen`, so nothing
/// switches over the kinds of screen.
public protocol Screen: Sendable, Equatable {
    /// What can happen on this screen; `update` switches over it exhaustively.
    associatedtype Action: Sendable

    /// The screen's own keys as it stands, listed first. Merged with the shared keys and its
    /// later and trailing ones (`allBindings`), they are the one list that drives keys, footer
    /// and `?` help.
    func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>]
    /// Which of the keys that mean the same everywhere (`u`, `?`, `q`) it takes, and its action
    /// for each.
    func shared(_ env: AppEnvironment) -> SharedKeys<Action>
    /// Keys listed between `u` and `?` (Home's doors to other work: import, calendar, sync).
    func laterBindings(_ env: AppEnvironment) -> [KeyBinding<Action>]
    /// Keys listed after `?` and `q` (moving in a list), mostly in help only.
    func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>]
    /// Text typed into the focused field, the only key that acts without a binding.
    func typed(_ key: Key) -> Action?
    mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect]
    /// The result of an effect this screen asked for.
    mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect]
    /// The world, the day or the size changed: rebuild what is derived from them.
    mutating func refresh(_ env: AppEnvironment)
    func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment)
    /// Its part of the title bar's trail (`Cairn › Agrupamento … › New goal`).
    func crumb(_ env: AppEnvironment) -> String
    /// True when what it shows was deleted (by another session): it closes instead of showing nothing.
    func isStale(in world: World) -> Bool
    /// Drawn over the screen below (a question, a prompt, help) rather than instead of it.
    var isOverlay: Bool { get }
    /// No title bar.
    var hidesTitleBar: Bool { get }
    /// The smallest terminal it is laid out for: 80x23 unless it says less (the workshop and
    /// what it opens work on a projector at 64x20).
    var minimumSize: TerminalSize { get }
    /// The open form to keep as a draft, once something was typed in it.
    var draft: FormState? { get }
    /// The list whose filter the status line shows.
    var filteredList: ListModel? { get }
}

extension Screen {
    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { .none }
    public func laterBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] { [] }
    public func trailingBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] { [] }
    public func typed(_ key: Key) -> Action? { nil }
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] { [] }
    public mutating func refresh(_ env: AppEnvironment) {}
    public func isStale(in world: World) -> Bool { false }
    public var isOverlay: Bool { false }
    public var hidesTitleBar: Bool { false }
    public var minimumSize: TerminalSize { .standard }
    public var draft: FormState? { nil }
    public var filteredList: ListModel? { nil }

    /// Its own keys, `u`, its later keys, `?` and `q`, then its trailing keys (the shared ones
    /// only where it takes them): the first that fires on a key is the one that acts.
    public func allBindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let shared = shared(env)
        return bindings(env) + shared.undoBindings + laterBindings(env) + shared.helpAndBackBindings + trailingBindings(env)
    }

    /// A key resolved through the bindings (then as typed text) and carried out; nil when the
    /// key means nothing here.
    mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [Effect]? {
        guard let action = allBindings(context.env).action(for: key) ?? typed(key) else { return nil }
        return update(action, &context)
    }

    /// True when a binding of the screen as it stands fires on `key` (not text typed into a field).
    func binds(_ key: Key, _ env: AppEnvironment) -> Bool { allBindings(env).contains { $0.fires(on: key) } }

    /// The `?` page of this screen: every binding, and the keys that work everywhere.
    func help(_ title: String, _ env: AppEnvironment) -> Effect {
        let notNow = Words.say("(not now)")
        let lines = Chrome.helpLines(allBindings(env), notNow: notNow) + Chrome.helpLines(SharedKey.everywhere, notNow: notNow)
        return .push(ScreenBox(HelpScreen(title: title, lines: lines)))
    }

    func drawFooter(into canvas: inout Canvas, y: Int, _ env: AppEnvironment) {
        Chrome.footer(allBindings(env), into: &canvas, y: y)
    }

    func isEqual(_ other: any Screen) -> Bool { (other as? Self) == self }
}

/// A screen in the stack, with its id.
public struct ScreenBox: Sendable, Equatable {
    public var id: ScreenID
    public var screen: any Screen
    /// The screen that opened it: a form's saved record is also told to the list it came from,
    /// so that the list selects it.
    public var opener: ScreenID?

    public init(_ screen: any Screen, id: ScreenID = .unassigned) {
        self.screen = screen
        self.id = id
    }

    public static func == (a: ScreenBox, b: ScreenBox) -> Bool { a.id == b.id && a.opener == b.opener && a.screen.isEqual(b.screen) }
}

/// A terminal's size in cells, as a screen needs it.
public struct TerminalSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// 80x24 less a multiplexer's status line: what most screens are laid out for.
    public static let standard = TerminalSize(width: 80, height: 23)
    /// A projector read in large fonts: the workshop and every screen reachable from it.
    public static let projector = TerminalSize(width: 64, height: 20)
}

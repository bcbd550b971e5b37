import CairnCore
import TermUI

/// One screen as a feature of its own: its state (the conforming value), its actions, its
/// bindings, its update and its drawing. The stack holds them as `any Screen`, so nothing
/// switches over the kinds of screen.
public protocol Screen: Sendable, Equatable {
    /// What can happen on this screen; `update` switches over it exhaustively.
    associatedtype Action: Sendable

    /// The keys as the screen stands: the one list that drives keys, footer and `?` help.
    func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>]
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
    /// No title bar (workshop mode, for a projector).
    var hidesTitleBar: Bool { get }
    /// The open form to keep as a draft, once something was typed in it.
    var draft: FormState? { get }
    /// The list whose filter the status line shows.
    var filteredList: ListModel? { get }
}

extension Screen {
    public func typed(_ key: Key) -> Action? { nil }
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] { [] }
    public mutating func refresh(_ env: AppEnvironment) {}
    public func isStale(in world: World) -> Bool { false }
    public var isOverlay: Bool { false }
    public var hidesTitleBar: Bool { false }
    public var draft: FormState? { nil }
    public var filteredList: ListModel? { nil }

    /// A key resolved through the bindings (then as typed text) and carried out; nil when the
    /// key means nothing here.
    mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [Effect]? {
        guard let action = bindings(context.env).action(for: key) ?? typed(key) else { return nil }
        return update(action, &context)
    }

    /// True when a binding of the screen as it stands fires on `key` (not text typed into a field).
    func binds(_ key: Key, _ env: AppEnvironment) -> Bool { bindings(env).contains { $0.fires(on: key) } }

    /// The `?` page of this screen: every binding, and the keys that work everywhere.
    func help(_ title: String, _ env: AppEnvironment) -> Effect {
        .push(ScreenBox(HelpScreen(title: title, lines: Chrome.helpLines(bindings(env)) + Chrome.helpLines(AppState.everywhere))))
    }

    func drawFooter(into canvas: inout Canvas, y: Int, _ env: AppEnvironment) {
        Chrome.footer(bindings(env), into: &canvas, y: y)
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

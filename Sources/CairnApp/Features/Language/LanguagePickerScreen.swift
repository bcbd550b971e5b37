import CairnWords
import TermUI

/// The languages Cairn speaks, each named in itself, over Home (`T`): Enter speaks the one
/// selected for the rest of the session, and every open screen is drawn in it at once (a
/// workshop that changes language mid-way). The store is not touched: its words are keys.
public struct LanguagePickerScreen: Screen {
    public enum Action: Sendable, Equatable {
        case move(ListMove)
        case choose, help, back
    }

    public var selected: Int

    /// - Parameter current: the language spoken now, selected to begin with.
    public init(current: Language) {
        selected = Language.supported.firstIndex(of: current) ?? 0
    }

    public var isOverlay: Bool { true }
    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Choose the language") }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let moves = [ListMove.down, .up, .first, .last].map { move in
            KeyBinding(move.keys, nil, move.said, Action.move(move), footer: false)
        }
        return [KeyBinding([.enter], "Enter", Words.say("choose"), .choose, essential: true)] + moves
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        SharedKeys(help: .help, helpInFooter: false, back: .back)
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let last = Language.supported.count - 1
        switch action {
        case .move(.down): selected = min(last, selected + 1)
        case .move(.up): selected = max(0, selected - 1)
        case .move(.first), .move(.pageUp): selected = 0
        case .move(.last), .move(.pageDown): selected = last
        case .choose: return [.close(context.id), .speak(Language.supported[selected])]
        case .help: return [help(Words.say("Choose the language"), context.env)]
        case .back: return [.close(context.id)]
        }
        return []
    }

    /// A box in the middle of the screen: one language a line, the selected one marked `>`
    /// and reversed, the one spoken now marked `✓`.
    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let languages = Language.supported
        let title = Words.say("Choose the language")
        let width = min(area.width - 4, max(30, DisplayWidth.of(title) + 8))
        let box = Rect(
            x: (area.width - width) / 2, y: max(0, (area.height - languages.count - 4) / 2), width: width, height: languages.count + 4)
        Layout.box(box, title: title, into: &canvas)
        for (i, language) in languages.enumerated() {
            let here = i == selected
            let line = (here ? "> " : "  ") + (language == env.language ? "✓ " : "  ") + language.name
            canvas.put(
                line, x: box.x + 2, y: box.y + 2 + i, maxWidth: box.width - 4,
                style: here ? Style(.accent, bold: true, reverse: true) : .plain)
        }
        canvas.placeCursor(x: box.x + 2, y: box.y + 2 + selected)
    }
}

import CairnCore
import TermUI

/// `?`: every key of the screen below, made from its bindings; any key closes it.
public struct HelpScreen: Screen {
    public enum Action: Sendable, Equatable { case close }

    public var title: String
    public var lines: [HelpLine]

    public init(title: String, lines: [(String, String)]) {
        self.title = title
        self.lines = lines.map { HelpLine(keys: $0.0, help: $0.1) }
    }

    public var isOverlay: Bool { true }
    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { "Keys" }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [KeyBinding([], "any key", "close this help", essential: true, anyKey: true) { _ in .close }]
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .close: return [.close(context.id)]
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        // One column while the keys fit, two when a screen has more keys than rows.
        let rows = area.height - 8
        let columns = lines.count > rows ? 2 : 1
        let perColumn = (lines.count + columns - 1) / columns
        let box = Rect(x: 2, y: 2, width: area.width - 4, height: min(area.height - 4, perColumn + 4))
        Layout.box(box, title: "Keys: \(title)", into: &canvas)
        let columnWidth = (box.width - 4) / columns
        let keyWidth = columns == 1 ? 22 : 12
        for (i, line) in lines.enumerated() {
            let column = i / perColumn
            let row = i % perColumn
            guard row < box.height - 4 else { continue }
            let x = box.x + 2 + column * columnWidth
            canvas.put(line.keys, x: x, y: box.y + 2 + row, maxWidth: keyWidth, style: .key)
            canvas.put(line.help, x: x + keyWidth + 1, y: box.y + 2 + row, maxWidth: columnWidth - keyWidth - 2)
        }
        canvas.put("Any key closes this help", x: box.x + 2, y: box.maxY - 1, style: .muted)
    }
}

/// One line of a help page: the keys and what they do.
public struct HelpLine: Sendable, Equatable {
    public var keys: String
    public var help: String
}

import CairnCore
import CairnWords
import TermUI

/// `?`: every key of the screen below, made from its bindings; any key closes it.
///
/// Each entry's words wrap under it rather than being cut; when the entries need more rows
/// than the terminal has (a projector's 20), they go on pages that PgDn and Space turn.
public struct HelpScreen: Screen {
    public enum Action: Sendable, Equatable {
        case close
        case nextPage
        case previousPage
    }

    public var title: String
    public var lines: [HelpLine]
    /// The page on show, from 0.
    public var page = 0

    public init(title: String, lines: [(String, String)]) {
        self.title = title
        self.lines = lines.map { HelpLine(keys: $0.0, help: $0.1) }
    }

    public var isOverlay: Bool { true }
    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { Words.say("Keys") }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        let pages = layout(Self.box(env.width, env.height)).pages.count
        let turns: [KeyBinding<Action>] =
            pages < 2
            ? []
            : [
                KeyBinding([.pageDown, .char(" ")], "PgDn", Words.say("next page of keys"), .nextPage, enabled: page + 1 < pages),
                KeyBinding([.pageUp], "PgUp", Words.say("page before"), .previousPage, enabled: page > 0),
            ]
        return turns + [KeyBinding([], Words.say("any key"), Words.say("close this help"), essential: true, anyKey: true) { _ in .close }]
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        switch action {
        case .close: return [.close(context.id)]
        case .nextPage: page += 1
        case .previousPage: page = max(0, page - 1)
        }
        return []
    }

    /// The help box on a terminal of this size.
    static func box(_ width: Int, _ height: Int) -> Rect { Rect(x: 2, y: 2, width: width - 4, height: height - 4) }

    /// One entry placed on a page: its column, its first row, and its words in lines.
    struct Placed {
        var entry: Int
        var column: Int
        var row: Int
        var help: [String]
    }

    /// The entries laid out in `box`: one column while they fit, else two; pages when two
    /// columns are not enough. An entry is never split between columns or pages.
    func layout(_ box: Rect) -> (keyWidth: Int, columnWidth: Int, pages: [[Placed]]) {
        let rows = max(1, box.height - 4)
        let widest = lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
        func place(columns: Int) -> (Int, Int, [[Placed]]) {
            let columnWidth = (box.width - 4) / columns
            let keyWidth = min(widest, columns == 1 ? 22 : 12)
            let helpWidth = max(8, columnWidth - keyWidth - 2)
            var pages: [[Placed]] = [[]]
            var (column, row) = (0, 0)
            for (i, line) in lines.enumerated() {
                let help = Layout.wrap(line.help, width: helpWidth)
                let height = min(rows, max(1, help.count))
                if row + height > rows {
                    (column, row) = (column + 1, 0)
                    if column == columns {
                        pages.append([])
                        column = 0
                    }
                }
                pages[pages.count - 1].append(Placed(entry: i, column: column, row: row, help: Array(help.prefix(height))))
                row += height
            }
            return (keyWidth, columnWidth, pages)
        }
        let one = place(columns: 1)
        return one.2.count == 1 && one.2[0].allSatisfy { $0.column == 0 } ? one : place(columns: 2)
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let full = Self.box(area.width, area.height)
        let (keyWidth, columnWidth, pages) = layout(full)
        let shown = pages[min(page, pages.count - 1)]
        // The box as tall as what it shows: a short help does not cover the whole screen.
        let used = shown.map { $0.row + $0.help.count }.max() ?? 0
        let box = Rect(x: full.x, y: full.y, width: full.width, height: min(full.height, used + 4))
        let boxTitle =
            pages.count > 1
            ? Words.say(
                "Keys: {title} (page {page} of {pages})",
                ["title": title, "page": String(min(page, pages.count - 1) + 1), "pages": String(pages.count)])
            : Words.say("Keys: {title}", ["title": title])
        Layout.box(box, title: boxTitle, into: &canvas)
        for placed in shown {
            let x = box.x + 2 + placed.column * columnWidth
            let y = box.y + 2 + placed.row
            let line = lines[placed.entry]
            canvas.put(line.keys, x: x, y: y, maxWidth: keyWidth, style: .key)
            for (k, words) in placed.help.enumerated() {
                canvas.put(words, x: x + keyWidth + 1, y: y + k, maxWidth: columnWidth - keyWidth - 2)
            }
        }
        let more =
            page + 1 < pages.count ? Words.say("PgDn more · any other key closes this help") : Words.say("Any key closes this help")
        canvas.put(more, x: box.x + 2, y: box.maxY - 1, maxWidth: box.width - 4, style: .muted)
        canvas.placeCursor(x: box.x + 2, y: box.y + 2)
    }
}

/// One line of a help page: the keys and what they do.
public struct HelpLine: Sendable, Equatable {
    public var keys: String
    public var help: String
}

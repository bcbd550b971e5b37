import CairnCore
import CairnWords
import TermUI

/// Text to read whole, a page at a time: a change of the history, a cluster's report (`v`).
/// Lines are wrapped to the terminal's width when drawn, so a resize reflows them.
public struct PagerScreen: Screen {
    public enum Action: Sendable, Equatable {
        case move(ListMove)
        case back
    }

    public var title: String
    /// Paragraphs; an empty one is a blank line.
    public var lines: [String]
    /// The first wrapped line shown.
    public var top = 0

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    public var minimumSize: TerminalSize { .projector }
    public func crumb(_ env: AppEnvironment) -> String { title }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [
            KeyBinding([.down, .char("j")], "j/k", Words.say("scroll"), .move(.down)),
            KeyBinding([.up, .char("k")], nil, Words.say("scroll up"), .move(.up), footer: false),
            KeyBinding([.pageDown, .char(" ")], "Space", Words.say("next page"), .move(.pageDown)),
            KeyBinding([.pageUp, .char("b")], "b", Words.say("previous page"), .move(.pageUp), footer: false),
            KeyBinding([.home, .char("g")], "g/G", Words.say("top, end"), .move(.first)),
            KeyBinding([.end, .char("G")], nil, Words.say("end", context: "the last line"), .move(.last), footer: false),
        ]
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> { SharedKeys(back: .back) }

    /// The lines as drawn `width` cells wide.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            let visible = Text.visible(line)
            if visible.isEmpty { return [""] }
            if DisplayWidth.of(visible) <= width { return [visible] }  // as written, its spacing kept
            // Keep an indent (a field's value under its name) on every line it wraps to; a
            // value beside its name ("Record   checkpoint …") keeps its column, under itself.
            let indent = String(visible.prefix { $0 == " " })
            let rest = visible.dropFirst(indent.count)
            let name = rest.prefix { $0 != " " }
            let gap = rest.dropFirst(name.count).prefix { $0 == " " }
            let label = indent + name + gap
            if gap.count >= 2, DisplayWidth.of(label) <= width / 3 {
                let hang = String(repeating: " ", count: DisplayWidth.of(label))
                let body = Layout.wrap(String(visible.dropFirst(label.count)), width: max(1, width - hang.count))
                return body.enumerated().map { ($0.offset == 0 ? label : hang) + $0.element }
            }
            let body = Layout.wrap(String(rest), width: max(1, width - indent.count))
            return body.map { indent + $0 }
        }
    }

    func pageHeight(_ env: AppEnvironment) -> Int { max(1, env.bodyHeight - 2) }
    func textWidth(_ env: AppEnvironment) -> Int { max(10, env.width - 4) }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let env = context.env
        let count = Self.wrapped(lines, width: textWidth(env)).count
        let page = pageHeight(env)
        let last = max(0, count - page)
        switch action {
        case .move(.down): top += 1
        case .move(.up): top -= 1
        case .move(.pageDown): top += page
        case .move(.pageUp): top -= page
        case .move(.first): top = 0
        case .move(.last): top = last
        case .back: return [.close(context.id)]
        }
        top = min(max(0, top), last)
        return []
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let shown = Self.wrapped(lines, width: textWidth(env))
        let page = pageHeight(env)
        let first = min(top, max(0, shown.count - page))
        canvas.put(title, x: 1, y: area.y, maxWidth: area.width - 2, style: .title)
        for (i, line) in shown.dropFirst(first).prefix(page).enumerated() {
            canvas.put(line, x: 2, y: area.y + 1 + i, maxWidth: area.width - 3)
        }
        let end = min(shown.count, first + page)
        let position =
            shown.count <= page
            ? Words.count("all {count} line", "all {count} lines", shown.count)
            : Words.count(
                "lines {first}–{last} of {count}", "lines {first}–{last} of {count}", shown.count,
                ["first": String(first + 1), "last": String(end)])
        canvas.put(position, x: 1, y: area.y + area.height - 1, maxWidth: area.width - 2, style: .muted)
    }
}

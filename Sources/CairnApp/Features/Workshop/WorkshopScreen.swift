import CairnCore
import TermUI

/// Workshop mode: the four steps of the local stakeholder cooperation framework, one screen
/// each, for a group around a projector: what is agreed, what is still missing, and `a` to add
/// what the group decides. Plain lines in large gaps, no tables, no title bar.
public struct WorkshopScreen: Screen {
    public enum Action: Sendable, Equatable {
        case add, open, nextStep, previousStep, inspiration
        case move(ListMove)
        case goToStep(Int)
        case undo, help, leave
    }

    public var clusterID: String
    /// 1 to 4.
    public var step = 1
    /// The item selected (agreed ones first, then missing); each part scrolls to show it.
    public var selected = 0
    public init(clusterID: String) { self.clusterID = clusterID }

    public static let titles = [
        "Map the stakeholders", "Agree shared goals", "Agree engagements", "Agree evaluation and monitoring",
    ]
    public static let questions = [
        "Who takes part, what can each provide, and who leads and convenes?",
        "A few realistic goals, each with an indicator, a target and a deadline.",
        "Which member does what towards which goal, and who is responsible?",
        "How often do all meet, how do members report, how is the plan evaluated?",
    ]
    static let addLabels = ["add a member", "add a goal", "add an action", "set the agreement"]

    public var hidesTitleBar: Bool { true }
    public func crumb(_ env: AppEnvironment) -> String { "Workshop" }
    public func isStale(in world: World) -> Bool { world.clusters[clusterID] == nil }

    public func bindings(_ env: AppEnvironment) -> [KeyBinding<Action>] {
        [
            KeyBinding([.char("a")], "a", Self.addLabels[step - 1], .add),
            KeyBinding([.enter], "Enter", step == 1 ? "set role and lead" : "open", .open, footer: step == 1),
            KeyBinding([.down, .char("j")], "j/k", "move", .move(.down), footer: false),
            KeyBinding([.up, .char("k")], nil, "move up", .move(.up), footer: false),
            KeyBinding([.pageDown, .char(" ")], nil, "page down", .move(.pageDown), footer: false),
            KeyBinding([.pageUp], nil, "page up", .move(.pageUp), footer: false),
            KeyBinding([.right, .char("n"), .tab], "→/n", "next step", .nextStep),
            KeyBinding([.left, .char("p"), .backTab], "←/p", "previous step", .previousStep),
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", "go to step", footer: false) { key in
                if case .char(let c) = key, let n = c.wholeNumberValue { return .goToStep(n) }
                return .goToStep(1)
            },
        ] + (step > 1 ? [KeyBinding([.char("I")], "I", "examples", .inspiration)] : [])
    }

    public func shared(_ env: AppEnvironment) -> SharedKeys<Action> {
        SharedKeys(undo: .undo, undoInFooter: false, help: .help, back: .leave, backLabel: "leave")
    }

    public mutating func update(_ action: Action, _ context: inout ScreenContext) -> [Effect] {
        let w = context.env.world
        switch action {
        case .add:
            switch step {
            case 1: return [.push(ScreenBox(PickerScreen(clusterID: clusterID)))]
            case 2: return [RecordDoors.open(FrameworkForms.goal(nil, cluster: clusterID, world: w))]
            case 3:
                return [RecordDoors.open(FrameworkForms.action(nil, cluster: clusterID, goal: w.goals(of: clusterID).first?.id, world: w))]
            default:
                return [
                    RecordDoors.open(FrameworkForms.agreement(w.agreement(of: clusterID), cluster: clusterID, today: context.env.today))
                ]
            }
        case .open: return open(context.env)
        case .inspiration: return step > 1 ? [.readInspiration(replyTo: context.id)] : []
        case .move(let m):
            let count = WorkshopStep.make(step, world: w, cluster: clusterID, today: context.env.today).items.count
            let page = max(1, Layout.workshopRows(context.env) / 2)
            switch m {
            case .down: selected += 1
            case .up: selected -= 1
            case .pageDown: selected += page
            case .pageUp: selected -= page
            case .first: selected = 0
            case .last: selected = count - 1
            }
            selected = min(max(0, selected), max(0, count - 1))
            return []
        case .nextStep: goTo(step + 1)
        case .previousStep: goTo(step - 1)
        case .goToStep(let n): goTo(n)
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help("Workshop", context.env)]
        case .leave: return [.close(context.id)]
        }
        return []
    }

    mutating func goTo(_ n: Int) {
        let next = min(4, max(1, n))
        if next != step { selected = 0 }
        step = next
    }

    /// Enter on an item: in step 1, the member's role and lead (what "has no role yet" and "no
    /// lead" ask for); elsewhere, what `a` adds.
    func open(_ env: AppEnvironment) -> [Effect] {
        let w = env.world
        let items = WorkshopStep.make(step, world: w, cluster: clusterID, today: env.today).items
        guard items.indices.contains(selected) else { return [] }
        if let id = items[selected].member, let m = w.memberships[id] {
            return [RecordDoors.open(RecordForms.member(m, cluster: clusterID, type: m.memberType, memberId: m.memberId, world: w))]
        }
        return []
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let world = env.world
        let compact = Layout.isCompactWorkshop(env)
        let name = world.clusters[clusterID]?.name ?? ""
        let content = WorkshopStep.make(step, world: world, cluster: clusterID, today: env.today)
        var y = area.y + (compact ? 0 : 1)
        canvas.put(
            "Step \(step) of 4 · \(WorkshopScreen.titles[step - 1])", x: 2, y: y, maxWidth: area.width - 4, style: Style(.title, bold: true)
        )
        y += 1
        canvas.put(name, x: 2, y: y, maxWidth: area.width - 4)
        y += 1
        if !compact {
            canvas.put(WorkshopScreen.questions[step - 1], x: 2, y: y, maxWidth: area.width - 4, style: .muted)
            y += 2
        }
        // Whole sentences, wrapped, for a room reading a projector. What is missing keeps the
        // room it needs (up to half); what is agreed gets the rest. Each part scrolls to keep the
        // selected item in sight and says how many more it holds above and below.
        let width = area.width - 8
        let agreed = WorkshopLines.items(content, agreed: true, width: width)
        let missing = WorkshopLines.items(content, agreed: false, width: width)
        let total = max(6, area.maxY - y - 3)
        let missingRoom = min(max(1, missing.count), max(2, total / 2))
        let agreedRoom = max(2, total - missingRoom)
        canvas.put("Agreed", x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if agreed.isEmpty {
            canvas.put("  nothing yet", x: 2, y: y, style: .muted)
            y += 1
        }
        y = section(agreed, rows: agreedRoom, at: y, into: &canvas, width: area.width)
        y += 1
        canvas.put("Still missing", x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if missing.isEmpty {
            canvas.put("  nothing: this step is done", x: 2, y: y, style: Style(.done, bold: true))
            return
        }
        _ = section(missing, rows: max(1, min(missingRoom, area.maxY - y)), at: y, into: &canvas, width: area.width)
    }

    /// Draws a window of `lines` `rows` high that shows the selected item when it is here,
    /// with "↑ N more above" and "… and N more" where items are out of sight; returns the row after.
    func section(_ lines: [WorkshopLines.Line], rows: Int, at top: Int, into canvas: inout Canvas, width: Int) -> Int {
        guard !lines.isEmpty else { return top }
        var first = 0
        if lines.count > rows, let last = lines.lastIndex(where: { $0.item == selected }) {
            // Room for the markers above and below.
            first = min(max(0, last - rows + 2), max(0, lines.count - rows + 1))
        }
        let items = { (range: ArraySlice<WorkshopLines.Line>) in Set(range.compactMap(\.item)).count }
        var window = Array(lines.dropFirst(first).prefix(rows))
        var below = items(lines.dropFirst(first + window.count)[...])
        if below > 0 || (first + rows < lines.count) {
            window = Array(window.prefix(rows - 1))
            below = items(lines.dropFirst(first + window.count)[...])
        }
        let above = items(lines.prefix(first)[...])
        var y = top
        for (i, line) in window.enumerated() {
            if i == 0, above > 0 {
                canvas.put("    ↑ \(above) more above", x: 0, y: y, maxWidth: width - 2, style: .muted)
            } else {
                let chosen = line.item == selected
                canvas.put(
                    (chosen ? "> " : "  ") + line.text, x: 0, y: y, maxWidth: width - 2,
                    style: chosen ? Style(.selection, bold: true, reverse: true) : line.style)
            }
            y += 1
        }
        if below > 0 {
            canvas.put("    … and \(below) more (j/k scroll)", x: 0, y: y, maxWidth: width - 2, style: .muted)
            y += 1
        }
        return y
    }
}

/// The workshop's lines: headings, then each item wrapped, with the item each line belongs to.
enum WorkshopLines {
    struct Line {
        var text: String
        var style: Style
        var item: Int?
    }

    /// One part's items (agreed or missing) wrapped, each line with its item's index.
    static func items(_ content: WorkshopStep, agreed: Bool, width: Int) -> [Line] {
        content.items.enumerated().filter { $0.element.agreed == agreed }.flatMap { i, item in
            Layout.wrap(item.text, width: max(10, width)).enumerated().map { k, text in
                Line(
                    text: (k == 0 ? (agreed ? "✓ " : "✗ ") : "  ") + text, style: agreed ? .plain : Style(.overdue, bold: true), item: i)
            }
        }
    }
}

extension Layout {
    /// Workshop mode on a projector with large fonts: from 64x20 the header drops its question.
    static func isCompactWorkshop(_ env: AppEnvironment) -> Bool { env.height < 24 || env.width < 80 }
    static func workshopRows(_ env: AppEnvironment) -> Int { max(3, env.bodyHeight - (isCompactWorkshop(env) ? 2 : 5)) }
}

extension WorkshopScreen {
    /// The examples were read: the list of those for this step.
    public mutating func receive(_ event: ScreenEvent, _ context: inout ScreenContext) -> [Effect] {
        guard case .inspirationRead(let library) = event, let kind = InspirationScreen.Kind(rawValue: step) else { return [] }
        return [.push(ScreenBox(InspirationScreen(kind: kind, clusterID: clusterID, library: library)))]
    }
}

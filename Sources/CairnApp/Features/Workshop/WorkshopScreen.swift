import CairnCore
import TermUI

/// Workshop mode: the four steps of the local stakeholder cooperation framework, one screen
/// each, for a group around a projector: what is agreed, what is still missing, and `a` to add
/// what the group decides. Plain lines in large gaps, no tables, no title bar.
public struct WorkshopScreen: Screen {
    public enum Action: Sendable, Equatable {
        case add, nextStep, previousStep
        case goToStep(Int)
        case undo, help, leave
    }

    public var clusterID: String
    /// 1 to 4.
    public var step = 1
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
            KeyBinding([.right, .char("n"), .tab], "→/n", "next step", .nextStep),
            KeyBinding([.left, .char("p"), .backTab], "←/p", "previous step", .previousStep),
            KeyBinding([.char("1"), .char("2"), .char("3"), .char("4")], "1-4", "go to step", footer: false) { key in
                if case .char(let c) = key, let n = c.wholeNumberValue { return .goToStep(n) }
                return .goToStep(1)
            },
            KeyBinding([.char("u")], "u", "undo", .undo, footer: false),
            KeyBinding([.char("?")], "?", "help", .help, essential: true),
            KeyBinding([.char("q"), .escape], "q", "leave", .leave, essential: true),
        ]
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
        case .nextStep: step = min(4, step + 1)
        case .previousStep: step = max(1, step - 1)
        case .goToStep(let n): step = min(4, max(1, n))
        case .undo: return [.undoLast(replyTo: context.id)]
        case .help: return [help("Workshop", context.env)]
        case .leave: return [.close(context.id)]
        }
        return []
    }

    public func render(into canvas: inout Canvas, area: Rect, _ env: AppEnvironment) {
        let world = env.world
        let today = env.today
        let w = self
        let name = world.clusters[w.clusterID]?.name ?? ""
        let content = WorkshopStep.make(w.step, world: world, cluster: w.clusterID, today: today)
        canvas.put(
            "Step \(w.step) of 4 · \(WorkshopScreen.titles[w.step - 1])", x: 2, y: area.y + 1, maxWidth: area.width - 4,
            style: Style(.title, bold: true))
        canvas.put(name, x: 2, y: area.y + 2, maxWidth: area.width - 4)
        canvas.put(WorkshopScreen.questions[w.step - 1], x: 2, y: area.y + 3, maxWidth: area.width - 4, style: .muted)
        var y = area.y + 5
        // Whole sentences, wrapped, for a room reading a projector: half the room for what is
        // agreed, the rest for what is missing.
        let width = area.width - 8
        func lines(_ items: [String]) -> [[String]] { items.map { Layout.wrap($0, width: width) } }
        let agreed = lines(content.agreed)
        let missing = lines(content.missing)
        // What is missing keeps the room it needs (up to half); what is agreed gets the rest.
        let total = area.maxY - y - 4
        let missingNeeds = max(1, missing.reduce(0) { $0 + $1.count })
        let agreedRoom = max(2, total - min(missingNeeds, total / 2))
        canvas.put("Agreed", x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if agreed.isEmpty {
            canvas.put("  nothing yet", x: 2, y: y, style: .muted)
            y += 1
        }
        var used = 0
        for (i, item) in agreed.enumerated() {
            if used + item.count > agreedRoom {
                canvas.put("  … and \(agreed.count - i) more", x: 2, y: y, style: .muted)
                y += 1
                break
            }
            for (k, line) in item.enumerated() {
                canvas.put((k == 0 ? "  ✓ " : "    ") + line, x: 2, y: y, maxWidth: area.width - 4)
                y += 1
            }
            used += item.count
        }
        y += 1
        canvas.put("Still missing", x: 2, y: y, style: Style(.normal, bold: true, underline: true))
        y += 1
        if missing.isEmpty {
            canvas.put("  nothing: this step is done", x: 2, y: y, style: Style(.done, bold: true))
            return
        }
        for (i, item) in missing.enumerated() {
            if y + item.count > area.maxY {
                if y < area.maxY { canvas.put("  … and \(missing.count - i) more", x: 2, y: y, style: .muted) }
                return
            }
            for (k, line) in item.enumerated() {
                canvas.put((k == 0 ? "  ✗ " : "    ") + line, x: 2, y: y, maxWidth: area.width - 4, style: Style(.overdue, bold: true))
                y += 1
            }
        }
    }
}
